"""``python -m conflict_map`` runs the command line."""

from .cli import main

if __name__ == "__main__":
    main()
