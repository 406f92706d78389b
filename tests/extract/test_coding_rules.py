"""EVENTS.md's coding rules on sentences written for these tests (a review's findings, each a rule):
counts (French approximations, ranges, wounded-only results, tolls as other accounts), dates
(datelines as references, "last Thursday"), history that is not news, and the target of a killing."""

from __future__ import annotations

from datetime import date

import pytest

from conflict_map.extract import extract_events
from conflict_map.extract.classify import find_cues, is_history, pick_type
from conflict_map.extract.dates import resolve_date
from conflict_map.extract.fatalities import count_deaths
from conflict_map.model import Article


@pytest.mark.parametrize("sentence, low, high", [
    ("Une dizaine de civils ont été tués mardi.", 10, 10),
    ("Des hommes armés ont tué une vingtaine de personnes lundi.", 20, 20),
    ("Une cinquantaine de civils ont été tués dans l'attaque.", 50, 50),
    ("Gunmen killed between 15 and 20 civilians on Tuesday.", 15, 20),
    ("Des hommes armés ont tué entre 15 et 20 civils mardi.", 15, 20),
    ("An attack on Tuesday left 14 wounded.", 0, 0),
    ("The attack left 14 dead and 20 wounded.", 14, 14),
    ("L'attaque a fait 6 blessés.", 0, 0),
    ("Gunmen killed 9 villagers on Tuesday.", 9, 9),
    ("Gunmen burned 9 villages on Tuesday.", 0, 0),
    ("Soldiers shooting dead 7 traders were arrested.", 7, 7),
    ("Un civil a été tué mardi.", 1, 1),
    ("The army said it killed 80 assailants and lost 12 soldiers.", 92, 92),
    # two accounts of the same deaths: the lowest, with the range
    ("The army said 12 soldiers were killed, while local sources put the toll at 30.", 12, 30),
    # the parts of one toll add up
    ("The provisional toll is 2 soldiers and 3 assailants killed.", 5, 5),
    # one victim per singular noun a killing verb takes, whatever the noun
    ("Gunmen assassinated the subprefect of the district at his home.", 1, 1),
    ("Gunmen shot dead a veterinarian in the commune.", 1, 1),
    ("Militiamen detained and executed a mechanic and an electricity provider.", 2, 2),
    ("Soldiers killed and buried a herder near the village.", 1, 1),
    ("Les assaillants ont tué le chef du village.", 1, 1),
    ("Five civilians were killed and 9 wounded.", 5, 5),
    ("One civilian was killed and another wounded.", 1, 1),
    ("They were executed a few kilometers from the village.", 0, 0),
    ("The army killed an unknown number of militants.", 0, 0),
])
def test_counts(sentence: str, low: int, high: int) -> None:
    d = count_deaths(sentence)
    assert (d.low, d.high) == (low, high)


REF = date(2025, 7, 3)  # a Thursday


@pytest.mark.parametrize("text, day, expression", [
    ("Gunmen attacked the town last Thursday.", date(2025, 6, 26), "last Thursday"),
    ("Des hommes armés ont attaqué la ville jeudi dernier.", date(2025, 6, 26), "jeudi dernier"),
    ("Gunmen attacked the town on Thursday.", date(2025, 7, 3), "on Thursday"),
    ("Gunmen attacked the town last Tuesday.", date(2025, 7, 1), "last Tuesday"),
])
def test_last_weekday(text: str, day: date, expression: str) -> None:
    m = resolve_date(text, REF)
    assert (m.date, m.expression) == (day, expression)


def test_a_datelines_date_is_the_reference_not_the_events_date() -> None:
    # published July 3; the dateline says June 30 (a Monday); the attack was on the Sunday before it
    text = "OUAGADOUGOU, June 30 (Reuters) - Gunmen killed 12 civilians in a village on Sunday, sources said."
    ex = extract_events([Article(id="d", text=text, published=REF)], None)
    assert [(e.event_date, e.date_expression) for e in ex.events] == [("2025-06-29", "on Sunday")]
    # without another date, the dateline's day is the event's
    text = "BAMAKO, July 2 (AFP) - Gunmen killed 12 civilians in a village, sources said."
    ex = extract_events([Article(id="d", text=text, published=REF)], None)
    assert [e.event_date for e in ex.events] == ["2025-07-02"]


@pytest.mark.parametrize("sentence", [
    "Residents are still traumatised by last year's attack, which killed 40 people.",
    "Today marks the tenth anniversary of the massacre, where 160 herders were killed.",
    "The vigil came a year after jihadists killed 50 people in the town.",
    "La cérémonie a eu lieu un an après le massacre, qui avait fait 50 morts.",
    "Insecurity continues in the region, where attacks on civilians are frequent.",
])
def test_recalled_events_and_standing_situations_are_history(sentence: str) -> None:
    assert is_history(sentence, 2025)
    ex = extract_events([Article(id="h", text=sentence, published=REF)], None)
    assert ex.events == [] and ex.non_events[0]["reason"].startswith("no new event")


def test_a_recall_beside_a_day_of_its_own_is_news() -> None:
    assert not is_history("On Monday, a year after the massacre, gunmen killed five people in the town.", 2025)


@pytest.mark.parametrize("sentence, typed", [
    ("Jihadists killed at least five civilians on Tuesday.", ("Violence against civilians", "Attack")),
    ("Gunmen killed around 20 villagers on Tuesday.", ("Violence against civilians", "Attack")),
    ("The army checkpoint was attacked around 18h20, one soldier killed.", ("Battles", "Armed clash")),
])
def test_the_target_after_a_quantity_is_the_object(sentence: str, typed: tuple[str, str]) -> None:
    assert pick_type(find_cues(sentence)) == typed


def _one(text: str):
    ex = extract_events([Article(id="a", text=text, published=REF)], None, country="ML")
    assert len(ex.events) == 1, ex.events
    return ex.events[0]


@pytest.mark.parametrize("text, typed, actors", [
    # arrests by an armed group are abductions (EVENTS.md)
    ("JNIM militants arrested three village chiefs on Tuesday.",
     ("Violence against civilians", "Abduction/forced disappearance"),
     ("JNIM: Group for Support of Islam and Muslims", "Civilians (Mali)")),
    ("Soldiers arrested three suspects on Tuesday.", ("Strategic developments", "Arrests"),
     ("Military Forces of Mali", None)),
    # the perpetrator of violence against civilians is the non-state actor of the text, named or not
    ("Suspected jihadists killed 11 civilians and two soldiers on Tuesday.",
     ("Violence against civilians", "Attack"), ("Unidentified Armed Group (Mali)", "Civilians (Mali)")),
    # a mine's victims are its targets, not its authors
    ("An IED killed three Malian soldiers on Tuesday.", ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
     ("Unidentified Armed Group (Mali)", "Military Forces of Mali")),
    # allies fight on one side
    ("VDP and Malian soldiers repelled an attack on Tuesday, killing 10 assailants.", ("Battles", "Armed clash"),
     ("Unidentified Armed Group (Mali)", "Military Forces of Mali")),
    # two named groups: both are the actors, not a generic "fighters"
    ("ISGS fighters clashed with JNIM militants on Tuesday.", ("Battles", "Armed clash"),
     ("Islamic State (Greater Sahara)", "JNIM: Group for Support of Islam and Muslims")),
    # abducted, then killed: an attack, with the death counted
    ("Gunmen abducted a village chief on Tuesday and later killed him.", ("Violence against civilians", "Attack"),
     ("Unidentified Armed Group (Mali)", "Civilians (Mali)")),
    ("Security forces shot dead two protesters on Tuesday.", ("Protests", "Excessive force against protesters"),
     ("Protesters (Mali)", "Military Forces of Mali")),
    ("Gunmen took 12 passengers hostage on Tuesday.", ("Violence against civilians", "Abduction/forced disappearance"),
     ("Unidentified Armed Group (Mali)", "Civilians (Mali)")),
    ("Hundreds of people marched peacefully on Tuesday against insecurity.", ("Protests", "Peaceful protest"),
     ("Protesters (Mali)", None)),
    ("Des centaines de personnes ont marché mardi contre l'insécurité.", ("Protests", "Peaceful protest"),
     ("Protesters (Mali)", None)),
])
def test_types_and_actors(text: str, typed: tuple[str, str], actors: tuple[str, str | None]) -> None:
    e = _one(text)
    assert (e.event_type, e.sub_event_type) == typed
    assert (e.actor1, e.actor2 or None) == actors


def test_the_abducted_then_killed_victim_is_counted() -> None:
    assert _one("Gunmen abducted a village chief on Tuesday and later killed him.").fatalities == 1


@pytest.mark.parametrize("sentence, low", [
    ("Gunmen killed 4 herders, 3 traders and 2 children.", 9),
    ("Gunmen killed 11 civilians in one village and two soldiers in another.", 13),
    ("At least 2 gendarmes were killed and 3 people wounded.", 2),
    ("Soldiers repelled the attack, killing two, and eight soldiers and a civilian were wounded.", 2),
    ("Gunmen killed 3 soldiers and wounded 5 others.", 3),
])
def test_a_list_of_victim_groups_shares_its_verb(sentence: str, low: int) -> None:
    assert count_deaths(sentence).low == low


def test_figures_and_days_given_place_by_place(invented_gaz) -> None:
    text = "Gunmen killed 11 civilians in Talbi on Tuesday and 2 soldiers in Wadi Karo on Wednesday."
    ex = extract_events([Article(id="p", text=text, published=REF)], invented_gaz, country="ML")
    got = [(e.location, e.fatalities, e.event_date) for e in ex.events]
    assert got == [("Talbi", 11, "2025-07-01"), ("Wadi Karo", 2, "2025-07-02")]
    assert not any("split" in e.notes for e in ex.events)


def test_a_total_for_several_places_is_still_split(invented_gaz) -> None:
    text = "Gunmen attacked Talbi and Wadi Karo on Tuesday, killing 11 civilians."
    ex = extract_events([Article(id="p", text=text, published=REF)], invented_gaz, country="ML")
    assert [(e.location, e.fatalities) for e in ex.events] == [("Talbi", 6), ("Wadi Karo", 5)]
    assert all("split" in e.notes for e in ex.events)


def test_an_armed_group_arrested_is_still_an_arrest() -> None:
    e = _one("Some thirty suspected jihadists arrested yesterday were taken to the capital; relatives denounce the arrests.")
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Arrests")


