"""Check the coding dictionaries a user may have edited, listing every problem at once.

``Ontology.load()`` stops at the first bad row, which is right for a run but tedious while editing
tables; ``check_dictionaries`` reads the same files with the same rules and returns all problems
as ``file:line: reason`` lines (the future ``eventwire dict check`` prints them).
"""

from __future__ import annotations

from pathlib import Path

from .coding.acled import AcledMap
from .coding.acled_cues import AcledCues
from .coding.ontology import DATA_DIR, Ontology
from .confidence import ConfidenceModel

# The tables ``Ontology.load`` reads, the ACLED map and the confidence model; a missing one is
# reported by its loader.
CODING_TABLES = (
    "plover_types.tsv",
    "cameo_codes.tsv",
    "cameo_plover.tsv",
    "cameo_plover_extra.tsv",
    "verb_synsets.tsv",
    "verbs.tsv",
    "triggers_extra.tsv",
    "acled_map.tsv",
    "acled_cues.tsv",
    "confidence.tsv",
)


def check_dictionaries(data_dir: Path | None = None) -> list[str]:
    """Every problem in the coding tables under ``data_dir`` (default: the packaged ones), as
    ``file:line: reason``; an empty list means the tables load cleanly."""
    problems: list[str] = []
    ontology = Ontology.load(data_dir, problems=problems)
    d = Path(data_dir) if data_dir is not None else DATA_DIR
    AcledMap.load(d / "acled_map.tsv", plover_modes=ontology.plover_modes(), problems=problems)
    AcledCues.load(d / "acled_cues.tsv", problems=problems)
    ConfidenceModel.load(d / "confidence.tsv", triggers=None, problems=problems)
    # Every PLOVER type should be reachable from some CAMEO code, or events of that type can
    # never be produced; this points at a crosswalk that lost rows.
    reachable = set()
    for code in ontology.crosswalk_codes():
        found = ontology.plover(code)
        if found is not None:
            reachable.add(found[0])
    for ptype in sorted(set(ontology.plover_modes()) - reachable):
        problems.append(
            f"{d / 'cameo_plover.tsv'}:0: PLOVER type {ptype} has no CAMEO code mapped to it"
        )
    return problems
