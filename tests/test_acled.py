"""ACLED-style sub-event types: the packaged table's rules, its validation, and one real extraction."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.coding.acled import ACLED_TYPES, AcledMap, acled_subevent, default_map
from eventwire.coding.ontology import DATA_DIR, Ontology
from eventwire.dictcheck import check_dictionaries
from eventwire.errors import DictionaryError
from eventwire.records import Actor, Event, Mention, Span

HEADER = "# test table\ncameo\tplover_type\tmode\tcontext\tsource_sector\ttarget_sector\tsource_words\tevent_type\tsub_event_type\n"


def event(
    cameo: str,
    ptype: str,
    mode: str | None = None,
    *,
    source: str | None = "MIL",
    target: str | None = "MIL",
    modality: str = "asserted",
    context: str | None = None,
) -> Event:
    mention = Mention("a", Span(0, 10), Span(0, 4), ptype, mode, cameo, modality=modality)
    return Event(
        id=cameo,
        plover_type=ptype,
        plover_mode=mode,
        plover_context=context,
        cameo_code=cameo,
        cameo_name="",
        goldstein=-5.0,
        quad_class=4,
        source=Actor("src", country="SYR", sector=source) if source else None,
        target=Actor("tgt", country="SYR", sector=target) if target else None,
        when=None,
        places=(),
        modality=modality,
        mentions=(mention,),
        confidence=0.5,
    )


@pytest.mark.parametrize(
    ("ev", "expected"),
    [
        (event("195", "ASSAULT", "aerial"), ("Explosions/Remote violence", "Air/drone strike")),
        (
            event("195", "ASSAULT", "aerial", target="CVL"),
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            event("194", "ASSAULT", "heavy-weapons"),
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            event("1831", "ASSAULT", "suicide-attack"),
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            event("2041", "ASSAULT", "unconventional", context="cbrn"),
            ("Explosions/Remote violence", "Chemical weapon"),
        ),
        (
            event("145", "PROTEST", "riot", source="OPP", target=None),
            ("Riots", "Violent demonstration"),
        ),
        (
            event("141", "PROTEST", "demo", source="OPP", target="GOV"),
            ("Protests", "Peaceful protest"),
        ),
        (event("190", "ASSAULT"), ("Battles", "Armed clash")),
        (
            event("193", "ASSAULT", "firearms", source="REB", target="CVL"),
            ("Violence against civilians", "Attack"),
        ),
        (event("182", "ASSAULT", "beat", source="CVL", target="CVL"), ("Riots", "Mob violence")),
        (
            event("1821", "ASSAULT", "sexual", target="CVL"),
            ("Violence against civilians", "Sexual violence"),
        ),
        (
            event("181", "ASSAULT", "abduct"),
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            event("192", "COERCE", "seize", source="MIL"),
            ("Battles", "Government regains territory"),
        ),
        (
            event("192", "COERCE", "seize", source="REB"),
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (
            event("173", "COERCE", "arrest", source="COP", target="OPP"),
            ("Strategic developments", "Arrests"),
        ),
        (event("057", "SUPPORT"), ("Strategic developments", "Agreement")),
        (event("0871", "RETREAT", "ceasefire"), ("Strategic developments", "Agreement")),
        (
            event("154", "MOBILIZE", "troops"),
            ("Strategic developments", "Change to group/activity"),
        ),
    ],
)
def test_packaged_rules(ev: Event, expected: tuple[str, str]) -> None:
    assert acled_subevent(ev) == expected


def test_no_category_for_unasserted_or_non_violent_events() -> None:
    assert acled_subevent(event("195", "ASSAULT", "aerial", modality="negated")) is None
    assert acled_subevent(event("138", "THREATEN", "violence", modality="future")) is None
    assert acled_subevent(event("042", "CONSULT", "visit", source="GOV", target="GOV")) is None
    assert acled_subevent(event("111", "ACCUSE", source="GOV", target="GOV")) is None


def test_packaged_table_is_valid_and_checked_by_dict_check() -> None:
    problems: list[str] = []
    table = AcledMap.load(plover_modes=Ontology.load().plover_modes(), problems=problems)
    assert problems == []
    assert table.rules and all(r.sub_event_type in ACLED_TYPES[r.event_type] for r in table.rules)
    assert default_map().rules == table.rules
    assert not [p for p in check_dictionaries() if "acled_map" in p]


def test_first_matching_row_wins_and_users_can_edit(tmp_path: Path) -> None:
    path = tmp_path / "acled_map.tsv"
    path.write_text(
        HEADER
        + "19\t*\t*\t*\t*\t-\t*\tBattles\tArmed clash\n"  # no target sector at all
        + "19\t*\t*\t*\t*\t*\tbomber;air  force\tExplosions/Remote violence\tAir/drone strike\n"
        + "19\t*\t*\t*\t*\t*\t*\tViolence against civilians\tAttack\n",
        encoding="utf-8",
    )
    table = AcledMap.load(path)
    assert table.subevent(event("190", "ASSAULT", target=None)) == ("Battles", "Armed clash")
    assert table.subevent(event("190", "ASSAULT")) == ("Violence against civilians", "Attack")
    assert table.rule_for(event("190", "ASSAULT")).where == "acled_map.tsv:5"
    assert table.rank(event("190", "ASSAULT")) == 2
    planes = replace(event("190", "ASSAULT"), source=Actor("the Air   Force", sector="MIL"))
    assert table.subevent(planes) == ("Explosions/Remote violence", "Air/drone strike")
    whole_words = replace(planes, source=Actor("bombers", sector="MIL"))
    assert table.subevent(whole_words) == ("Violence against civilians", "Attack")
    assert acled_subevent(event("042", "CONSULT"), table) is None


def test_bad_rows_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "acled_map.tsv"
    path.write_text(
        HEADER
        + "19\t*\t*\t*\t*\t*\t*\tBattles\tAir/drone strike\n"  # wrong sub-event type for the type
        + "1x\t*\t*\t*\t*\t*\t*\tRiots\tMob violence\n"  # bad CAMEO prefix
        + "*\tASSAULT\tflying\t*\t*\t*\t*\tRiots\tMob violence\n"  # not a mode of ASSAULT
        + "*\t*\t*\t*\tcivilians\t*\t*\tRiots\tMob violence\n"  # bad sector
        + "*\t*\t*\t*\t*\tRiots\n",  # too few fields
        encoding="utf-8",
    )
    with pytest.raises(
        DictionaryError, match=r"acled_map.tsv:3: 'Air/drone strike' is not a sub-event"
    ):
        AcledMap.load(path)
    problems: list[str] = []
    table = AcledMap.load(path, plover_modes=Ontology.load().plover_modes(), problems=problems)
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in problems] == ["3", "4", "5", "6", "7"]
    assert table.rules == ()


def test_missing_table_is_reported(tmp_path: Path) -> None:
    problems: list[str] = []
    AcledMap.load(tmp_path / "nope.tsv", problems=problems)
    assert problems and "cannot read" in problems[0]
    assert (DATA_DIR / "acled_map.tsv").is_file()


def test_every_asserted_attack_of_the_seed_gets_a_category(pipeline) -> None:
    """The seed's airstrikes (a test floor keeps them) are violence in ACLED's sense."""
    text = (Path(__file__).parent / "fixtures" / "nato-russia-2015.txt").read_text(encoding="utf-8")
    attacks = [
        e for e in pipeline.extract(text, published="2015-10-05") if e.plover_type == "ASSAULT"
    ]
    assert attacks
    kinds = {acled_subevent(e) for e in attacks}
    assert None not in kinds
    assert {k[0] for k in kinds} <= {
        "Explosions/Remote violence",
        "Battles",
        "Violence against civilians",
    }