@pytest.mark.parametrize("text, day, precision, expression", [
    ("Mali's army said on Thursday that it had killed 30 terrorists over the past week.",
     date(2025, 6, 30), 2, "over the past week"),
    ("L'armée a annoncé jeudi avoir neutralisé 30 terroristes au cours de la semaine écoulée.",
     date(2025, 6, 30), 2, "au cours de la semaine écoulée"),
    ("Clashes erupted on Monday, the army said on Wednesday.", date(2025, 6, 30), 1, "on Monday"),
    # a statement's day is still the event's when the sentence gives no other
    ("The army said on Tuesday it killed 30 terrorists.", date(2025, 7, 1), 1, "on Tuesday"),
    ("Gunmen attacked the town early this month.", date(2025, 7, 1), 3, "early this month"),
    ("Gunmen attacked the town late last month.", date(2025, 6, 30), 3, "late last month"),
    ("Des hommes armés ont attaqué la ville au début du mois.", date(2025, 7, 1), 3, "au début du mois"),
    ("À la fin du mois dernier, des hommes armés ont attaqué la ville.", date(2025, 6, 30), 3,
     "À la fin du mois dernier"),
])
def test_statement_days_and_parts_of_months(text: str, day: date, precision: int, expression: str) -> None:
    m = resolve_date(text, REF)
    assert (m.date, m.precision, m.expression) == (day, precision, expression)


@pytest.mark.parametrize("text", [
    "Des hommes armés ont tué 4 civils dans la région de Wadi Karo mardi.",
    "Gunmen killed 4 civilians in the Wadi Karo region on Tuesday.",
])
def test_a_place_named_as_a_region_is_precision_3(invented_gaz, text: str) -> None:
    ex = extract_events([Article(id="r", text=text, published=REF)], invented_gaz, country="ML")
    assert [(e.location, e.geo_precision) for e in ex.events] == [("Wadi Karo", 3)]


def test_unidentified_armed_groups_are_inter_3_as_in_acled() -> None:
    e = _one("Gunmen killed two herders on Tuesday.")
    assert (e.actor1, e.inter1, e.interaction) == ("Unidentified Armed Group (Mali)", 3, 37)
    assert e.iso == 466  # ACLED's iso column: the numeric country code


def test_no_split_note_without_deaths(invented_gaz) -> None:
    ex = extract_events([Article(id="z", text="Gunmen attacked Talbi and Wadi Karo on Tuesday.", published=REF)],
                        invented_gaz, country="ML")
    assert len(ex.events) == 2 and not any("split" in e.notes for e in ex.events)


@pytest.mark.parametrize("text, place", [
    ("DES HOMMES ARMÉS ONT TUÉ 5 CIVILS À TALBI MARDI.", ("Talbi", 5)),
    # "KELTA" (a place of the table) written in capitals as a word, not after a place word, is no place
    ("JIHADISTS ATTACKED THE ARMY CAMP IN TALBI ON TUESDAY; KELTA SAID FIVE SOLDIERS WERE KILLED.", ("Talbi", 5)),
])
def test_a_place_in_a_text_written_in_capitals(invented_gaz, text: str, place: tuple[str, int]) -> None:
    ex = extract_events([Article(id="c", text=text, published=REF)], invented_gaz, country="ML")
    assert [(e.location, e.fatalities) for e in ex.events] == [place]


@pytest.mark.parametrize("text", [
    "The country on Wednesday marked the third anniversary of the massacre, in which gunmen killed 86 people.",
    "Il y a dix ans, des jihadistes attaquaient un hôtel de la capitale, faisant 20 morts.",
    "Five years ago this week, gunmen killed 160 villagers.",
    "Une opération militaire sera lancée dans les prochains jours, où des affrontements sont redoutés.",
    "Une marche de l'opposition prévue vendredi a été interdite par les autorités.",
    "A march planned for Friday was banned.",
])
def test_anniversaries_plans_and_bans_are_not_events(text: str) -> None:
    ex = extract_events([Article(id="n", text=text, published=REF)], None, country="ML")
    assert ex.events == []


@pytest.mark.parametrize("text", [
    "Protesters dispersed by police on the eve of the anniversary of the launch of the intervention, on Wednesday.",
    "Preachers commemorating the Mawlid were attacked by gunmen on Wednesday.",
    "Gunmen attacked the expected convoy on Monday.",
])
def test_words_of_anniversaries_and_plans_around_a_real_event(text: str) -> None:
    assert len(extract_events([Article(id="y", text=text, published=REF)], None, country="ML").events) == 1


@pytest.mark.parametrize("sentence, low", [
    ("Des hommes armés ont exécuté une vingtaine de civils dimanche.", 20),
    ("Des jihadistes ont tué lundi quatre civils.", 4),
    ("Gunmen killed on Monday four civilians.", 4),
])
def test_a_day_between_the_verb_and_its_figure(sentence: str, low: int) -> None:
    assert count_deaths(sentence).low == low


def test_a_dateline_without_a_date_and_where_someone_spoke_are_not_event_places(invented_gaz) -> None:
    text = ("BAMAKO (Reuters) - The army said on Wednesday it had killed 20 militants near Talbi. "
            "The minister told reporters in Wadi Karo that operations would continue.")
    ex = extract_events([Article(id="d", text=text, published=REF)], invented_gaz, country="ML")
    assert [(e.location, e.fatalities) for e in ex.events] == [("Talbi", 20)]
    text = "The governor told reporters in Wadi Karo that 12 jihadists were killed in Talbi on Monday."
    ex = extract_events([Article(id="k", text=text, published=REF)], invented_gaz, country="ML")
    assert [e.location for e in ex.events] == ["Talbi"]


def test_a_state_force_and_its_allies_as_associates() -> None:
    e = _one("Malian soldiers and Wagner fighters killed 12 civilians on Tuesday.")
    assert (e.actor1, e.assoc_actor_1, e.actor2) == ("Military Forces of Mali", "Wagner Group", "Civilians (Mali)")


def test_whoever_fires_is_actor_1_of_a_shelling() -> None:
    e = _one("Militants fired mortar shells at the army camp on Tuesday.")
    assert (e.sub_event_type, e.actor1, e.actor2) == ("Shelling/artillery/missile attack",
                                                      "Unidentified Armed Group (Mali)", "Military Forces of Mali")


@pytest.mark.parametrize("text, typed, actor1", [
    ("Des éléments de l'État islamique ont arrêté dimanche deux chefs de village.",
     ("Violence against civilians", "Abduction/forced disappearance"), "Islamic State (Greater Sahara)"),
    ("L'armée malienne a repris mercredi le contrôle de la ville.", ("Battles", "Government regains territory"),
     "Military Forces of Mali"),
])
def test_french_wording(text: str, typed: tuple[str, str], actor1: str) -> None:
    e = _one(text)
    assert ((e.event_type, e.sub_event_type), e.actor1) == (typed, actor1)


def test_deaths_told_in_the_next_sentence() -> None:
    e = _one("Selon l'état-major, des terroristes ont attaqué un poste mardi. Deux militaires ont perdu la vie.")
    assert e.fatalities == 2


def test_the_past_weeks_in_french() -> None:
    m = resolve_date("Des hommes armés avaient tué 9 civils au cours des deux dernières semaines.", REF)
    assert (m.date, m.precision) == (date(2025, 6, 15), 3)


def test_decomposed_accents_given_directly(invented_gaz) -> None:
    text = "Des hommes arme\u0301s ont tue\u0301 5 civils a\u0300 Talbi mardi."
    ex = extract_events([Article(id="u", text=text, published=REF)], invented_gaz, country="ML")
    assert [(e.location, e.fatalities) for e in ex.events] == [("Talbi", 5)]


def test_recently_is_the_reports_week_and_never_a_new_incident() -> None:
    e = _one("Gunmen recently killed five herders.")
    assert (e.event_date, e.time_precision, e.date_expression) == ("2025-07-03", 2, "recently")
    ex = extract_events([Article(id="r", text="Gunmen killed five herders on Monday. The area has recently seen "
                                              "attacks.", published=REF)], None, country="ML")
    assert [(e.event_date, e.time_precision) for e in ex.events] == [("2025-06-30", 1)]


def test_per_place_victims_set_the_type(invented_gaz) -> None:
    text = "Jihadists killed 8 civilians in Talbi and three gendarmes in Wadi Karo on Tuesday."
    ex = extract_events([Article(id="v", text=text, published=REF)], invented_gaz, country="ML")
    got = [(e.location, e.event_type, e.actor1, e.actor2, e.fatalities) for e in ex.events]
    assert got == [("Talbi", "Violence against civilians", "Unidentified Armed Group (Mali)", "Civilians (Mali)", 8),
                   ("Wadi Karo", "Battles", "Unidentified Armed Group (Mali)", "Police Forces of Mali", 3)]


@pytest.mark.parametrize("text, day", [
    ("Le ministre s'est rendu mardi dans la ville, où des affrontements ont fait 6 morts lundi.", "2025-06-30"),
    ("On Monday, gunmen attacked the town, killing 3, the army said on Wednesday.", "2025-06-30"),
])
def test_the_date_in_the_events_own_clause(text: str, day: str) -> None:
    assert _one(text).event_date == day


@pytest.mark.parametrize("text", [
    "Two foreign nationals kidnapped in May were released on Tuesday.",
    "Deux ressortissants étrangers enlevés en mai ont été libérés mardi.",
])
def test_a_hostage_release_is_an_agreement_on_its_own_day(text: str) -> None:
    e = _one(text)
    assert (e.event_type, e.sub_event_type, e.event_date) == ("Strategic developments", "Agreement", "2025-07-01")


def test_an_abduction_then_a_release_is_still_the_abduction() -> None:
    e = _one("Gunmen abducted five people on Monday; two were released on Tuesday.")
    assert (e.sub_event_type, e.event_date) == ("Abduction/forced disappearance", "2025-06-30")


def test_a_release_on_a_day_of_its_own_does_not_move_the_abduction() -> None:
    ex = extract_events([Article(id="i", text="The imam was abducted by jihadists. He was released safe and sound "
                                              "on July 2.", published=REF)], None, country="ML")
    got = [(e.sub_event_type, e.event_date) for e in ex.events]
    assert got == [("Abduction/forced disappearance", "2025-07-03"), ("Agreement", "2025-07-02")]


def test_only_an_agreement_is_a_release() -> None:
    e = _one("Strikes were launched on Tuesday after the group's men were disarmed.")
    assert e.sub_event_type != "Agreement"


@pytest.mark.parametrize("text, actors", [
    ("An IED struck a bus carrying civilians on Tuesday, killing 5 passengers.",
     ("Unidentified Armed Group (Mali)", "Civilians (Mali)")),
    ("Soldiers carried out a drone strike on a market on Tuesday, killing 12 civilians.",
     ("Military Forces of Mali", "Civilians (Mali)")),
])
def test_civilians_struck_by_explosions_are_actor_2(text: str, actors: tuple[str, str]) -> None:
    e = _one(text)
    assert (e.actor1, e.actor2, e.civilian_targeting) == (*actors, "Civilian targeting")


