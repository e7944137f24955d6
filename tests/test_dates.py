"""Time expressions: finding them in sentences and resolving them against publication dates.

The seed article was published on Monday 2015-10-05; the other dates check the weekday rules
from a Sunday and a Wednesday.
"""

from __future__ import annotations

from datetime import date, datetime
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.records import DateRange
from eventwire.resolve.dates import PRECISIONS, find_time_expressions, resolve_time

MON = date(2015, 10, 5)
SUN = date(2015, 10, 4)
WED = date(2015, 10, 7)


def d(text: str) -> date:
    return date.fromisoformat(text)


def day(text: str) -> DateRange:
    return DateRange(d(text), d(text), "day")


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in find_time_expressions(text)]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Monday", day("2015-10-05")),
        ("Monday afternoon", day("2015-10-05")),
        ("on Monday afternoon", day("2015-10-05")),
        ("today", day("2015-10-05")),
        ("yesterday", day("2015-10-04")),
        ("last night", day("2015-10-04")),
        ("the day before yesterday", day("2015-10-03")),
        ("tomorrow", day("2015-10-06")),
        ("this week", DateRange(d("2015-10-05"), d("2015-10-11"), "week")),
        ("last week", DateRange(d("2015-09-28"), d("2015-10-04"), "week")),
        ("Last week", DateRange(d("2015-09-28"), d("2015-10-04"), "week")),
        ("next week", DateRange(d("2015-10-12"), d("2015-10-18"), "week")),
        ("over the weekend", DateRange(d("2015-10-03"), d("2015-10-04"), "range")),
        ("this weekend", DateRange(d("2015-10-03"), d("2015-10-04"), "range")),
        ("at the weekend", DateRange(d("2015-10-03"), d("2015-10-04"), "range")),
        ("last weekend", DateRange(d("2015-10-03"), d("2015-10-04"), "range")),
        ("on Sunday", day("2015-10-04")),
        ("on Sunday night", day("2015-10-04")),
        ("last Friday", day("2015-10-02")),
        ("last Monday", day("2015-09-28")),
        ("next Monday", day("2015-10-12")),
        ("last month", DateRange(d("2015-09-01"), d("2015-09-30"), "month")),
        ("this month", DateRange(d("2015-10-01"), d("2015-10-31"), "month")),
        ("earlier this month", DateRange(d("2015-10-01"), d("2015-10-04"), "range")),
        ("in November", DateRange(d("2014-11-01"), d("2014-11-30"), "month")),
        ("in October", DateRange(d("2015-10-01"), d("2015-10-31"), "month")),
        ("in May", DateRange(d("2015-05-01"), d("2015-05-31"), "month")),
        ("next November", DateRange(d("2015-11-01"), d("2015-11-30"), "month")),
        ("last October", DateRange(d("2014-10-01"), d("2014-10-31"), "month")),
        ("in early October", DateRange(d("2015-10-01"), d("2015-10-10"), "range")),
        ("mid-September", DateRange(d("2015-09-11"), d("2015-09-20"), "range")),
        ("at the end of August", DateRange(d("2015-08-21"), d("2015-08-31"), "range")),
        ("this year", DateRange(d("2015-01-01"), d("2015-12-31"), "year")),
        ("last year", DateRange(d("2014-01-01"), d("2014-12-31"), "year")),
        ("earlier this year", DateRange(d("2015-01-01"), d("2015-10-04"), "range")),
        ("in 2014", DateRange(d("2014-01-01"), d("2014-12-31"), "year")),
        ("in early 2014", DateRange(d("2014-01-01"), d("2014-04-30"), "range")),
        ("since 2011", DateRange(d("2011-01-01"), d("2015-10-05"), "range")),
        ("in the 1990s", DateRange(d("1990-01-01"), d("1999-12-31"), "range")),
        ("October 2015", DateRange(d("2015-10-01"), d("2015-10-31"), "month")),
        ("on October 2", day("2015-10-02")),
        ("October 2, 2015", day("2015-10-02")),
        ("2 October 2015", day("2015-10-02")),
        ("the 2nd of October", day("2015-10-02")),
        ("2015-10-02", day("2015-10-02")),
        ("on Oct. 2", day("2015-10-02")),
        ("Sept. 30", day("2015-09-30")),
        ("Friday, October 2", day("2015-10-02")),
        ("1-3 October", DateRange(d("2015-10-01"), d("2015-10-03"), "range")),
        ("two days ago", day("2015-10-03")),
        ("a day ago", day("2015-10-04")),
        ("three weeks ago", DateRange(d("2015-09-14"), d("2015-09-20"), "week")),
        ("two months ago", DateRange(d("2015-08-01"), d("2015-08-31"), "month")),
        ("five years ago", DateRange(d("2010-01-01"), d("2010-12-31"), "year")),
        ("the past week", DateRange(d("2015-09-28"), d("2015-10-05"), "range")),
        ("in the past three days", DateRange(d("2015-10-02"), d("2015-10-05"), "range")),
        ("overnight", DateRange(d("2015-10-04"), d("2015-10-05"), "range")),
    ],
)
def test_resolves_against_a_monday(phrase: str, expected: DateRange) -> None:
    assert resolve_time(phrase, MON) == expected


