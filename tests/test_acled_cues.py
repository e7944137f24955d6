"""ACLED categories told by words (acled_cues.tsv): sentences written for this test, one or more
per cue row, and how a cue combines with an event's table category."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.coding.acled import acled_subevent, combine, event_sentences
from eventwire.coding.acled_cues import AcledCues, default_cues, taker
from eventwire.dictcheck import check_dictionaries
from eventwire.errors import DictionaryError
from eventwire.evaluate.case2021 import predict
from eventwire.records import Actor, Event, Mention, Span

EXP = "Explosions/Remote violence"
SD = "Strategic developments"
CASES = [
    ("A magnitude 6.1 earthquake shook the coast, killing 40 people.", "-", "Natural disaster"),
    (
        "Flash floods swept through three villages after days of heavy rain.",
        "-",
        "Natural disaster",
    ),
    ("A fire at a fireworks factory killed nine workers.", "-", "Man-made disaster"),
    ("Toxic fumes leaked from a fertiliser plant overnight.", "-", "Man-made disaster"),
    ("Customs officers broke up a ring smuggling cocaine through the port.", "-", "Crime"),
    (
        "Police recovered 14 rifles and 2,000 rounds of ammunition from a farm.",
        SD,
        "Disrupted weapons use",
    ),
    (
        "Engineers defused an improvised explosive device near the bridge.",
        SD,
        "Disrupted weapons use",
    ),
    ("Air defences shot down two drones over the airport.", SD, "Disrupted weapons use"),
    ("Rebels fired shells filled with chlorine at the district.", EXP, "Chemical weapon"),
    ("A suicide bomber blew himself up at the checkpoint.", EXP, "Suicide bomb"),
    ("Warplanes pounded rebel positions east of the city.", EXP, "Air/drone strike"),
    ("A man lobbed a hand grenade into the police station.", EXP, "Grenade"),
    ("A roadside bomb struck a patrol on the main road.", EXP, "Remote explosive/landmine/IED"),
    (
        "Mortar rounds landed on the market for a second day.",
        EXP,
        "Shelling/artillery/missile attack",
    ),
    (
        "Soldiers raped two women at a checkpoint, the report said.",
        "Violence against civilians",
        "Sexual violence",
    ),
    (
        "The army has set up a new observation post on the ridge.",
        SD,
        "Headquarters or base established",
    ),
    ("An angry mob lynched a man accused of stealing a goat.", "Riots", "Mob violence"),
    (
        "Police opened fire on peaceful protesters, killing three.",
        "Protests",
        "Excessive force against protesters",
    ),
    ("Protesters threw stones at police and torched two cars.", "Riots", "Violent demonstration"),
    (
        "Police used tear gas to disperse the rally outside parliament.",
        "Protests",
        "Protest with intervention",
    ),
    (
        "Thousands of teachers marched through the capital demanding higher pay.",
        "Protests",
        "Peaceful protest",
    ),
    (
        "The militants took control of the town without a fight after troops pulled out.",
        SD,
        "Non-violent transfer of territory",
    ),
    (
        "Government troops recaptured the village from the insurgents.",
        "Battles",
        "Government regains territory",
    ),
    (
        "Insurgents captured the district headquarters town after heavy fighting.",
        "Battles",
        "Non-state actor overtakes territory",
    ),
    ("The two factions agreed to a ceasefire starting at midnight.", SD, "Agreement"),
    ("The ministry said more troops were deployed to the border.", SD, "Change to group/activity"),
    ("Some 5,000 villagers fled their homes as the fighting neared.", SD, "Other"),
    (
        "Dozens of shops were looted and a warehouse ransacked overnight.",
        SD,
        "Looting/property destruction",
    ),
    (
        "Army units pushed the militants out of four villages near the border.",
        "Battles",
        "Government regains territory",
    ),
    (
        "The brigade withdrew from the base on Friday, officials said.",
        SD,
        "Change to group/activity",
    ),
    (
        "Government troops pulled out of the town, leaving it in the hands of the rebels.",
        SD,
        "Non-violent transfer of territory",
    ),
]


@pytest.mark.parametrize(("sentence", "event_type", "subtype"), CASES)
def test_cue_rows(sentence: str, event_type: str, subtype: str) -> None:
    found = default_cues().match(sentence)
    assert found is not None, sentence
    assert (found.event_type, found.sub_event_type) == (event_type, subtype)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister met his counterpart in Paris on Monday.",
        "Prices of fuel rose by 12 percent last month.",
        "The council approved a new budget for schools.",
        "The Liberation Army said its leader would speak in the region on Friday.",
        "Ministers discussed sanctions over the missile tests in the region.",
    ],
)
def test_no_cue_in_ordinary_news(sentence: str) -> None:
    assert default_cues().match(sentence) is None


def test_near_and_unless() -> None:
    cues = default_cues()
    # weapons seized, but the bomb went off: an explosion, not a disrupted weapon
    found = cues.match("A bomb found near the school exploded, wounding two.")
    assert found is None or found.sub_event_type != "Disrupted weapons use"
    # "seized" far from any weapon word is no weapons haul
    far = (
        "Police seized the documents, the spokesman said, and a long time later somebody else "
        "talked about rifles."
    )
    assert cues.match(far) is None or cues.match(far).sub_event_type != "Disrupted weapons use"
    # an explosion in a war is not an industrial accident
    found = cues.match("Militants attacked the gas plant and an explosion followed.")
    assert found is None or found.sub_event_type != "Man-made disaster"


def test_a_failed_attempt_takes_no_territory() -> None:
    found = default_cues().match("The militants' attempt to capture the town was repelled.")
    assert found is None or found.event_type != "Battles"


def test_taker_reads_the_actor_before_the_verb() -> None:
    text = "The rebels recaptured the town days after the army seized it."
    assert taker(text, text.index("recaptured")) == "Non-state actor overtakes territory"
    text = "Army units recaptured the town from the rebels."
    assert taker(text, text.index("recaptured")) == "Government regains territory"


def _event(cameo: str, ptype: str, mode: str | None, sentence: str) -> Event:
    mention = Mention("a", Span(0, len(sentence)), Span(0, 4), ptype, mode, cameo)
    return Event(
        id="e",
        plover_type=ptype,
        plover_mode=mode,
        plover_context=None,
        cameo_code=cameo,
        cameo_name="",
        goldstein=-10.0,
        quad_class=4,
        source=Actor("rebels", country="SYR", sector="REB"),
        target=Actor("troops", country="SYR", sector="MIL"),
        when=None,
        places=(),
        modality="asserted",
        mentions=(mention,),
        confidence=0.5,
    )


def test_acled_subevent_with_sentences() -> None:
    text = "Rebels attacked the base with shells filled with chlorine."
    ev = _event("190", "ASSAULT", None, text)
    assert acled_subevent(ev) == ("Battles", "Armed clash")  # the table alone
    sentences = event_sentences(ev, {"a": text})
    assert sentences == [text]
    assert acled_subevent(ev, sentences=sentences) == (EXP, "Chemical weapon")
    quake = "An earthquake killed 40 people in the valley."
    assert acled_subevent(_event("190", "ASSAULT", None, quake), sentences=[quake]) is None
    # a cue that may not re-type a battle leaves it alone ("ceasefire" is no agreement here)
    truce = "Rebels attacked the base despite the ceasefire."
    assert acled_subevent(_event("190", "ASSAULT", None, truce), sentences=[truce]) == (
        "Battles",
        "Armed clash",
    )
    negated = replace(ev, modality="negated")
    assert acled_subevent(negated, sentences=sentences) is None


def test_combine_rules() -> None:
    assert combine(None, None) is None
    cue = default_cues().match("Thousands of teachers marched through the capital.")
    assert combine(None, cue) == ("Protests", "Peaceful protest")
    assert combine(("Battles", "Armed clash"), cue) == ("Battles", "Armed clash")


def test_case_snippet_prediction_uses_cues() -> None:
    from eventwire.coding.acled import default_map

    assert predict([], default_map(), "Police seized 40 rifles in a raid.") == "DISR_WEAP"
    assert predict([], default_map(), "A tsunami hit the coast.") == "NATURAL_DISASTER"
    assert predict([], default_map(), "Nothing to see here.") == "NONE"


def test_packaged_cues_are_valid_and_checked() -> None:
    problems: list[str] = []
    cues = AcledCues.load(problems=problems)
    assert problems == [] and cues.cues
    assert not [p for p in check_dictionaries() if "acled_cues" in p]


def test_bad_cue_rows_are_named(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text(
        "# test\nevent_type\tsub_event_type\tover\twords\tnear\tunless\n"
        "Battles\tAir/drone strike\t*\tjets\t*\t*\n"
        "-\tVolcano\t*\tlava\t*\t*\n"
        "Riots\tMob violence\tNope\tmob\t*\t*\n"
        "Riots\tMob violence\t*\t*\t*\t*\n",
        encoding="utf-8",
    )
    problems: list[str] = []
    AcledCues.load(path, problems=problems)
    assert [p.split(":")[1] for p in problems] == ["3", "4", "5", "6"]
    with pytest.raises(DictionaryError):
        AcledCues.load(path)


def test_pipeline_sets_the_categories(pipeline) -> None:
    """Real parse: the event's category comes from the table refined by its sentence's words."""
    text = "Rebels fired shells filled with chlorine gas at the village on Monday, killing five."
    events = pipeline.extract(text)
    assert any(
        (e.acled_event_type, e.acled_sub_event_type) == (EXP, "Chemical weapon") for e in events
    )
    quake = "A powerful earthquake killed 30 people in the valley on Monday."
    assert all(e.acled_event_type is None for e in pipeline.extract(quake))


def test_words_give_no_category_to_an_event_without_one() -> None:
    text = "The ministers met in Geneva to discuss the protests."
    meeting = _event("040", "CONSULT", None, text)
    assert acled_subevent(meeting, sentences=[text]) is None