@pytest.mark.parametrize("sentence, cues", [
    # a negation that reaches the cue: nothing happened
    ("No clashes were reported.", []),
    ("There was no fighting in the town.", []),
    ("The militants did not attack the camp.", []),
    ("The militants didn't attack the camp.", []),
    ("Les soldats n'ont pas été tués.", []),
    ("Aucun affrontement n'a été signalé.", []),
    ("Troops entered the town. No report of clashes.", []),
    # a negation that stops before it: the event stands
    ("No fewer than 10 soldiers were killed on Monday.", ["Armed clash"]),
    ("No less than 12 people were killed.", ["Attack"]),
    ("No group has claimed the attack on the village.", ["Attack"]),
    ("It is not known who attacked the village.", ["Attack"]),
    ("No one was arrested but three villagers were killed.", ["Attack"]),
])
def test_a_negation_reaches_only_the_cue_it_governs(sentence: str, cues: list[str]) -> None:
    assert [c.sub_event_type for c in find_cues(sentence)] == cues


@pytest.mark.parametrize("text, sub", [
    ("Armed groups took control of Wadi Karo on Monday. No clashes were reported.",
     "Non-violent transfer of territory"),
    ("Les jihadistes ont pris le contrôle de Wadi Karo lundi sans combat.", "Non-violent transfer of territory"),
    ("JNIM fighters took control of Wadi Karo on Monday after clashes with the army.",
     "Non-state actor overtakes territory"),
])
def test_a_takeover_without_fighting_is_a_non_violent_transfer(invented_gaz, text: str, sub: str) -> None:
    ex = extract_events([Article(id="t", text=text, published=REF)], invented_gaz, country="ML")
    assert [(e.sub_event_type, e.location) for e in ex.events] == [(sub, "Wadi Karo")]


def test_taking_control_of_a_situation_is_not_a_takeover() -> None:
    assert "Non-state actor overtakes territory" not in [
        c.sub_event_type for c in find_cues("The police took control of the situation after the riot.")]


@pytest.mark.parametrize("text", [
    "On May 15, gunmen entered a hamlet in the area of Talbi, the hamlet chief was killed.",
    "On May 15, militiamen killed two herders in the village of Talbi, a trader was also arrested.",
])
def test_a_place_introduced_by_a_place_word_is_not_a_person(invented_gaz, text: str) -> None:
    # "X, the hamlet chief" looks like an apposition to a person; "in the area of X" says X is a place
    ex = extract_events([Article(id="t", text=text, published=REF)], invented_gaz, country="ML")
    assert ex.events and ex.events[0].location == "Talbi"


def test_a_person_with_a_role_is_still_not_a_place(invented_gaz) -> None:
    ex = extract_events([Article(id="t", text="The son of Ousmane Diallo, a trader, was abducted in Talbi.",
                                 published=REF)], invented_gaz, country="ML")
    assert [e.location for e in ex.events] == ["Talbi"]


@pytest.mark.parametrize("sentence, sub", [
    ("Authorities said they had thwarted a coup plot by a group of officers.", "Other"),
    ("Les autorités ont déjoué une tentative de coup d'État.", "Other"),
    ("Troops thwarted a plot to overthrow the government.", "Other"),
    ("The army seized power in a coup on Monday.", "Other"),
    ("Soldiers foiled a plan to plant explosives on the road.", "Disrupted weapons use"),
])
def test_a_foiled_coup_is_a_political_development(sentence: str, sub: str) -> None:
    assert pick_type(find_cues(sentence)) == ("Strategic developments", sub)


def test_gunshots_are_not_a_coup() -> None:
    assert find_cues("Des coups de feu ont été entendus dans la nuit.") == []


def test_html_handed_in_directly_is_read_as_text() -> None:
    text = "<p>Gunmen <b>killed</b> five civilians on Monday.</p><script>alert('x')</script>"
    ev = extract_events([Article(id="h", text=text, published=REF)], None).events[0]
    assert ev.evidence == "Gunmen killed five civilians on Monday." and ev.fatalities == 5


@pytest.mark.parametrize("sentence, typed", [
    # raided and robbed, nobody harmed: looting; shot at or assaulted while robbed: an attack
    ("Gunmen attacked a bus and stripped the passengers of their belongings.",
     ("Strategic developments", "Looting/property destruction")),
    ("Gunmen opened fire on a bus and stripped the passengers of their belongings.",
     ("Violence against civilians", "Attack")),
    ("Militiamen looted shops in the village, an imam was also assaulted.", ("Violence against civilians", "Attack")),
    # weapons seized are disrupted weapons use; assault rifles are not an assault
    ("Troops seized assault rifles and ammunition during a search.", ("Strategic developments", "Disrupted weapons use")),
    ("Les soldats ont saisi des fusils d'assaut lors d'une fouille.", ("Strategic developments", "Disrupted weapons use")),
])
def test_robbery_with_violence_and_weapons_seizures(sentence: str, typed: tuple[str, str]) -> None:
    assert pick_type(find_cues(sentence)) == typed


@pytest.mark.parametrize("sentence, typed", [
    # a noun's target follows "on"/"against", whoever carried it out
    ("The group claimed responsibility for an attack on soldiers at a checkpoint.", ("Battles", "Armed clash")),
    ("Three people were killed in an attack by gunmen on an army post.", ("Battles", "Armed clash")),
    # the attack that provoked the one reported is another event
    ("Militiamen attacked the village in response to an attack on their checkpoint.",
     ("Violence against civilians", "Attack")),
    # an air raid is remote violence, even when called an operation
    ("French forces carried out an air raid operation, killing 14 militants.",
     ("Explosions/Remote violence", "Air/drone strike")),
    # mines and explosives however the vehicle met them
    ("A truck was struck by a mine, the driver was wounded.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Five soldiers were killed when their vehicle hit a roadside explosive.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("One civilian died following the passage of a truck on a mine.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("At least 55 people were killed in a suicide car attack at a military camp.",
     ("Explosions/Remote violence", "Suicide bomb")),
    # clashes with no armed group on either side are a riot
    ("Clashes between police and local youths left two wounded.", ("Riots", "Violent demonstration")),
    ("Clashes erupted between students of two faculties.", ("Riots", "Violent demonstration")),
    ("Armed students clashed over the election of the union's leader.", ("Battles", "Armed clash")),
    ("Clashes between jihadists and local youths left five dead.", ("Battles", "Armed clash")),
])
def test_targets_tactics_and_sides(sentence: str, typed: tuple[str, str]) -> None:
    assert pick_type(find_cues(sentence)) == typed


@pytest.mark.parametrize("sentence, history", [
    ("Soldiers killed 4 militants who previously had executed an informer.", False),
    ("The militants, who had previously attacked the town, were killed on Monday.", False),
    ("Gunmen had previously attacked the town.", True),
])
def test_previously_in_a_relative_clause_is_not_history(sentence: str, history: bool) -> None:
    assert is_history(sentence) is history


@pytest.mark.parametrize("sentence, low", [
    ("Des hommes armés ont tué mardi 12 villageois.", 12),  # "mardi" is not "mar." (March)
    ("At least 20 soldiers and volunteers (VDP) were killed in the attack.", 20),
    ("Attack on two army posts this morning in Talbi (Koura) 1 killed and 3 wounded.", 1),
    ("Five guards, 1 gendarme, 1 contractor & 6 assailants killed.", 13),
    ("Ils ont tué six civils à Djibasso et deux gendarmes à Barani.", 8),
    ("Jihadists killed a total of 15 people over the weekend.", 15),
    ("Les sources font état de dizaines de morts.", 12),
    ("Plusieurs dizaines de civils ont été tués.", 12),
    ("Several dozen people were killed.", 12),
])
def test_more_counts(sentence: str, low: int) -> None:
    assert count_deaths(sentence).low == low


def test_a_weekday_before_a_figure_is_a_weekday() -> None:
    m = resolve_date("Des hommes armés ont tué mardi 12 villageois.", date(2025, 7, 17))
    assert (m.date, m.expression) == (date(2025, 7, 15), "mardi")
    assert resolve_date("Le mardi 12 mars, des hommes armés ont attaqué.", date(2025, 7, 17)).date == date(2025, 3, 12)


def test_a_toll_in_another_sentence_is_another_account(invented_gaz) -> None:
    text = ("Dozens of people were killed when gunmen raided the market in Talbi on Monday. A nurse in Kelta "
            "put the toll at between 25 and 40 dead.")
    ev = extract_events([Article(id="t", text=text, published=REF)], invented_gaz, country="ML").events
    assert [(e.fatalities_low, e.fatalities_high) for e in ev] == [(12, 40)]


def test_a_follow_up_sentence_without_place_or_actor_is_the_same_event(invented_gaz) -> None:
    text = "Des hommes armés ont tué mardi 12 villageois à Talbi. Plusieurs maisons ont été incendiées."
    ev = extract_events([Article(id="t", text=text, published=REF)], invented_gaz, country="ML").events
    assert [(e.sub_event_type, e.location, e.fatalities) for e in ev] == [("Attack", "Talbi", 12)]


def test_a_follow_up_event_of_other_actors_happens_at_the_same_place(invented_gaz) -> None:
    text = "Gunmen killed five villagers in Talbi on Monday. Police later arrested three suspects."
    ev = extract_events([Article(id="t", text=text, published=REF)], invented_gaz, country="ML").events
    assert [(e.sub_event_type, e.location) for e in ev] == [("Attack", "Talbi"), ("Arrests", "Talbi")]


def test_a_dispersed_protest_and_a_death_are_one_demonstration(invented_gaz) -> None:
    text = ("À Talbi, des jeunes en colère ont érigé des barricades et brûlé des pneus lundi. La police a dispersé "
            "les manifestants à coups de gaz lacrymogène ; un jeune a été tué par balle.")
    ev = extract_events([Article(id="t", text=text, published=REF)], invented_gaz, country="ML").events
    assert [(e.event_type, e.location, e.fatalities) for e in ev] == [("Riots", "Talbi", 1)]


@pytest.mark.parametrize("sentence, typed", [
    ("Residents said they feared an imminent assault.", None),
    ("Les rebelles ont affirmé jeudi s'être emparés de la localité.", ("Battles", "Non-state actor overtakes territory")),
    ("Les jihadistes se sont emparés jeudi de la ville.", ("Battles", "Non-state actor overtakes territory")),
    ("Deux ressortissants enlevés le 12 mars ont été libérés samedi.", ("Strategic developments", "Agreement")),
    ("Violent protests were reported in the town.", ("Riots", "Violent demonstration")),
])
def test_fears_takeovers_releases_and_violent_protests(sentence: str, typed) -> None:
    cues = find_cues(sentence)
    assert (pick_type(cues) if cues else None) == typed


@pytest.mark.parametrize("text, word", [
    ("Over the weekend, gunmen killed 4 people in Talbi.", "Over"),  # not Over (England)
    ("Les rebelles du Front de libération de l'Azawad ont attaqué Talbi.", "Azawad"),  # a group's name
])
def test_words_that_are_not_places(text: str, word: str) -> None:
    from types import SimpleNamespace

    from conflict_map.extract.places import candidate_places

    # as if the gazetteer had spotted both names
    spotted = [SimpleNamespace(start=text.index(w), end=text.index(w) + len(w), text=w) for w in (word, "Talbi")]
    assert [p.text for p in candidate_places(text, 0, len(text), spotted)] == ["Talbi"]


def _ev(gaz, text: str, country="ML"):
    return extract_events([Article(id="t", text=text, published=REF)], gaz, country=country).events


def test_a_day_earlier_somewhere_else_is_another_event(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Gunmen killed four miners near Talbi on Thursday. A day earlier, a truck struck a "
                           "landmine near Wadi Karo.")
    assert [(e.location, e.event_date) for e in ev] == [("Talbi", "2025-07-03"), ("Wadi Karo", "2025-07-02")]


def test_the_following_day_without_a_place_ends_the_same_event(invented_gaz) -> None:
    ev = _ev(invented_gaz, "On Monday, militants abducted two men near Talbi. The two were killed the following day.")
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in ev] == [("Attack", "2025-06-30", 2)]