@pytest.mark.parametrize(
    "phrase",
    ["recently", "Shortly after the meeting", "so far", "in recent weeks", "", "the meeting"],
)
def test_vague_phrases_name_no_date(phrase: str) -> None:
    assert resolve_time(phrase, MON) is None
    assert find_time_expressions(phrase) == []


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Sunday", day("2015-10-04")),
        ("on Monday", day("2015-09-28")),
        ("yesterday", day("2015-10-03")),
        ("over the weekend", DateRange(d("2015-10-03"), d("2015-10-04"), "range")),
        ("this weekend", DateRange(d("2015-10-03"), d("2015-10-04"), "range")),
        ("last weekend", DateRange(d("2015-09-26"), d("2015-09-27"), "range")),
        ("next weekend", DateRange(d("2015-10-10"), d("2015-10-11"), "range")),
        ("this week", DateRange(d("2015-09-28"), d("2015-10-04"), "week")),
        ("last week", DateRange(d("2015-09-21"), d("2015-09-27"), "week")),
    ],
)
def test_resolves_against_a_sunday(phrase: str, expected: DateRange) -> None:
    assert resolve_time(phrase, SUN) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Wednesday", day("2015-10-07")),
        ("on Monday", day("2015-10-05")),
        ("on Thursday", day("2015-10-01")),
        ("next Thursday", day("2015-10-08")),
        ("over the weekend", DateRange(d("2015-10-03"), d("2015-10-04"), "range")),
        ("this weekend", DateRange(d("2015-10-10"), d("2015-10-11"), "range")),
        ("last week", DateRange(d("2015-09-28"), d("2015-10-04"), "week")),
        ("earlier this week", DateRange(d("2015-10-05"), d("2015-10-06"), "range")),
        ("later this week", DateRange(d("2015-10-08"), d("2015-10-11"), "range")),
    ],
)
def test_resolves_against_a_wednesday(phrase: str, expected: DateRange) -> None:
    assert resolve_time(phrase, WED) == expected


def test_future_clauses_look_forward() -> None:
    assert resolve_time("on Thursday", WED, future=True) == day("2015-10-08")
    assert resolve_time("over the weekend", WED, future=True) == DateRange(
        d("2015-10-10"), d("2015-10-11"), "range"
    )
    assert resolve_time("in November", MON, future=True).start == d("2015-11-01")
    assert resolve_time("in September", MON, future=True).start == d("2016-09-01")


def test_a_day_month_without_year() -> None:
    # months ahead: last year's; a few days ahead: an upcoming date; a weekday pins the year
    assert resolve_time("on December 20", MON) == day("2014-12-20")
    assert resolve_time("on October 7", MON) == day("2015-10-07")
    assert resolve_time("Monday, October 5", date(2016, 1, 10)) == day("2015-10-05")
    assert resolve_time("on February 29", MON) == day("2012-02-29")


def test_a_datetime_publication_counts_as_its_date() -> None:
    assert resolve_time("yesterday", datetime(2015, 10, 5, 23, 59)) == day("2015-10-04")


