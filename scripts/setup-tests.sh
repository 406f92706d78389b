#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine:
#   - Debian packages: chromium (maps are tested in a real headless browser) and qgis-common
#     (Natural Earth admin-1 polygons, the embedded default boundaries);
#   - the package itself with its test extras, from PyPI.
# Runs apt-get directly as root, through sudo otherwise; without either, browser tests skip with a reason.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(chromium qgis-common)
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/qgis/resources/data/world_map.gpkg ] || missing+=(qgis-common)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" = none ]; then
    echo "setup-tests: cannot install ${missing[*]} (not root, no sudo); the tests that need them will skip" >&2
  else
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