@pytest.mark.parametrize("text, place", [
    ("Des habitants de Kelta accusent des hommes armés d'avoir attaqué dimanche Talbi, tuant sept personnes.",
     "Talbi"),
    ("« Ils ont tout brûlé », a déclaré un élu joint depuis Kelta. L'attaque visait mardi le marché de Talbi.",
     "Talbi"),
    ("Militants set fire to 40 tankers on the Kelta-Tobali road near Talbi on Sunday.", "Talbi"),
    ("On Sunday, residents in Kelta took to the streets after an opposition rally in Talbi.", "Kelta"),
])
def test_where_people_speak_from_and_a_roads_ends_give_way(invented_gaz, text: str, place: str) -> None:
    assert [e.location for e in _ev(invented_gaz, text)][:1] == [place]


def test_a_place_in_a_hamlet_phrase_is_held_to_its_distance(invented_gaz) -> None:
    # the only Wadi Karo is about 100 km from Talbi
    ev = _ev(invented_gaz, "Militants executed 11 civilians in Wadi Karo, a hamlet some 10 km east of Talbi, on Monday.")
    assert [(e.location, e.location_flags) for e in ev] == [("Talbi", "nearby_place")]


def test_actors_who_tell_or_who_died_are_not_perpetrators(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Une dizaine de civils et quatre VDP ont été tués mardi dans l'attaque de Talbi par des "
                           "individus armés non identifiés.", country="BF")
    assert (ev[0].actor1, ev[0].actor2) == ("Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)")
    ev = _ev(invented_gaz, "Des hommes armés ont incendié mercredi des camions à Talbi, selon la gendarmerie.")
    assert ev[0].actor1 == "Unidentified Armed Group (Mali)"


@pytest.mark.parametrize("sentence, history", [
    ("Burkina Faso on Sunday marked one year since the Barsalogho massacre, in which hundreds were killed.", True),
    ("En juin 2021, la localité voisine avait été le théâtre d'un massacre qui avait fait 130 morts.", True),
    ("In June 2024, gunmen killed 5 people in the town.", False),  # the year before the report's: news
    ("La zone est le théâtre d'incursions régulières de l'État islamique.", True),
    ("On Monday, gunmen killed 5 people, the latest of frequent attacks in the area.", False),
])
def test_more_background(sentence: str, history: bool) -> None:
    assert is_history(sentence, 2025) is history


def test_a_demonym_of_a_border_is_not_the_actors_country() -> None:
    from conflict_map.extract.actors import countries_named

    assert countries_named("des hommes armés ont tué six civils près de la frontière malienne") == []


def test_the_government_regains_territory() -> None:
    from conflict_map.extract.actors import assign_actors, find_actors

    acts = find_actors("Burkinabe troops regained control of the town after fighting with JNIM militants.", "BF")
    a1, a2 = assign_actors("Battles", "Government regains territory", acts, "BF")
    assert (a1.inter, a2.name) == (1, "JNIM: Group for Support of Islam and Muslims")


def test_a_road_named_by_its_towns_is_precision_2(invented_gaz) -> None:
    ev = _ev(invented_gaz, "A vehicle of the Red Cross was hit by gunfire on the Talbi-Kelta road on Monday.")
    assert [(e.sub_event_type, e.location, e.geo_precision) for e in ev] == [("Attack", "Talbi", 2)]


def test_a_monument_named_after_its_town_places_the_event_in_the_town(invented_gaz) -> None:
    ev = _ev(invented_gaz, "A rally was held at the Talbi Memorial Pyramid on Monday to denounce domestic violence.")
    assert [(e.event_type, e.location) for e in ev] == [("Protests", "Talbi")]


@pytest.mark.parametrize("text, ref_day", [
    ("GAO, Mali, Oct 8 (Sahel Wire) – Gunmen attacked an army camp on Tuesday.", date(2025, 10, 8)),
    ("Niamey, Niger, 3 mars (AFP) - Des hommes armés ont attaqué un camp mardi.", date(2025, 3, 3)),
    ("MOPTI, Mali – Gunmen attacked an army camp on Tuesday.", None),
])
def test_a_dateline_with_its_country(text: str, ref_day) -> None:
    from conflict_map.extract.dates import find_dateline

    got, end = find_dateline(text, date(2025, 10, 10))
    assert end > 0 and got == ref_day
    ev = extract_events([Article(id="d", text=text, published=date(2025, 10, 10))], None).events
    assert ev[0].event_date != (ref_day or date(2000, 1, 1)).isoformat()  # the dateline is a reference


def test_several_countries_given_the_one_the_report_names_ranks_first(tmp_path) -> None:
    # two villages named Lerea, in Burkina Faso and in Mali; "--country BF --country ML" and a report about
    # the "Malian army": the one in Mali
    from gazetteer import Gazetteer

    (tmp_path / "p.csv").write_text("name,latitude,longitude,country_code,feature_code\n"
                                    "Lerea,14.1,-0.5,BF,PPL\nLerea,15.7,-4.9,ML,PPL\n", encoding="utf-8")
    g = Gazetteer.from_sources(places=[tmp_path / "p.csv"], embedded=False, cache_dir=tmp_path / "c")
    ev = _ev(g, "A Malian army drone strike hit JNIM fighters near Lerea on Thursday.", country=["BF", "ML"])
    assert (ev[0].country_code, ev[0].actor1) == ("ML", "Military Forces of Mali")
    # a report in Niger under "--country ML --country NE" has Nigerien actors, not the first country's
    (tmp_path / "q.csv").write_text("name,latitude,longitude,country_code,feature_code\nTerabo,14.0,1.5,NE,PPL\n",
                                    encoding="utf-8")
    g = Gazetteer.from_sources(places=[tmp_path / "q.csv"], embedded=False, cache_dir=tmp_path / "c2")
    ev = _ev(g, "Gunmen killed three civilians in Terabo on Thursday.", country=["ML", "NE"])
    assert (ev[0].country_code, ev[0].actor1) == ("NE", "Unidentified Armed Group (Niger)")


def test_a_group_the_report_says_claimed_nothing_is_not_the_perpetrator(invented_gaz) -> None:
    ev = _ev(invented_gaz, "A roadside bomb struck an army convoy near Talbi on Saturday, killing three soldiers. "
                           "No group has claimed the attack, but JNIM fighters are active in the area.")
    assert (ev[0].actor1, ev[0].actor2) == ("Unidentified Armed Group (Mali)", "Military Forces of Mali")


def test_the_outlet_of_a_dateline_is_the_source() -> None:
    ev = extract_events([Article(id="s", text="GAO, Mali, Oct 8 (Sahel Wire) – Gunmen killed two traders on Tuesday.",
                                 published=date(2025, 10, 9))], None).events
    assert ev[0].source == "Sahel Wire"


def test_a_force_that_speaks_is_the_source_not_a_party() -> None:
    ev = extract_events([Article(id="s", text="Soldiers arrested three traffickers on Monday, the gendarmerie said.",
                                 published=REF)], None, country="ML").events
    assert (ev[0].actor1, ev[0].actor2) == ("Military Forces of Mali", "")


@pytest.mark.parametrize("text, word", [
    ("Gunmen seized a vehicle of the NGO Directorate for Social Development and Economic Solidarity of Kelta "
     "in Talbi on Monday.", "Kelta"),  # the last word of an organisation's long name
    ("Baba ould Cheikh, a notable of Talbi, was kidnapped on Monday.", "Baba"),  # a name with its father's
])
def test_names_inside_names_are_not_places(text: str, word: str) -> None:
    from types import SimpleNamespace

    from conflict_map.extract.places import candidate_places

    spotted = [SimpleNamespace(start=text.index(w), end=text.index(w) + len(w), text=w) for w in (word, "Talbi")]
    assert word not in [p.text for p in candidate_places(text, 0, len(text), spotted)]


@pytest.mark.parametrize("sentence, low", [
    ('The army said it killed "more than 40 terrorists" in the operation.', 40),
    ("After a two-hour firefight, 18 soldiers were killed.", 18),
    ("L'attaque avait coûté la vie à deux policiers.", 2),
    ("Le groupe a reconnu la perte de quatre hommes.", 4),
    ("Officials later put the number of dead at 19.", 19),
])
def test_counts_after_quotes_losses_and_tolls(sentence: str, low: int) -> None:
    assert count_deaths(sentence).low == low


def test_a_weekday_before_its_full_date() -> None:
    m = resolve_date("Gunmen attacked the post on Monday, June 30, killing three.", date(2025, 7, 7))
    assert (m.date, m.expression) == (date(2025, 6, 30), "Monday, June 30")


def test_where_people_fled_to_and_the_region_that_frames_it_give_way(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Gunmen killed nine villagers in Talbi on Monday; survivors fled to Kelta.")
    assert [e.location for e in ev] == ["Talbi"]
    ev = _ev(invented_gaz, "In the Koura region, a truck struck a landmine near Talbi on Monday.")
    assert [(e.location, e.geo_precision) for e in ev] == [("Talbi", 2)]


def test_plus_at_the_start_of_a_french_sentence_is_not_a_place() -> None:
    from types import SimpleNamespace

    from conflict_map.extract.places import candidate_places

    t = "Plus de 5 000 personnes ont fui la commune de Talbi."
    spotted = [SimpleNamespace(start=0, end=4, text="Plus"), SimpleNamespace(start=t.index("Talbi"), end=len(t) - 1,
                                                                          text="Talbi")]
    assert [p.text for p in candidate_places(t, 0, len(t), spotted)] == ["Talbi"]


def test_boko_haram_and_iswap_are_actors() -> None:
    from conflict_map.extract.actors import find_actors

    names = [a.name for a in find_actors("Boko Haram fighters attacked Bosso; Islamic State West Africa Province "
                                         "claimed another attack.", "NE")]
    assert names == ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
                     "Islamic State West Africa Province (ISWAP)"]


