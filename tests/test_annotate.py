"""Blocks: how an article's text is cut into the paragraphs that are parsed."""

from __future__ import annotations

from eventwire.annotate import split_blocks
from eventwire.records import Article

# Wire copy wrapped at ~60 characters, its dateline gone from the first line, with a table.
WRAPPED = (
    "RUSSIA SAYS IT WILL SEND TROOPS\n"
    "\n"
    "The Russian Defence Ministry\n"
    "said on Monday it would send two battalions to the border\n"
    "region after Ukrainian forces shelled a village near\n"
    "Belgorod, killing three people.\n"
    "    The ministry gave no date. Officials in Kiev denied the\n"
    "shelling and accused Moscow of staging the attack.\n"
    "         Troops   Tanks\n"
    " North   1,200    40\n"
    " South     800    25\n"
)


def _blocks(text: str) -> list[tuple[str, str]]:
    article = Article(id="a", text=text, title=None, published=None, input_ref="t")
    blocks = split_blocks(article)
    for block in blocks:  # offsets exact: a line break became one space, a letter may change case
        assert text[block.start : block.start + len(block.text)].replace("\n", " ").lower() == block.text.lower()
    return [(b.kind, b.text) for b in blocks]


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    blocks = _blocks(WRAPPED)
    assert blocks[0] == ("title", "RUSSIA SAYS IT WILL SEND TROOPS")
    assert blocks[1] == (
        "body",
        (
            "The Russian Defence Ministry said on Monday it would send two battalions to the border "
            "region after Ukrainian forces shelled a village near Belgorod, killing three people."
        ),
    )
    # an indented line starts a paragraph; table rows stay apart
    assert blocks[2] == (
        "body",
        (
            "The ministry gave no date. Officials in Kiev denied the shelling and accused Moscow of "
            "staging the attack."
        ),
    )
    assert [text for _, text in blocks[3:]] == ["Troops   Tanks", "North   1,200    40", "South     800    25"]


def test_one_paragraph_a_line_is_left_as_it_is():
    text = (
        "NATO urges Russia to stop strikes\n\n"
        "NATO urged Russia on Monday to stop its strikes on the Syrian opposition and civilians, its "
        "secretary general said after meeting Turkish officials in Brussels.\n"
        "Turkish jets intercepted a Russian aircraft that had crossed into Turkish airspace.\n"
    )
    assert [kind for kind, _ in _blocks(text)] == ["title", "body", "body"]


def test_a_sentence_wrapped_once_in_a_short_text_is_joined():
    text = "Talks end\n\nThe two sides said they\nwould meet again in May."
    assert [t for _, t in _blocks(text)] == ["Talks end", "The two sides said they would meet again in May."]


def test_a_first_line_of_names_that_runs_on_is_the_start_of_its_sentence():
    # No function word and no punctuation: alone it would read as a line of keywords.
    text = (
        "CHIRAC AND REAGAN MEET\n\n"
        "French Prime Minister Jacques Chirac\n"
        "opened talks with President Ronald Reagan on Tuesday that\n"
        "were expected to focus on arms control and trade.\n"
        "    Officials said the two men would also sign an agreement.\n"
    )
    blocks = _blocks(text)
    assert blocks[1] == (
        "body",
        (
            "French Prime Minister Jacques Chirac opened talks with President Ronald Reagan on Tuesday "
            "that were expected to focus on arms control and trade."
        ),
    )
    assert [kind for kind, _ in blocks] == ["title", "body", "body"]


def test_a_lede_of_names_runs_on_even_into_a_capital():
    text = (
        "DUTCH MINISTER ATTACKS GERMAN FARM POSITION\n\n"
        "Dutch Agriculture Minister Gerrit\n"
        "Braks said today the Netherlands deeply regretted West German\n"
        "opposition to reforms of European Community farm policy.\n"
    )
    assert _blocks(text)[1][1].startswith("Dutch Agriculture Minister Gerrit Braks said today")


def test_the_capital_after_us_in_reuters_21578_is_undone_where_the_article_shows_the_habit():
    text = (
        "IRAN VOWS REPRISAL\n\n"
        "Iran said several people were injured in Monday's U.S. Attack on an oil site and warned\n"
        "the U.S. Not to intervene. The U.S. Navy said the attack was lawful.\n"
    )
    body = _blocks(text)[1][1]
    assert "U.S. attack on an oil site and warned the U.S. not to intervene" in body
    assert "U.S. Navy" in body  # a name the article never writes in lower case
    plain = "Talks end\n\nThe U.S. Navy and the U.S. Army said the talks would go on.\n"
    assert "U.S. Navy and the U.S. Army" in _blocks(plain)[1][1]  # no habit, nothing changed