@pytest.mark.parametrize(
    "text",
    [
        "You may go now.",
        "They march on the capital.",
        "The Sunday Times reported the deal.",
        "The Good Friday agreement holds.",
        "Theresa May said no.",
        "Talks were held by May and Merkel.",
        "Markets are closed every Monday.",
        "An august body met in Paris.",
        "He was born on February 30.",
        "About 2,000 people marched in 300 towns, up 15%.",
    ],
)
def test_words_that_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_finds_the_time_phrases_of_the_seed_article() -> None:
    text = (
        "Putin departs after a summit in Paris, France, October 2, 2015. Stoltenberg met with "
        "Turkish officials on Monday, after Turkish armed forces intercepted a Russian combat "
        "aircraft over the weekend. Another incident had occured on Sunday. The council met on "
        "Monday afternoon. Shortly after the meeting, NATO issued a statement. Last week French "
        "Defence Minister Jean-Yves Le Drian called the airstrikes curious. So far Russia has "
        "stressed that defeating ISIS is a priority."
    )
    assert found(text) == [
        "October 2, 2015",
        "on Monday",
        "over the weekend",
        "on Sunday",
        "on Monday afternoon",
        "Last week",
    ]
    spans = find_time_expressions(text)
    assert [resolve_time(text[a:b], MON) for a, b in spans] == [
        day("2015-10-02"),
        day("2015-10-05"),
        DateRange(d("2015-10-03"), d("2015-10-04"), "range"),
        day("2015-10-04"),
        day("2015-10-05"),
        DateRange(d("2015-09-28"), d("2015-10-04"), "week"),
    ]


def test_finds_wire_style_phrases() -> None:
    text = (
        "The ministry said Wednesday that the strikes, which began late on Tuesday, killed 12 "
        "people; the Sunday Times reported on Thursday, Jan. 15, 2015 that talks since mid-April "
        "had failed two weeks ago."
    )
    assert found(text) == [
        "Wednesday",
        "late on Tuesday",
        "on Thursday, Jan. 15, 2015",
        "since mid-April",
        "two weeks ago",
    ]


def test_bad_arguments_are_type_errors() -> None:
    with pytest.raises(TypeError):
        find_time_expressions(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        resolve_time("today", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        resolve_time(b"today", MON)  # type: ignore[arg-type]


# --- properties ---------------------------------------------------------------------------

FRAGMENTS = [
    "on", "in", "last", "next", "this", "the", "over", "since", "early", "mid-", "late", "past",
    "Monday", "Sunday", "Times", "weekend", "week", "month", "year", "ago", "two", "a", "days",
    "October", "May", "March", "Oct.", "Sept.", "2", "29", "31", "2014", "2015", "1990s", "of",
    "yesterday", "tonight", "morning", "afternoon", ",", "-", "2015-10-02", "said", "2,000",
]  # fmt: skip
sentences = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map(" ".join)
ordinary_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(st.text(max_size=200), st.dates(), st.booleans())
@settings(max_examples=300, deadline=None)
def test_any_string_never_raises(text: str, published: date, future: bool) -> None:
    for a, b in find_time_expressions(text):
        assert 0 <= a < b <= len(text)
    result = resolve_time(text, published, future=future)
    assert result is None or (result.start <= result.end and result.precision in PRECISIONS)


@given(sentences, st.dates(), st.booleans())
@settings(max_examples=500, deadline=None)
def test_resolved_ranges_are_ordered(text: str, published: date, future: bool) -> None:
    result = resolve_time(text, published, future=future)
    assert result is None or (result.start <= result.end and result.precision in PRECISIONS)


@given(sentences, ordinary_dates)
@settings(max_examples=500, deadline=None)
def test_every_span_found_resolves(text: str, published: date) -> None:
    spans = find_time_expressions(text)
    assert spans == sorted(spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))
    for a, b in spans:
        assert resolve_time(text[a:b], published) is not None, text[a:b]
        assert find_time_expressions(text[a:b]) == [(0, b - a)], text[a:b]