def test_a_background_sentence_that_names_the_region_helps_place_the_event(tmp_path) -> None:
    # two Bossa: the report's background sentence says which region it is in
    from gazetteer import Gazetteer

    (tmp_path / "p.csv").write_text("name,latitude,longitude,country_code,feature_code,admin1\n"
                                    "Bossa,14.0,3.06,NE,PPL,Tillaberi\nBossa,13.7,13.3,NE,PPL,Diffa\n"
                                    "Diffa,13.3,12.6,NE,PPLA,Diffa\n", encoding="utf-8")
    g = Gazetteer.from_sources(places=[tmp_path / "p.csv"], embedded=False, cache_dir=tmp_path / "c")
    ev = _ev(g, "Militants attacked a military post at Bossa on Sunday, killing 12 soldiers. The town, in the "
                "Diffa region, has been attacked repeatedly since 2015.", country="NE")
    assert [(e.location, e.longitude) for e in ev] == [("Bossa", 13.3)]


def test_a_revised_toll_replaces_the_first_and_its_day_is_a_statements(invented_gaz) -> None:
    text = ("Des centaines d'hommes armés ont attaqué dimanche le détachement de Talbi. Un premier bilan faisait "
            "état de 15 soldats tués. Lundi soir, une source sécuritaire a revu le bilan à la hausse : au moins 34 "
            "militaires ont perdu la vie.")
    ev = _ev(invented_gaz, text)
    assert [(e.event_date, e.fatalities) for e in ev] == [("2025-06-29", 34)]


def test_a_statements_day_does_not_make_another_event(invented_gaz) -> None:
    text = ("Two nationals kidnapped last year have been freed, authorities said on Thursday. The two men were "
            "released on Wednesday near Talbi. They had been seized in November 2024 on the road to Kelta.")
    ev = _ev(invented_gaz, text)
    assert [(e.sub_event_type, e.event_date, e.location) for e in ev] == [("Agreement", "2025-07-02", "Talbi")]


@pytest.mark.parametrize("sentence, typed", [
    ("Gunmen seized two traders on the road.", ("Violence against civilians", "Abduction/forced disappearance")),
    ("Gunmen seized a vehicle of the National Guard.", ("Strategic developments", "Looting/property destruction")),
    ("The government rejected claims that the arrests targeted critics.", None),
])
def test_people_seized_and_rejected_claims(sentence: str, typed) -> None:
    cues = find_cues(sentence)
    assert (pick_type(cues) if cues else None) == typed


def test_a_denial_reaches_only_what_follows_it(invented_gaz) -> None:
    ev = _ev(invented_gaz, "The ministry said the hostages were released on Tuesday near Talbi and denied that any "
                           "ransom had been paid.")
    assert [e.sub_event_type for e in ev] == ["Agreement"]


@pytest.mark.parametrize("text, low, high", [
    # another source's account of the same deaths: the lowest, with the range
    ("Des hommes armés ont tué au moins huit personnes mercredi à Talbi, a indiqué un élu local. Selon un "
     "communiqué du gouvernement, cinq civils ont été tués.", 5, 8),
    ("At least 14 worshippers were killed on Friday in an attack on a mosque in Talbi, the ministry said. A "
     "resident of Kelta spoke of at least 40 dead.", 14, 40),
    # more victims, not another account
    ("Gunmen killed 5 soldiers in Talbi on Monday, the army said. Three civilians were also killed, residents said.",
     8, 8),
    ("Militants attacked the camp in Talbi on Monday, killing four soldiers. JNIM claimed the attack and "
     "acknowledged two dead in its own ranks.", 6, 6),
])
def test_accounts_of_the_same_deaths_across_sentences(invented_gaz, text: str, low: int, high: int) -> None:
    ev = _ev(invented_gaz, text)
    assert [(e.fatalities_low, e.fatalities_high) for e in ev] == [(low, high)]


def test_the_same_actors_later_in_the_report_tell_the_same_event(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Des hommes armés ont tué huit personnes mercredi à Talbi. Les assaillants ont emporté "
                           "une centaine de têtes de bétail.")
    assert [e.sub_event_type for e in ev] == ["Attack"]


@pytest.mark.parametrize("sentence, typed", [
    ("The governor imposed a curfew following a series of attacks on villages.",
     ("Strategic developments", "Change to group/activity")),
    ("A drone strike on Sunday neutralised a group of terrorists, the army said.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Soldiers neutralised 10 terrorists after an air strike and a ground assault.", ("Battles", "Armed clash")),
])
def test_what_a_measure_answers_and_strikes_that_neutralise(sentence: str, typed) -> None:
    assert pick_type(find_cues(sentence)) == typed


def test_suspects_arrested_for_an_earlier_attack(invented_gaz) -> None:
    # the attack they are suspected of, its day and its place, are not the arrest's
    text = ("Une dizaine de personnes soupçonnées d'avoir participé à l'attaque de la semaine dernière contre un poste "
            "de police de Kelta ont été interpellées lundi à Talbi, a annoncé le procureur.")
    ev = _ev(invented_gaz, text)
    assert [(e.sub_event_type, e.event_date, e.location) for e in ev] == [("Arrests", "2025-06-30", "Talbi")]


def test_an_armed_group_arresting_people_it_accuses_of_helping_the_army_abducts_them(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Des jihadistes ont « arrêté » dimanche six jeunes de Talbi qu'ils accusent de collaborer "
                           "avec l'armée.")
    assert [(e.sub_event_type, e.actor1) for e in ev] == [("Abduction/forced disappearance",
                                                           "Unidentified Armed Group (Mali)")]


def test_a_group_named_only_in_background_is_not_the_perpetrator(invented_gaz) -> None:
    ev = _ev(invented_gaz, "A shell hit a house in Talbi on Monday, killing two children. The town has been under a "
                           "JNIM blockade since 2023.")
    assert ev[0].actor1 == "Unidentified Armed Group (Mali)"


def test_another_sources_figure_for_other_victims_adds_up(invented_gaz) -> None:
    ev = _ev(invented_gaz, "At least 12 soldiers were killed on Friday when their convoy came under fire near Talbi, "
                           "military sources said. The army said 15 assailants were killed in the counter-attack.")
    assert [(e.fatalities_low, e.fatalities_high) for e in ev] == [(27, 27)]


def test_a_resident_who_speaks_of_another_toll_gives_another_account(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Au moins 14 fidèles ont été tués vendredi lors de l'attaque d'une mosquée à Talbi, a annoncé "
                           "le ministère. Un habitant de Kelta, ville voisine, évoque pour sa part « au moins 40 morts ».")
    assert [(e.location, e.fatalities_low, e.fatalities_high) for e in ev] == [("Talbi", 14, 40)]


def test_an_attack_referred_back_to_does_not_retype_the_event(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Twelve civilians were killed on Monday when gunmen attacked the village of Talbi. The "
                           "ministry blamed the Islamic State Sahel Province for the attack and said troops had been "
                           "deployed.")
    assert [(e.sub_event_type, e.actor2) for e in ev] == [("Attack", "Civilians (Mali)")]
    # alone, a claimed attack is still an attack
    assert [c.sub_event_type for c in find_cues("No group has claimed the attack on the village.")] == ["Attack"]


@pytest.mark.parametrize("sentence, typed", [
    ("L'armée a annoncé avoir « neutralisé » 23 terroristes lors d'une opération aérienne.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Une cinquantaine de combattants se sont rendus jeudi aux autorités à Diffa.", ("Strategic developments", "Agreement")),
    ("Les ministres se sont rendus à Mopti mardi.", None),  # went to Mopti
    ("Des combattants du JNIM sont entrés dans la ville, sans rencontrer de résistance.",
     ("Strategic developments", "Non-violent transfer of territory")),
])
def test_air_operations_surrenders_and_unopposed_entries(sentence: str, typed) -> None:
    cues = find_cues(sentence)
    assert (pick_type(cues) if cues else None) == typed


