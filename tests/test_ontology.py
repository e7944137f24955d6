"""The coding tables and their loader: real packaged tables, plus small broken copies in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventwire.coding.ontology import DATA_DIR, Ontology
from eventwire.dictcheck import CODING_TABLES, check_dictionaries
from eventwire.errors import DictionaryError


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in CODING_TABLES:
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


# ---------------------------------------------------------------- code tables


def test_goldstein_and_quad_of_190(onto: Ontology) -> None:
    info = onto.cameo("190")
    assert (info.goldstein, info.quad_class, info.root) == (-10.0, 4, "19")


def test_unlisted_code_takes_parent_values(onto: Ontology) -> None:
    info = onto.cameo("1213")  # in the crosswalk, not in the CAMEO code list
    assert info.code == "1213"
    assert info.name == onto.cameo("121").name
    with pytest.raises(KeyError):
        onto.cameo("99")


def test_plover_uses_nearest_ancestor(onto: Ontology) -> None:
    assert onto.plover("0871") == ("RETREAT", "ceasefire", "military")
    assert onto.plover("19")[0] == "ASSAULT"  # a root code goes to its general code 190
    assert onto.plover("0256") == ("REQUEST", "yield", "military")  # our 02x table
    assert onto.plover("010") is None  # statements are not events
    assert onto.plover("abc") is None


# ---------------------------------------------------------------- verbs


def test_urge_to_cease_attacks_is_request(onto: Ontology) -> None:
    c = onto.code_verb("urge", after=["russia", "to", "cease", "attack"])
    assert c is not None
    assert c.plover_type == "REQUEST"
    assert c.cameo_code[:2] in ("02", "10")


def test_urge_inherits_demand_patterns(onto: Ontology) -> None:
    c = onto.code_verb("urge", after=["russia", "to", "focus", "effort"])
    assert c is not None and c.plover_type == "REQUEST"
    assert c.pattern.startswith("verbs.tsv:")


def test_intercept_is_coerce(onto: Ontology) -> None:
    c = onto.code_verb("intercept", after=["russian", "combat", "aircraft"])
    assert c is not None and c.plover_type == "COERCE"


def test_condemn_is_accuse_111(onto: Ontology) -> None:
    c = onto.code_verb("condemn", after=["incursion"])
    assert c is not None
    assert (c.plover_type, c.cameo_code) == ("ACCUSE", "111")


def test_meet_is_consult(onto: Ontology) -> None:
    for after in ([], ["with", "turkish", "official", "on", "monday"], ["at", "summit"]):
        c = onto.code_verb("meet", after=after)
        assert c is not None and c.plover_type == "CONSULT", after


def test_statement_verbs_are_not_events(onto: Ontology) -> None:
    assert onto.code_verb("say") is None
    assert onto.code_verb("announce", after=["incident"]) is None
    assert onto.code_verb("tell", after=["reporter"]) is None


def test_unknown_verb_is_none(onto: Ontology) -> None:
    assert onto.code_verb("frobnicate", after=["russia"]) is None
    assert onto.code_verb("") is None


def test_more_specific_pattern_wins(onto: Ontology) -> None:
    assert onto.code_verb("meet", after=["for", "talk"]).cameo_code == "046"
    assert onto.code_verb("violate", after=["turkish", "airspace"]).cameo_code == "150"
    assert onto.code_verb("violate", after=["ceasefire"]).cameo_code == "196"


def test_call_on_and_particles(onto: Ontology) -> None:
    c = onto.code_verb("call", particles=["on"], after=["on", "russia", "to", "cease", "attack"])
    assert c is not None and c.plover_type == "REQUEST"
    off = onto.code_verb("call", particles=["off"], after=["talk"])
    assert off is not None and off.cameo_code.startswith("16")


def test_phrasal_and_light_verbs_take_the_noun(onto: Ontology) -> None:
    for lemma, particles in (("carry out", []), ("carry", ["out"]), ("launch", [])):
        c = onto.code_verb(lemma, particles=particles, after=["airstrike", "on", "hama"])
        assert c is not None and c.cameo_code == "195", lemma
    concern = onto.code_verb("express", after=["deep", "concern"])
    assert concern is not None and concern.cameo_code == "111"


def test_pattern_names_its_row(onto: Ontology) -> None:
    c = onto.code_verb("condemn")
    assert c is not None and c.pattern.startswith("verbs.tsv:")
    assert "CONDEMN" in c.pattern


# ---------------------------------------------------------------- nouns and triggers


def test_airstrike_noun_is_aerial_assault(onto: Ontology) -> None:
    for lemma, before in (("airstrike", ()), ("air strike", ()), ("strike", ("air",))):
        c = onto.code_noun(lemma, before=before)
        assert c is not None, lemma
        assert (c.plover_type, c.cameo_code, c.plover_mode) == ("ASSAULT", "195", "aerial")


def test_noun_complements(onto: Ontology) -> None:
    assert onto.code_noun("violation", after=["of", "turkish", "airspace"]).cameo_code == "150"
    assert onto.code_noun("incursion").plover_type == "MOBILIZE"
    assert onto.code_noun("statement") is None


def test_trigger_lemmas(onto: Ontology) -> None:
    lemmas = onto.trigger_lemmas()
    assert isinstance(lemmas, frozenset)
    for word in ("airstrike", "urge", "intercept", "condemn", "meet", "launch"):
        assert onto.is_trigger_lemma(word), word
    assert not onto.is_trigger_lemma("the")
    assert not onto.is_trigger_lemma("blue")


def test_project_triggers_cover_every_plover_type(onto: Ontology) -> None:
    covered = set()
    for line in (DATA_DIR / "triggers_extra.tsv").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or fields[0] not in ("noun", "verb") or not fields[4]:
            continue
        found = onto.plover(fields[4])
        if found:
            covered.add(found[0])
    assert covered == set(onto.plover_modes())
    assert len(covered) == 16


# ---------------------------------------------------------------- validation


def test_packaged_tables_are_clean() -> None:
    assert check_dictionaries() == []


def test_malformed_row_names_file_and_line(data_copy: Path) -> None:
    path = data_copy / "triggers_extra.tsv"
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    with path.open("a", encoding="utf-8") as f:
        f.write("noun\tairstrike\t195\n")  # three fields instead of seven
    with pytest.raises(DictionaryError) as err:
        Ontology.load(data_copy)
    assert err.value.path.endswith("triggers_extra.tsv")
    assert err.value.line == n_lines + 1
    assert f"triggers_extra.tsv:{n_lines + 1}:" in str(err.value)


def test_bad_values_are_rejected(data_copy: Path) -> None:
    path = data_copy / "cameo_plover_extra.tsv"
    with path.open("a", encoding="utf-8") as f:
        f.write("0299\tREQUEST\tnot-a-mode\t\tbad mode\n")
    with pytest.raises(DictionaryError, match="not a mode of REQUEST"):
        Ontology.load(data_copy)


def test_bad_header_and_missing_file(data_copy: Path) -> None:
    (data_copy / "cameo_codes.tsv").write_text("# header\ncode\tname\n01\tX\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="expected columns"):
        Ontology.load(data_copy)
    (data_copy / "verbs.tsv").unlink()
    problems = check_dictionaries(data_copy)
    assert any("cameo_codes.tsv:2:" in p for p in problems)
    assert any("verbs.tsv:0: cannot read" in p for p in problems)


def test_check_lists_every_problem(data_copy: Path) -> None:
    with (data_copy / "verbs.tsv").open("a", encoding="utf-8") as f:
        f.write("strike\t\tair\t999\t1\n")  # unknown CAMEO code
        f.write("strike\t\t&NOSUCHSET\t190\t2\n")  # unknown synset
        f.write("Strike\t\t\t190\t3\n")  # lemma not lower-case
    problems = check_dictionaries(data_copy)
    assert len(problems) == 3
    assert all(p.startswith(str(data_copy / "verbs.tsv")) for p in problems)
    assert "unknown CAMEO code" in problems[0]
    assert "unknown synset" in problems[1]


def test_bare_cameo_default_is_marked_generic(onto: Ontology) -> None:
    bare = onto.code_verb("establish")
    assert bare is not None and bare.generic  # CAMEO.2.0's catch-all 060
    ours = onto.code_verb("give", after=["permission"])
    assert ours is not None and not ours.generic and ours.plover_type == "CONCEDE"


def test_round3_table_rows(onto: Ontology) -> None:
    ratified = onto.code_verb("ratify", after=["the", "agreement"])
    assert ratified is not None and ratified.plover_type == "SUPPORT"
    sanctions = onto.code_verb("call", after=["for", "sanction", "against", "the", "junta"])
    assert sanctions is not None and sanctions.plover_type == "ACCUSE"
    disease = onto.code_verb("fight", after=["the", "epidemic"])
    assert disease is None  # fighting a disease is no use of force
    ceasefire = onto.code_noun("fire", before=["cease"])
    assert ceasefire is not None and ceasefire.plover_type == "RETREAT"