def test_an_attribution_clause_after_the_event_place_keeps_it(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Des hommes armés ont tué trois civils à Talbi lundi, a annoncé le gouverneur de Kelta.")
    assert [e.location for e in ev] == ["Talbi"]


def test_a_name_before_tribal_or_ethnic_is_a_people() -> None:
    from types import SimpleNamespace

    from conflict_map.extract.places import candidate_places

    t = "A local Kelta tribal chief was abducted by gunmen near Talbi."
    spotted = [SimpleNamespace(start=t.index(w), end=t.index(w) + len(w), text=w) for w in ("Kelta", "Talbi")]
    assert [p.text for p in candidate_places(t, 0, len(t), spotted)] == ["Talbi"]


@pytest.mark.parametrize("text, back", [
    ("Gunmen killed three civilians in Talbi on Monday, a day after an attack that left two soldiers dead in "
     "Wadi Karo.", 1),
    ("Des hommes armés ont tué trois civils à Talbi lundi, au lendemain d'une attaque qui a coûté la vie à deux "
     "soldats à Wadi Karo.", 1),
    ("Gunmen killed three civilians in Talbi on Monday, two days after an attack that killed two soldiers in "
     "Wadi Karo.", 2),
    ("Gunmen killed three civilians in Talbi on Monday, hours after a mine killed two soldiers near Wadi Karo.", 0),
])
def test_a_clause_looking_back_tells_its_own_incident(invented_gaz, text: str, back: int) -> None:
    ev = _ev(invented_gaz, text)  # (published Thursday 3 July 2025: Monday is 30 June)
    got = [(e.location, e.event_type, str(e.event_date), e.fatalities) for e in ev]
    assert got[0] == ("Talbi", "Violence against civilians", "2025-06-30", 3)
    assert got[1][0] == "Wadi Karo" and got[1][1] != "Violence against civilians"
    assert got[1][2:] == (str(date(2025, 6, 30 - back)), 2)


def test_a_clause_looking_back_without_an_event_is_not_cut(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Gunmen killed three civilians in Talbi on Monday, a day after the army arrived in Wadi Karo.")
    assert [(e.location, e.fatalities) for e in ev] == [("Talbi", 3)]


@pytest.mark.parametrize("sentence", ["A mine killed two soldiers on the road.",
                                      "Une mine a tué deux soldats sur la route."])
def test_a_mine_as_the_subject_is_an_explosion(sentence: str) -> None:
    assert pick_type(find_cues(sentence)) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_pres_d_apostrophe_is_near(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Des hommes armés ont tué deux civils près d'Talbi lundi.")
    assert [(e.location, e.geo_precision) for e in ev] == [("Talbi", 2)]


@pytest.mark.parametrize("second", [
    "Separately, two soldiers were killed when their vehicle hit a mine near Wadi Karo.",
    "In a separate incident, gunmen abducted a teacher in Wadi Karo.",
    "Dans un autre incident, un enseignant a été enlevé à Wadi Karo.",
])
def test_a_separate_incident_is_its_own_event(invented_gaz, second: str) -> None:
    ev = _ev(invented_gaz, "Gunmen killed four civilians in Talbi on Monday. " + second)
    assert [e.location for e in ev] == ["Talbi", "Wadi Karo"]
    assert ev[0].fatalities == 4 and ev[1].fatalities in (0, 2)


def test_more_of_the_same_attack_at_its_place_is_the_same_event(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Des hommes armés ont tué quatre civils lundi à Talbi. Les assaillants ont aussi "
                           "incendié des boutiques à Talbi.")
    assert [(e.location, e.sub_event_type, e.fatalities) for e in ev] == [("Talbi", "Attack", 4)]
    # another actor at the same place is another event
    ev = _ev(invented_gaz, "Gunmen killed four civilians in Talbi on Monday. Soldiers later arrested three "
                           "suspects in Talbi.")
    assert [e.sub_event_type for e in ev] == ["Attack", "Arrests"]


@pytest.mark.parametrize("sentence, low, high", [
    # a toll by its heading: each side is a part of it
    ("Provisional toll: on the friendly side, 4 killed and 9 wounded; on the enemy side, 31 terrorists killed.", 35, 35),
    ("Bilan : côté ami, 3 morts ; côté ennemi, 12 terroristes tués.", 15, 15),
    # "neutralised" fighters are counted, as ACLED counts them; neutralised devices are not people
    ("It said 4 soldiers were killed and 31 terrorists neutralised.", 35, 35),
    ("Les FDS ont neutralisé une vingtaine de terroristes.", 20, 20),
    ("The army neutralized 3 IEDs near the bridge.", 0, 0),
    # totals and killings as nouns
    ("Les assaillants ont tué au total 9 civils.", 9, 9),
    ("Amnesty a documenté l'exécution sommaire d'au moins 20 hommes civils le 12 mai.", 20, 20),
    ("HRW documented the summary execution of at least 20 civilians.", 20, 20),
    # what had been done to the victims, then their death
    ("Eight men abducted by Dozos the day before were found dead in a well.", 8, 8),
    ("Deux commerçants enlevés par des hommes armés ont été retrouvés morts.", 2, 2),
    ("Three men abducted by gunmen were released.", 0, 0),
    # French ranges and approximations, a longer subject, who is among the dead, ways of dying
    ("Entre quinze et vingt-cinq civils ont été tués mardi par des hommes armés.", 15, 25),
    ("Vingt et un soldats ont été tués.", 21, 21),
    ("Une quinzaine de civils ont été tués mardi.", 15, 15),
    ("Au moins une trentaine de soldats et de supplétifs civils de l'armée ont été tués hier.", 30, 30),
    ("I counted the bodies of eleven people near my stall, among them my cousin and two women.", 11, 11),
    ("Dimanche, deux d'entre eux ont été retrouvés égorgés.", 2, 2),
    ("Un jeune homme a été battu à mort lundi par une foule en colère.", 1, 1),
    ("A mob beat a suspected thief to death.", 1, 1),
    ("A man was burned alive by the mob.", 1, 1),
    ("Gunmen killed six soldiers and a civilian guide in an ambush.", 7, 7),
    ("Armed men shot dead a nurse and a driver on Monday.", 2, 2),
    ("Des hommes armés ont tiré sur les clients d'un maquis du secteur 13, faisant trois morts.", 3, 3),
    ("Les frappes ont permis de neutraliser une vingtaine de terroristes.", 20, 20),
    ("A local official put the number of soldiers killed at ten.", 10, 10),
    ("Les combats ont fait six morts côté dozo et neuf côté peul.", 15, 15),
    ("Gunmen ambushed a truck, killing the driver and his apprentice.", 2, 2),
    ("Sahel: 21 incidents, 143 fatalities.", 143, 143),
    ("Selon un élu, le bilan provisoire est de six morts côté dozo et d'au moins neuf côté peul.", 15, 15),
    ("Une quinzaine de civils ont été tués, selon un élu ; d'autres sources évoquent entre quinze et vingt-cinq morts.",
     15, 25),
])
def test_tolls_by_side_neutralised_totals_and_nominal_killings(sentence: str, low: int, high: int) -> None:
    d = count_deaths(sentence)
    assert (d.low, d.high) == (low, high)


def test_list_items_are_sentences_and_a_heading_only_situates(invented_gaz) -> None:
    text = ("Weekly update.\n• On 30 June, gunmen attacked Talbi, killing seven civilians.\n"
            "• On 1 July, an IED hit a truck near Kelta, killing the driver.\n"
            "- Wadi Karo: two teachers were abducted on 2 July at Talbi.")
    got = [(e.location, e.sub_event_type, str(e.event_date), e.fatalities) for e in _ev(invented_gaz, text)]
    assert got == [("Talbi", "Attack", "2025-06-30", 7), ("Kelta", "Remote explosive/landmine/IED", "2025-07-01", 1),
                   ("Talbi", "Abduction/forced disappearance", "2025-07-02", 0)]


def test_an_urgent_prefix_is_not_an_appeal(invented_gaz) -> None:
    assert [e.location for e in _ev(invented_gaz, "URGENT: Gunmen attacked the army base in Talbi this morning.")] \
        == ["Talbi"]
    assert _ev(invented_gaz, "The UN urged the parties to stop attacking civilians in Talbi.") == []


@pytest.mark.parametrize("second, sub", [
    ("On Monday, in Wadi Karo, around 300 women marched peacefully.", "Peaceful protest"),
    ("Lundi, des hommes armés ont enlevé deux commerçants à Wadi Karo.", "Abduction/forced disappearance"),
    ("Le même jour, une patrouille a été visée par un engin explosif près de Wadi Karo, sans faire de victime.",
     "Remote explosive/landmine/IED"),
])
def test_a_sentence_dated_the_same_day_at_a_new_place_is_another_incident(invented_gaz, second: str, sub: str) -> None:
    ev = _ev(invented_gaz, "On Monday, gunmen killed 14 civilians in Talbi.\n\n" + second)
    assert [(e.location, e.fatalities) for e in ev] == [("Talbi", 14), ("Wadi Karo", 0)]
    assert ev[1].sub_event_type == sub and ev[0].event_date == ev[1].event_date


def test_a_blast_referred_back_to_by_its_day_is_the_same_incident(invented_gaz) -> None:
    ev = _ev(invented_gaz, "A FAMa vehicle was struck by an IED in the area of Talbi. Two soldiers were killed as per "
                           "local sources following this morning's IED blast near Kelta.")
    assert [(e.location, e.fatalities) for e in ev] == [("Talbi", 2)]


def test_a_revised_toll_with_the_other_sides_dead_adds_them() -> None:
    d = count_deaths("Lundi soir, une source a revu le bilan à la hausse : au moins 34 militaires ont perdu la vie, "
                     "et plusieurs dizaines d'assaillants ont été neutralisés.")
    assert (d.low, d.high, d.toll_only) == (46, 46, True)
    # the same side twice is two accounts of the same deaths
    d = count_deaths("The army said 12 soldiers were killed, while local sources put the toll at 30 soldiers.")
    assert (d.low, d.high) == (12, 30)


@pytest.mark.parametrize("text", [
    "[This story was corrected on July 2 to say that the attack took place on Saturday, not Sunday, and that nine "
    "people, not 19, were killed.]",
    "Rectificatif : l'attaque de Talbi a fait neuf morts et non 19.",
    "Survivors, most of whom now live in Talbi and Kelta, say nobody has been tried for the massacre.",
    "Les rescapés de l'attaque réclament justice pour la tuerie.",
    # what had happened months before, in an analysis
    "En août 2024, l'attaque de Talbi avait fait des centaines de morts parmi les civils.",
])
def test_corrections_references_and_pluperfect_history_are_not_events(invented_gaz, text: str) -> None:
    assert _ev(invented_gaz, text) == []


def test_a_survivor_killed_is_still_an_event(invented_gaz) -> None:
    ev = _ev(invented_gaz, "On Monday, gunmen killed 5 survivors of the massacre in Talbi.")
    assert [(e.location, e.fatalities) for e in ev] == [("Talbi", 5)]
    # a recent pluperfect is news
    ev = _ev(invented_gaz, "Le 30 juin, des hommes armés avaient attaqué Talbi, tuant 4 civils.")
    assert [e.location for e in ev] == ["Talbi"]


@pytest.mark.parametrize("sentence, typed", [
    ("Le 2 juin, le camp de Talbi a été attaqué par des terroristes.", ("Battles", "Armed clash")),
    ("Le détachement de Talbi a été attaqué ce matin.", ("Battles", "Armed clash")),
    ("Le 2 juin, un camp de Peulh a été attaqué par des terroristes.", ("Violence against civilians", "Attack")),
    ("On 3 June, an aerial reconnaissance and strike mission destroyed a group of terrorists.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Last week, a similar device killed two soldiers near the town.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("L'armée affirme avoir visé un rassemblement de terroristes.", None),
    ("Displaced people are being hosted in the town.", None),
    ("Les déplacés sont accueillis dans deux sites.", None),
    ("Hundreds of people were displaced by the fighting.", ("Battles", "Armed clash")),
    ("Des centaines de familles ont été déplacées mardi.", ("Strategic developments", "Other")),
])
def test_camps_strike_missions_devices_gatherings_and_displacement(sentence: str, typed) -> None:
    cues = find_cues(sentence)
    assert (pick_type(cues) if cues else None) == typed


def test_actors_of_air_strikes_battles_and_mobs(invented_gaz) -> None:
    ev = _ev(invented_gaz, "On 30 June, an airstrike destroyed a group of terrorists near Talbi.")[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Mali", "Unidentified Armed Group (Mali)")
    ev = _ev(invented_gaz, "Le détachement de Talbi a été attaqué lundi.")[0]
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Mali)", "Military Forces of Mali")
    # the police that tells of a lynching is not its target
    ev = _ev(invented_gaz, "A mob lynched two men accused of theft in Talbi on Tuesday, police said.")[0]
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Mob violence", "Rioters (Mali)", "Civilians (Mali)")


@pytest.mark.parametrize("sentence, sub", [
    ("Residents report heavy gunfire around the military base since dawn.", "Armed clash"),
    ("Des tirs nourris sont entendus autour du camp militaire.", "Armed clash"),
    ("Des tirs nourris sont entendus depuis 5 heures du matin autour du camp militaire.", "Armed clash"),
    ("Des coups de feu ont été entendus dans la nuit.", None),
])
def test_gunfire_is_an_attack_on_what_it_is_around(sentence: str, sub) -> None:
    cues = find_cues(sentence)
    assert (pick_type(cues)[1] if cues else None) == sub


def test_a_dispersal_after_a_protest_is_its_intervention(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Hundreds of residents of Talbi protested on Monday against the arrest of an imam. Police "
                           "fired tear gas to disperse them.")
    assert [(e.sub_event_type, e.actor2) for e in ev] == [("Protest with intervention", "Police Forces of Mali")]
    assert find_cues("Police fired tear gas to disperse them.") == []  # alone, no protest


def test_a_list_item_of_another_kind_dates_itself(invented_gaz) -> None:
    text = ("07h15 : Des tirs nourris sont entendus autour du camp militaire de Talbi, selon des habitants.\n"
            "12h05 : Le ministère annonce que l'attaque a été repoussée : 10 militaires tués.\n"
            "14h20 : À Kelta, des hommes armés ont incendié plusieurs greniers la nuit dernière.")
    got = [(e.location, e.sub_event_type, str(e.event_date), e.fatalities) for e in _ev(invented_gaz, text)]
    assert got == [("Talbi", "Armed clash", "2025-07-03", 10), ("Kelta", "Looting/property destruction", "2025-07-02", 0)]


def test_a_road_end_gives_way_to_the_same_place_named_as_the_events(invented_gaz) -> None:
    ev = _ev(invented_gaz, "On 1 July, an IED hit a truck on the Kelta-Talbi axis near Talbi; the driver was killed.")
    assert [(e.location, e.geo_precision) for e in ev] == [("Talbi", 2)]


def test_commemorating_the_dead_is_no_event(invented_gaz) -> None:
    assert _ev(invented_gaz, '"We commemorate our dead every year, but we cannot go home," said a miner.') == []


@pytest.mark.parametrize("text", ["URGENT | le détachement de #Talbi attaqué ce matin par des éléments du JNIM.",
                                  "Le détachement de Talbi a été attaqué ce matin par des éléments du JNIM."])
def test_a_hashtag_and_a_detachment_name_places(invented_gaz, text: str) -> None:
    assert [(e.location, e.sub_event_type) for e in _ev(invented_gaz, text)] == [("Talbi", "Armed clash")]


def test_an_enforced_disappearance_and_the_forces_before_their_auxiliaries(invented_gaz) -> None:
    assert pick_type(find_cues("HRW documented the enforced disappearance of six men on April 22.")) == \
        ("Violence against civilians", "Abduction/forced disappearance")
    ev = _ev(invented_gaz, "Witnesses said soldiers and Volunteers for the Defense of the Homeland (VDP) executed "
                           "23 civilians in Talbi on 30 June.")[0]
    assert (ev.actor1, ev.assoc_actor_1) == ("Military Forces of Mali", "VDP: Volunteers for the Defense of the Homeland")


@pytest.mark.parametrize("sentence", [
    "The army arrested twenty civilians who were stripped of their belongings, blindfolded and beaten.",
    "Two men said they were beaten by soldiers based in the military camp.",
    "Les détenus ont été passés à tabac par les gendarmes.",
])
def test_detainees_beaten_are_violence_against_civilians(sentence: str) -> None:
    assert pick_type(find_cues(sentence))[0] == "Violence against civilians"


def test_an_attack_noun_dated_before_its_maker_still_finds_its_target() -> None:
    cues = find_cues("Simultaneous attacks this morning by presumed JNIM militants targeting FAMa positions in the town.")
    assert pick_type(cues) == ("Battles", "Armed clash")


def test_a_notes_own_coded_figure_is_the_fatalities(invented_gaz) -> None:
    ev = _ev(invented_gaz, "On 30 June, militants ambushed a group of Dozos near Talbi, several killed and arms seized. "
                           "Unknown fatalities coded as 10.")
    assert [(e.fatalities, e.fatalities_high) for e in ev] == [(10, 10)]


def test_a_relative_clauses_old_date_is_not_the_events(invented_gaz) -> None:
    ev = _ev(invented_gaz, "French forces arrested the mastermind of the attack which left 19 people dead in March "
                           "2024. The arrest was made in Talbi.")
    assert [(e.sub_event_type, str(e.event_date), e.fatalities) for e in ev] == [("Arrests", str(REF), 0)]


def test_another_sources_figure_is_another_account(invented_gaz) -> None:
    ev = _ev(invented_gaz, "A drone strike on Sunday near Talbi killed 12 people. Another source said it killed nine people.")
    assert [(e.fatalities, e.fatalities_high) for e in ev] == [(9, 12)]


@pytest.mark.parametrize("text", ["The attack of 28 June on a mosque in Talbi killed 34 civilians.",
                                  "L'attaque du 28 juin contre une mosquée de Talbi a tué 34 civils."])
def test_the_events_own_word_dated_by_a_genitive(invented_gaz, text: str) -> None:
    assert [(str(e.event_date), e.fatalities) for e in _ev(invented_gaz, text)] == [("2025-06-28", 34)]


def test_surlendemain_and_abbreviated_french_months(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Quinze civils ont été tués lundi par des hommes armés à Talbi.\n\nLe surlendemain, une "
                           "cinquantaine d'assaillants ont été neutralisés lors d'accrochages avec l'armée près de Kelta.")
    assert [(e.location, str(e.event_date)) for e in ev] == [("Talbi", "2025-06-30"), ("Kelta", "2025-07-02")]
    assert resolve_date("le 12 fév 2026", REF).date == date(2026, 2, 12)
    assert resolve_date("le 3 juil.", REF).date == date(2025, 7, 3)


@pytest.mark.parametrize("text", [
    "The December 2019 attack on the Talbi camp killed 71 soldiers. Militants overran the camp after hours of fighting.",
    "Le procès de l'attaque de Talbi, en janvier 2020, se poursuit. Les assaillants avaient pilonné le camp au mortier.",
    "In September 2023 the group attacked a gendarmerie school in Talbi, killing more than 70 people.",
    "Years of attacks by armed groups have driven hundreds of thousands from their homes in Talbi.",
    "Le rapport note que les attaques contre les convois vers Talbi se sont multipliées.",
    "Question : craignez-vous de nouvelles attaques à Talbi ?",
    "Une gerbe de fleurs a été déposée devant le monument aux morts de Talbi.",
])
def test_history_trends_questions_and_memorials_are_not_events(invented_gaz, text: str) -> None:
    assert _ev(invented_gaz, text) == []


def test_a_sentence_after_background_goes_on_with_the_reports_own_days(invented_gaz) -> None:
    ev = _ev(invented_gaz, "On 30 June, joint forces carried out operations near Talbi. In the wake of the operation, "
                           "militia said they had recovered weapons seized in an attack back in October 2024. Seven "
                           "militants were killed in the operation.")
    assert [e.fatalities for e in ev] == [7]


@pytest.mark.parametrize("sentence, typed", [
    ("L'otage italien a été libéré samedi.", ("Strategic developments", "Agreement")),
    ("The UN welcomes the release, on 4 July, of the two aid workers who had been abducted in February.",
     ("Strategic developments", "Agreement")),
    ("On Thursday, gunmen stormed the market and opened fire on the crowd.", ("Violence against civilians", "Attack")),
    ("Police fired into the crowd during the demonstration.", ("Protests", "Excessive force against protesters")),
    ("La police a interpellé trois personnes soupçonnées d'avoir participé au lynchage.",
     ("Strategic developments", "Arrests")),
    ("Malian intelligence dismantled a suspected JNIM cell near the town.", ("Strategic developments", "Arrests")),
])
def test_releases_crowds_charges_and_cells(sentence: str, typed) -> None:
    assert pick_type(find_cues(sentence)) == typed


def test_a_sentence_initial_adverb_is_not_a_place() -> None:
    from types import SimpleNamespace

    from conflict_map.extract.places import candidate_places

    t = "Far to the north, fighters clashed with soldiers near Talbi on Friday."
    spotted = [SimpleNamespace(start=0, end=3, text="Far"), SimpleNamespace(start=t.index("Talbi"),
                                                                            end=t.index("Talbi") + 5, text="Talbi")]
    assert [p.text for p in candidate_places(t, 0, len(t), spotted)] == ["Talbi"]


@pytest.mark.parametrize("text", [
    "The WFP said on Wednesday it needs funds in the Talbi region, where years of attacks by armed groups have driven "
    "hundreds of thousands from their homes.",
    # a trial story: the old attack, then what it had done
    "Le procès des hommes accusés d'avoir participé à l'attaque du camp de Talbi, en janvier 2020, s'est poursuivi "
    "mardi. Cette attaque avait coûté la vie à 89 soldats. Les assaillants avaient pilonné le camp au mortier.",
])
def test_trends_and_a_trials_old_attack_are_no_events(invented_gaz, text: str) -> None:
    assert _ev(invented_gaz, text) == []


def test_what_is_said_of_the_attack_later_is_no_new_event(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Au moins trente soldats ont été tués mardi dans une attaque contre leur détachement à "
                           "Talbi. L'attaque n'avait pas été revendiquée jeudi.")
    assert [(e.location, str(e.event_date)) for e in ev] == [("Talbi", "2025-07-01")]


def test_a_disputing_account_is_of_the_same_dead(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Mali's army said on Tuesday that a drone strike it carried out on Sunday near Talbi had "
                           "killed \"several dozen terrorists\".\n\nThe FLA rejected the army's account, saying the "
                           "strike hit a wedding and killed nine civilians.")
    assert [(e.fatalities, e.fatalities_high) for e in ev] == [(9, 12)]


def test_what_refers_to_the_incident_before_happened_there(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Un jeune homme a été battu à mort lundi par une foule en colère à Talbi. Selon des témoins, "
                           "il tentait de fuir.\n\nLa police a interpellé mardi trois personnes soupçonnées d'avoir "
                           "participé au lynchage.")
    assert [(e.sub_event_type, e.location, e.geo_precision) for e in ev] == [
        ("Mob violence", "Talbi", 1), ("Arrests", "Talbi", 2)]


def test_since_the_attacks_and_a_witness_quote_tell_no_new_incident(invented_gaz) -> None:
    text = ("Plus de 5 000 personnes ont fui la commune de Talbi depuis les attaques de la semaine dernière. "
            "La semaine dernière, des hommes armés avaient attaqué le village de Kelta, tuant au moins neuf civils. "
            "« Nous sommes partis sans rien, ils ont brûlé nos greniers », témoigne une mère arrivée à Wadi Karo.")
    ev = _ev(invented_gaz, text)
    assert [(e.location, e.sub_event_type, e.fatalities) for e in ev] == [("Kelta", "Attack", 9)]


def test_a_quoted_figure_after_its_verb() -> None:
    assert count_deaths("L'armée a annoncé avoir « neutralisé » 23 terroristes.").low == 23


def test_an_air_strike_by_the_army_elsewhere_is_another_incident(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Samedi, à Talbi, des hommes armés ont abattu trois commerçants devant leur boutique. L'armée "
                           "affirme par ailleurs avoir détruit plusieurs bases terroristes près de Kelta au cours de "
                           "frappes aériennes.")
    assert [(e.location, e.sub_event_type, e.actor1) for e in ev] == [
        ("Talbi", "Attack", "Unidentified Armed Group (Mali)"), ("Kelta", "Air/drone strike", "Military Forces of Mali")]


def test_the_attackers_killed_in_pursuit_add_to_the_soldiers(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Gunmen killed six soldiers in an ambush near Talbi on Tuesday, the army said. The army said "
                           "its troops pursued the attackers and killed 15 of them.")
    assert [e.fatalities for e in ev] == [21]


def test_separately_inside_a_sentence_and_a_convoy_of_boats(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Gunmen killed six soldiers in an ambush near Talbi on Tuesday. The army said separately that "
                           "it had repelled an attack on its post at Kelta on the same day.")
    assert [e.location for e in ev] == ["Talbi", "Kelta"]
    cues = find_cues("Fighters attacked a convoy of river boats, killing 12 passengers.")
    assert pick_type(cues) == ("Violence against civilians", "Attack")


def test_other_groups_at_the_same_place_and_day_are_another_event(invented_gaz) -> None:
    ev = _ev(invented_gaz, "On Monday, IS Sahel fighters attacked a police checkpoint in Talbi, killing four police "
                           "officers. On the same day, JNIM militants shot dead two herders in Talbi.")
    assert [(e.sub_event_type, e.fatalities) for e in ev] == [("Armed clash", 4), ("Attack", 2)]
    # the same unnamed gunmen, the same place and day: one event
    ev = _ev(invented_gaz, "On Monday, unknown gunmen attacked a vehicle near Talbi, killing six. On the same day, "
                           "unknown gunmen attacked a camp also near Talbi, killing three civilians.")
    assert [e.fatalities for e in ev] == [9]


def test_a_new_paragraph_dated_and_placed_apart_is_another_incident(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Heavy gunfire in Talbi this morning. The army camp was attacked.\n\nA bus struck a mine "
                           "yesterday near Kelta. 2 passengers dead.")
    assert [(e.location, e.sub_event_type) for e in ev] == [("Talbi", "Armed clash"),
                                                             ("Kelta", "Remote explosive/landmine/IED")]


@pytest.mark.parametrize("sentence, typed", [
    ("Les autorités affirment que la reconquête progresse.", None),
    ("L'ONG condamne l'enlèvement de trois de ses agents, survenu samedi.",
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("Le 9 février, une importante cache d'armes a été découverte et saisie.",
     ("Strategic developments", "Disrupted weapons use")),
    ("Attacks on convoys are also a way of showing who controls the road.", None),
    ("Clashes are reported in the north.", ("Battles", "Armed clash")),
])
def test_review_8_cues(sentence: str, typed) -> None:
    cues = find_cues(sentence)
    assert (pick_type(cues) if cues else None) == typed


@pytest.mark.parametrize("text", ["À Tallbi, des individus armés ont tiré hier soir sur des habitants, faisant trois morts.",
                                  "Frappe de drone ce matin sur le marché hebdomadaire de Tallbi."])
def test_a_sentence_initial_preposition_and_a_weekly_market_introduce_places(invented_gaz, text: str) -> None:
    assert [e.location for e in _ev(invented_gaz, text)] == ["Talbi"]


def test_an_account_to_the_contrary_and_people_handed_over(invented_gaz) -> None:
    ev = _ev(invented_gaz, "L'armée affirme avoir détruit lundi, lors d'une frappe de drone près de Talbi, un « plot "
                           "terroriste », tuant « plusieurs dizaines » de combattants.\n\nDes habitants assurent au "
                           "contraire que la frappe a touché un marché, faisant au moins 24 morts parmi les civils.")
    assert [(e.fatalities, e.fatalities_high) for e in ev] == [(12, 24)]
    # people handed over to the authorities are released, no territory transferred
    assert pick_type(find_cues("The men were handed over to the authorities in the town on Saturday.")) == (
        "Strategic developments", "Agreement")
    assert find_cues("The rebels handed over the town to the army.") != []


def test_a_press_release_sets_the_scene_before_the_deaths(invented_gaz) -> None:
    text = ("PRESS RELEASE - 3 July 2025\n\nOur alliance is devastated to confirm the death of two members of its team."
            "\n\nOn Monday 30 June, a vehicle of our mobile clinic was stopped by unidentified armed men about 15 km "
            "from Talbi. Our nurse and our driver were shot dead.\n\nPending clarification, we are suspending our "
            "mobile activities around Talbi.")
    ev = _ev(invented_gaz, text)
    assert [(e.sub_event_type, str(e.event_date), e.location, e.fatalities) for e in ev] == [
        ("Attack", "2025-06-30", "Talbi", 2)]


def test_two_attacks_not_linked_and_recurrent_clashes(invented_gaz) -> None:
    text = ("Dimanche matin, des combattants de l'État islamique au Sahel ont attaqué le poste de gendarmerie de Talbi, "
            "tuant deux gendarmes.\n\nLe même jour, des hommes se réclamant du JNIM ont enlevé quatre commerçants au "
            "marché de Talbi. Les deux attaques ne sont pas liées.\n\nLa région est le théâtre d'affrontements "
            "récurrents entre les deux groupes.")
    assert [e.sub_event_type for e in _ev(invented_gaz, text)] == ["Armed clash", "Abduction/forced disappearance"]


def test_what_keeps_happening_is_no_incident(invented_gaz) -> None:
    assert find_cues("Fuel trucks heading north are regularly stopped and burned.") == []
    assert pick_type(find_cues("On Saturday, gunmen burned three fuel trucks.")) == (
        "Strategic developments", "Looting/property destruction")


def test_a_thread_places_the_attack_by_the_hashtag_before(invented_gaz) -> None:
    ev = _ev(invented_gaz, "1/ Heavy gunfire in #Talbi since about 5am this morning. Residents say the army camp is "
                           "under attack.")
    assert [(e.location, e.sub_event_type) for e in ev] == [("Talbi", "Armed clash")]


def test_a_release_announced_later_is_dated_by_the_handover(invented_gaz) -> None:
    ev = _ev(invented_gaz, "Two truck drivers who were kidnapped in January have been freed, their embassy said on "
                           "Wednesday.\n\nThe men were handed over to the authorities in Talbi on Saturday.")
    assert [(e.sub_event_type, str(e.event_date), e.location) for e in ev] == [("Agreement", "2025-06-28", "Talbi")]


def test_french_typed_without_accents_and_the_police_as_a_source(invented_gaz) -> None:
    ev = _ev(invented_gaz, "A Tallbi, des individus armes non identifies ont tire hier soir sur les clients d'un maquis, "
                           "faisant trois morts et deux blesses, selon la police.")
    assert [(e.location, e.sub_event_type, e.fatalities) for e in ev] == [("Talbi", "Attack", 3)]
    # English sentences starting with "A" are no places
    ev = _ev(invented_gaz, "A Malian soldier was killed near Talbi on Monday.")
    assert [e.location for e in ev] == ["Talbi"]


@pytest.mark.parametrize("sentence, typed", [
    ("Des attaques continuent d'être signalées autour de Talbi.", None),
    ("Un notable de Talbi a parlé des massacres.", None),
    ("Des élus dénoncent des enlèvements dans le département.", None),
    ("Des milliers de personnes sont déplacées dans la région.", None),
    ("HRW documented the killings of 12 men in the village.", ("Violence against civilians", "Attack")),
    ("The hostages were handed over to the authorities on Sunday.", ("Strategic developments", "Agreement")),
    ("Les otages ont été remis aux autorités dimanche.", ("Strategic developments", "Agreement")),
    ("Les suspects ont été remis à la gendarmerie.", None),
    ("The mission also received allegations of sexual violence that it has not been able to verify.", None),
    ("Most were attacks on civilians around the town.", None),
    ("Attacks on civilians accounted for just under half of all incidents.", None),
    ("Boucle du Mouhoun: 11 incidents, 58 fatalities, including 6 abductions.", None),
    ("Un cessez-le-feu pourrait être proposé à l'issue des travaux.", None),
    ("Les humanitaires dénoncent en outre des restrictions d'accès et des enlèvements de travailleurs.", None),
])
def test_review_9_cues(sentence: str, typed) -> None:
    cues = find_cues(sentence)
    assert (pick_type(cues) if cues else None) == typed


def test_a_daily_briefs_items_are_headed_by_their_towns(invented_gaz) -> None:
    text = ("DAILY BRIEF\nTALBI – Two traders were shot dead by gunmen on Monday evening.\n"
            "KELTA – Calm.\nWADI KARO – Dozos and militants exchanged fire near Tobali on Tuesday.")
    assert [(e.location, e.sub_event_type) for e in _ev(invented_gaz, text, country=None)] == [
        ("Talbi", "Attack"), ("Tobali", "Armed clash")]


def test_sentence_initial_french_words_are_no_places() -> None:
    from types import SimpleNamespace

    from conflict_map.extract.places import candidate_places

    t = "Côté militaire, on déplore quatre soldats tués. Fin juin, des hommes armés ont attaqué Talbi."
    spotted = [SimpleNamespace(start=0, end=4, text="Côté"), SimpleNamespace(start=t.index("Fin"), end=t.index("Fin") + 3,
                                                                           text="Fin")]
    assert [p.text for p in candidate_places(t, 0, len(t), spotted)] == ["Talbi"]


def test_more_loot_by_the_attackers_is_the_same_clash(invented_gaz) -> None:
    ev = _ev(invented_gaz, "De violents affrontements ont opposé dimanche des miliciens de Dan Na Ambassagou à des "
                           "membres d'un groupe d'autodéfense peul à Talbi. Les assaillants ont également emporté une "
                           "quarantaine de têtes de bétail.")
    assert [e.sub_event_type for e in ev] == ["Armed clash"]


def test_events_talked_of_in_a_quotation_and_accords_of_recent_years(invented_gaz) -> None:
    text = ("Les participants doivent examiner les accords intercommunautaires signés ces dernières années. « Nous "
            "sommes venus pour tourner la page des massacres », a déclaré un notable de Talbi.")
    assert _ev(invented_gaz, text) == []


def test_a_brief_item_on_a_road_out_of_town_is_the_towns(invented_gaz) -> None:
    text = ("BULLETIN QUOTIDIEN\nTALBI – Un engin explosif désamorcé ce matin par les gendarmes sur la route de "
            "Kelta, à la sortie de la ville.\nWADI KARO – Marche de soutien à la Transition ce matin, sans incident.")
    assert [(e.location, e.sub_event_type) for e in _ev(invented_gaz, text, country=None)] == [
        ("Talbi", "Disrupted weapons use"), ("Wadi Karo", "Peaceful protest")]
