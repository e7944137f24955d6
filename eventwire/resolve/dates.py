"""Time expressions: find them in a sentence, resolve them against the publication date.

News rarely prints the date of what it reports; it says "on Monday", "over the weekend", "last
week". Those phrases only mean something relative to the day the article was published, so this
module does two things:

* ``find_time_expressions(text)`` — character spans of the time phrases in a sentence, found by
  one compiled regular expression tried only near anchor words (the extractor calls it on every
  sentence, so it must be fast: ~55k sentences/s of CPU time on one core).
* ``resolve_time(phrase, published)`` — the ``DateRange`` a phrase denotes, or ``None`` when the
  phrase names no date ("recently", "so far", "shortly after the meeting").

Why hand-written rules rather than dateparser: dateparser 1.5 finds nothing in "over the
weekend" or "earlier this month", reads "on Monday" published on a Monday as the Monday before,
and returns single days where news means a week, a month or a year. The rules follow news usage:

* Past by default. A bare weekday, month or day-month is the most recent one on or before
  publication ("on Monday" published on a Monday is that day). Pass ``future=True`` when the
  caller knows the clause is about the future; "next …" always looks forward.
* "last week" is the previous Monday–Sunday week; "the past week" is the seven days to publication.
* "over the weekend" is the most recent Saturday–Sunday; "this weekend" is the coming one when
  published Tuesday to Friday.
* A day-month without a year ("on October 7") is the most recent such day, unless it falls within
  ``FORWARD_WINDOW_DAYS`` after publication: reports name upcoming votes and summits that way.

Every span ``find_time_expressions`` returns resolves to a ``DateRange`` for any ordinary
publication date. Month names must be capitalised (so "may" and "march" the verbs are not
months), and weekday names used as titles ("the Sunday Times", "Good Friday") are skipped.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from eventwire.records import DateRange

__all__ = ["FORWARD_WINDOW_DAYS", "PRECISIONS", "find_time_expressions", "resolve_time"]

PRECISIONS = ("day", "week", "month", "year", "range")

# A day-month without a year this many days after publication is read as upcoming, not last year.
FORWARD_WINDOW_DAYS = 30

# --- vocabulary (facts of the English calendar, not data) -----------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "a couple of": 2,
}  # fmt: skip

# Month names are case-sensitive: "may"/"march"/"august" in lower case are a verb or an adjective.
_MONTH_FULL = (
    r"(?-i:[Jj]anuary|[Ff]ebruary|March|[Aa]pril|May|[Jj]une|[Jj]uly|August|[Ss]eptember"
    r"|[Oo]ctober|[Nn]ovember|[Dd]ecember)"
)
_MONTH_ABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = r"(?-i:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
_YEAR = r"(?:1[89][0-9][0-9]|2[01][0-9][0-9])(?![0-9])"
_NUM = (
    r"(?:a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|[0-9]{1,3})"
)
_TOD = r"(?:morning|afternoon|evening|night)"
_PART = r"(?:early|mid|late)"
_PARTS = ("early", "mid", "late")

_ALTERNATIVES = [
    # explicit dates: "Monday, October 5, 2015", "2 October 2015", "Oct. 2", "1-3 October", ISO
    rf"""(?P<explicit>(?:(?P<ex_wd>{_WEEKDAY}),?\s+(?:the\s+)?)?(?:
          (?P<mdy_mon>{_MONTH_ANY})\s+(?P<mdy_d1>{_DAY})(?:\s*[-–]\s*(?P<mdy_d2>{_DAY}))?
              (?:,?\s+(?P<mdy_y>{_YEAR}))?
        | (?P<dmy_d1>{_DAY})(?:\s*(?:[-–]|to|and)\s*(?P<dmy_d2>{_DAY}))?\s+(?:of\s+)?
              (?P<dmy_mon>{_MONTH_ANY})(?:,?\s+(?P<dmy_y>{_YEAR}))?
        | (?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>3[01]|[12][0-9]|0[1-9])
              (?:T[0-9:.]+Z?)?))""",
    # month and year: "October 2015", "early October 2015"
    (
        rf"(?P<monthyear>(?:(?P<my_part>{_PART})[\s-]*)?(?P<my_mon>{_MONTH_ANY}),?\s+(?:of\s+)?"
        rf"(?P<my_y>{_YEAR}))"
    ),
    # "two days ago", "three weeks ago"
    rf"(?P<ago>(?P<ago_n>{_NUM})\s+(?P<ago_u>minute|hour|day|week|month|year|decade)s?\s+ago)",
    # "the past three days", "the last two weeks"
    (
        rf"(?P<pastn>(?:the\s+)?(?:past|last|previous)\s+(?P<pastn_n>{_NUM})\s+"
        rf"(?P<pastn_u>day|week|month|year)s)"
    ),
    # "the past week" (seven days to publication), but not "the last week of September"
    r"(?P<thepast>the\s+(?:past|last|previous)\s+(?P<thepast_u>week|month|year)(?!\s+of\b))",
    # days relative to publication, and calendar weeks / months / years
    rf"""(?P<rel>(?P<rel_dbby>the\s+day\s+before\s+yesterday)
        | (?P<rel_dat>the\s+day\s+after\s+tomorrow)
        | (?P<rel_yday>yesterday|last\s+night)(?:\s+{_TOD})?
        | (?P<rel_tmrw>tomorrow)(?:\s+{_TOD})?
        | (?P<rel_today>today|tonight|this\s+(?:morning|afternoon|evening)
              |(?:earlier|later)\s+today|earlier\s+in\s+the\s+day)
        | (?P<rel_overnight>overnight)
        | (?P<rel_mod>earlier\s+this|later\s+this|this|last|next|previous)\s+
              (?P<rel_u>week|month|year))""",
    # weekends
    (
        r"(?P<weekend>(?P<we_mod>this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+last"
        r"|this|last|past|next|coming|previous|the)\s+weekend)"
    ),
    # weekdays: "on Monday", "last Friday", "Monday afternoon", "late on Sunday"
    (
        rf"(?P<weekday>(?:(?P<wd_mod>this\s+coming|this\s+past|last|this|next|past|coming|early"
        rf"|late|earlier|later)\s+(?:on\s+)?)?(?P<wd>{_WEEKDAY})(?:\s+{_TOD})?)"
    ),
    # a month alone needs a preposition or modifier: "in November", "last March", "mid-October"
    (
        rf"(?P<month>(?P<m_mod>in|since|during|until|till|by|from|through|throughout|this\s+coming"
        rf"|this\s+past|last|this|next|coming|past|(?:the\s+)?(?:end|beginning|start|middle)\s+of"
        rf"|{_PART})(?:[\s-]+(?P<m_part>{_PART}))?[\s-]+(?P<m_mon>{_MONTH_FULL})(?!\s*[0-9]))"
    ),
    # a year alone needs a preposition: "in 2014", "since 2011", "in early 2014"
    (
        rf"(?P<year>(?P<y_mod>in|since|during|until|till|by|throughout|of|from|{_PART})[\s-]+"
        rf"(?:(?P<y_part>{_PART})[\s-]+)?(?P<y_y>{_YEAR})(?![-–/.,][0-9]|\s*(?:%|percent|per\s+cent)))"
    ),
    # decades: "the 1990s", "the early 2000s"
    rf"(?P<decade>the\s+(?:(?P<dec_part>{_PART})[\s-]+)?(?P<dec_y>1[89][0-9]0|20[0-9]0)'?s)",
]

_PATTERN = re.compile(
    r"\b(?:(?P<prep>on|in|at|over|during|throughout|since|from|until|till|by)\s+)?(?:"
    + "|".join(_ALTERNATIVES)
    + r")(?!\w)",
    re.IGNORECASE | re.VERBOSE,
)

# Every phrase contains one of these: a word, a month or a year (weekdays end in "day"; a day
# number always comes with a month). See ``_scan``.
_ANCHOR_WORDS = _words(
    "day night week month year morrow morning afternoon evening decade ago "
    "jan feb mar apr may jun jul aug sep oct nov dec"
)
_ANCHOR = re.compile(  # run on the lower-cased text: a literal per anchor scans fastest
    "|".join(["1[89][0-9][0-9]", "2[01][0-9][0-9]", *sorted(_ANCHOR_WORDS)])
)
# Words that can open a phrase (a digit can too).
_STARTERS = (
    _words(
        "on in at over during throughout since from until till by of the a an this last next past "
        "previous coming early mid late earlier later end beginning start middle yesterday today "
        "tonight tomorrow overnight one two three four five six seven eight nine ten eleven twelve "
        "fifteen twenty thirty"
    )
    | frozenset(_WEEKDAYS)
    | frozenset(_MONTHS)
)
_DIGITS = frozenset("0123456789")
_LOOKBACK = 48  # characters: "during the past a couple of days" opens 28 before "days"
_WORD = re.compile(r"\b\w+")
_WORD_END = re.compile(r"\w*")

# Weekday names that are part of a name or a recurring habit, not a date.
_WEEKDAY_BEFORE = re.compile(
    r"(?:\b(?i:the|a|an|every|each|one)|(?-i:Good|Black|Bloody|Cyber|Super|Ash|Palm|Easter|Holy"
    r"|Maundy|Shrove|Giving|Whit|Low|Blue|Mad|Manic))\s+$"
)
_WEEKDAY_AFTER = re.compile(
    r"\s+(?:(?-i:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Independent|Tribune|Star|Sport"
    r"|Age|Observer|Business|Journal|Gazette|World|Review|Edition|Magazine|People|Sun|Night\s+"
    r"Football|Bloody\s+Sunday)|(?i:school|schools|trading|roast|best|service|services|papers?"
    r"|league|editions?|shows?)\b)"
)
# "Theresa May said": a capitalised May followed by a verb is a person.
_MAY_AFTER = re.compile(r"\s+(?:said|says|told|has|had|is|was|will|would|and|or|'s)\b")
_SPACES = re.compile(r"\s+")


def find_time_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of the time phrases in ``text``, in order.

    Every span is a phrase ``resolve_time`` resolves; vague phrases ("recently") are not spans.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return [m.span() for m in _scan(text)]


def resolve_time(phrase: str, published: date, *, future: bool = False) -> DateRange | None:
    """The dates a time phrase denotes, relative to the publication date, or ``None``.

    ``future=True`` says the clause looks forward (a plan, a threat), so bare weekdays, months
    and weekends resolve to the next occurrence instead of the last one. The first time phrase
    found in ``phrase`` decides.
    """
    if not isinstance(phrase, str):
        raise TypeError(f"phrase must be str, not {type(phrase).__name__}")
    if not isinstance(published, date):
        raise TypeError(f"published must be a date, not {type(published).__name__}")
    if isinstance(published, datetime):
        published = published.date()
    m = next(_scan(phrase), None)
    if m is None:
        return None
    try:
        return _resolve(m, published, future)
    except (OverflowError, ValueError):  # outside the calendar: year 0 or 10000, 31 April
        return None


# --- scanning -----------------------------------------------------------------------------


def _scan(text: str) -> Iterator[re.Match[str]]:
    """The accepted matches of ``_PATTERN`` in ``text``, left to right, not overlapping.

    Trying the big pattern at every word is slow (~5k sentences/s), so it is tried only where
    a phrase can start: at words that can open one (``_STARTERS``), at most ``_LOOKBACK``
    characters before a word that every phrase contains (``_ANCHOR``: "day", "week", a month,
    a year...). A sentence without an anchor costs one scan of a pattern of literals.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two ("İ"): offsets would drift
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    done = 0  # every word start before this has been tried, or lies inside a match
    for anchor in _ANCHOR.finditer(lowered):
        at = anchor.start()
        if at < done:
            continue
        for word in _WORD.finditer(text, max(done, at - _LOOKBACK)):
            start, token = word.start(), word.group()
            if start > at:
                break
            if start < done or not (token[0] in _DIGITS or token.lower() in _STARTERS):
                continue
            m = _PATTERN.match(text, start)
            if m is not None and _accept(text, m):
                done = m.end()
                yield m
        rest = _WORD_END.match(text, at)
        done = max(done, rest.end() if rest else at)  # r"\w*" always matches


# --- filtering ----------------------------------------------------------------------------


def _accept(text: str, m: re.Match[str]) -> bool:
    """Drop matches whose weekday or month is part of a name ("Sunday Times", "Theresa May")."""
    if m.group("weekday") is not None:
        bare = m.group("prep") is None and m.group("wd_mod") is None
        if bare and _WEEKDAY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return False
        return _WEEKDAY_AFTER.match(text, m.end()) is None
    if m.group("month") is not None and m.group("m_mon") == "May":
        return _MAY_AFTER.match(text, m.end()) is None
    if m.group("explicit") is not None and not m.group("iso_y"):
        return _exists(m)
    return True


def _exists(m: re.Match[str]) -> bool:
    """Whether an explicit day-month (and year, if given) is on the calendar: not 31 April."""
    p = "mdy" if m["mdy_mon"] else "dmy"
    day = max(_day(m[p + "_d1"]), _day(m[p + "_d2"] or m[p + "_d1"]))
    year = int(m[p + "_y"]) if m[p + "_y"] else 2000  # a leap year: 29 February exists
    return day <= calendar.monthrange(year, _month(m[p + "_mon"]))[1]


# --- resolution ---------------------------------------------------------------------------


def _norm(s: str | None) -> str:
    return _SPACES.sub(" ", s).lower() if s else ""


def _number(token: str) -> int:
    token = _norm(token)
    return int(token) if token.isdigit() else _NUMBERS[token]


def _month(token: str) -> int:
    return _MONTHS[token.rstrip(".").lower()]


def _day(token: str) -> int:
    return int(token[:2] if token[:2].isdigit() else token[:1])


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + k
    return index // 12, index % 12 + 1


def _month_range(y: int, m: int, part: str = "") -> DateRange:
    """A whole month, or its early (1–10), mid (11–20) or late (21–end) part."""
    if part in ("early", "beginning of", "start of", "the beginning of", "the start of"):
        return DateRange(date(y, m, 1), date(y, m, 10), "range")
    if part in ("mid", "middle of", "the middle of"):
        return DateRange(date(y, m, 11), date(y, m, 20), "range")
    if part in ("late", "end of", "the end of"):
        return DateRange(date(y, m, 21), _month_end(y, m), "range")
    return DateRange(date(y, m, 1), _month_end(y, m), "month")


def _year_range(y: int, part: str = "") -> DateRange:
    if part == "early":
        return DateRange(date(y, 1, 1), date(y, 4, 30), "range")
    if part == "mid":
        return DateRange(date(y, 5, 1), date(y, 8, 31), "range")
    if part == "late":
        return DateRange(date(y, 9, 1), date(y, 12, 31), "range")
    return DateRange(date(y, 1, 1), date(y, 12, 31), "year")


def _week_range(monday: date) -> DateRange:
    return DateRange(monday, monday + timedelta(days=6), "week")


def _resolve(m: re.Match[str], pub: date, future: bool) -> DateRange:
    """Dispatch on the alternative that matched; "since X" runs from X to publication."""
    kind = next(k for k in _KINDS if m.group(k) is not None)
    found = _RESOLVERS[kind](m, pub, future)
    if m.group().lower().startswith("since") and found.start <= pub:
        return DateRange(found.start, pub, "range")
    return found


def _explicit(m: re.Match[str], pub: date, future: bool) -> DateRange:
    if m.group("iso_y"):
        d = date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        return DateRange(d, d, "day")
    if m.group("mdy_mon"):
        mon, d1, d2, y = m["mdy_mon"], m["mdy_d1"], m["mdy_d2"], m["mdy_y"]
    else:
        mon, d1, d2, y = m["dmy_mon"], m["dmy_d1"], m["dmy_d2"], m["dmy_y"]
    month, first = _month(mon), _day(d1)
    last = _day(d2) if d2 else first
    first, last = min(first, last), max(first, last)
    if y:
        year = int(y)
    else:
        weekday = _WEEKDAYS[m["ex_wd"].lower()] if m.group("ex_wd") else None
        year = _infer_year(month, first, pub, future, weekday)
    precision = "day" if first == last else "range"
    return DateRange(date(year, month, first), date(year, month, last), precision)


def _infer_year(month: int, day: int, pub: date, future: bool, weekday: int | None) -> int:
    """The year of a day-month printed without one (see the module docstring)."""
    candidates = [
        date(year, month, day)
        for year in range(pub.year - 4, pub.year + 5)  # 4 back: a 29 February always fits
        if 1 <= year <= 9999 and day <= calendar.monthrange(year, month)[1]
    ]
    if not candidates:
        raise ValueError("no such day")  # e.g. 31 April: caught by resolve_time
    pinned = [c for c in candidates if c.weekday() == weekday and abs(c.year - pub.year) <= 1]
    if pinned:  # "Monday, October 5": the nearest year where that is a Monday
        return min(pinned, key=lambda c: abs((c - pub).days)).year
    if future:
        after = [d for d in candidates if d >= pub]
        return (after[0] if after else candidates[-1]).year
    soon = [d for d in candidates if pub < d <= pub + timedelta(days=FORWARD_WINDOW_DAYS)]
    before = [d for d in candidates if d <= pub]
    return (soon[0] if soon else before[-1] if before else candidates[0]).year


def _monthyear(m: re.Match[str], pub: date, future: bool) -> DateRange:
    return _month_range(int(m["my_y"]), _month(m["my_mon"]), _norm(m["my_part"]))


def _ago(m: re.Match[str], pub: date, future: bool) -> DateRange:
    n, unit = _number(m["ago_n"]), _norm(m["ago_u"])
    if unit in ("minute", "hour", "day"):
        days = n if unit == "day" else (n // 24 if unit == "hour" else 0)
        d = pub - timedelta(days=days)
        return DateRange(d, d, "day")
    if unit == "week":
        d = pub - timedelta(weeks=n)
        return _week_range(d - timedelta(days=d.weekday()))
    if unit == "month":
        return _month_range(*_shift_month(pub.year, pub.month, -n))
    return _year_range(pub.year - n * (10 if unit == "decade" else 1))


def _back(pub: date, n: int, unit: str) -> date:
    """``pub`` moved back ``n`` units, the day clamped to the month's length."""
    if unit == "day":
        return pub - timedelta(days=n)
    if unit == "week":
        return pub - timedelta(weeks=n)
    y, mo = _shift_month(pub.year, pub.month, -n * (12 if unit == "year" else 1))
    return date(y, mo, min(pub.day, calendar.monthrange(y, mo)[1]))


def _pastn(m: re.Match[str], pub: date, future: bool) -> DateRange:
    return DateRange(_back(pub, _number(m["pastn_n"]), _norm(m["pastn_u"])), pub, "range")


def _thepast(m: re.Match[str], pub: date, future: bool) -> DateRange:
    return DateRange(_back(pub, 1, _norm(m["thepast_u"])), pub, "range")


_DAY_OFFSETS = {"rel_dbby": -2, "rel_dat": 2, "rel_yday": -1, "rel_tmrw": 1, "rel_today": 0}


def _rel(m: re.Match[str], pub: date, future: bool) -> DateRange:
    one = timedelta(days=1)
    for group, offset in _DAY_OFFSETS.items():
        if m.group(group):
            d = pub + timedelta(days=offset)
            return DateRange(d, d, "day")
    if m.group("rel_overnight"):
        return DateRange(pub - one, pub, "range")
    mod, unit = _norm(m["rel_mod"]), _norm(m["rel_u"])
    step = {"last": -1, "previous": -1, "next": 1}.get(mod, 0)
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        whole = _week_range(monday)
    elif unit == "month":
        whole = _month_range(*_shift_month(pub.year, pub.month, step))
    else:
        whole = _year_range(pub.year + step)
    if mod == "earlier this":
        return DateRange(whole.start, max(whole.start, pub - one), "range")
    if mod == "later this":
        return DateRange(min(pub + one, whole.end), whole.end, "range")
    return whole


def _weekend(m: re.Match[str], pub: date, future: bool) -> DateRange:
    mod, wd = _norm(m["we_mod"]), pub.weekday()
    current = wd >= 5  # published on the weekend itself
    coming = pub + timedelta(days=5 - wd)  # this weekend's Saturday
    recent = coming if current else coming - timedelta(weeks=1)
    if mod in ("next", "coming", "this coming"):
        sat = coming + timedelta(weeks=1) if current else coming
    elif mod in ("last", "previous", "the last", "the previous", "this past"):
        sat = recent - timedelta(weeks=1) if current else recent
    elif mod == "this":
        sat = coming if (future or wd >= 1) else recent
    else:  # "over the weekend", "at the weekend", "the past weekend"
        sat = coming if future else recent
    end = sat + timedelta(days=1)
    if current and sat == recent and not future and mod != "this":
        end = min(end, pub)
    return DateRange(sat, end, "range")


def _weekday(m: re.Match[str], pub: date, future: bool) -> DateRange:
    target, mod = _WEEKDAYS[m["wd"].lower()], _norm(m["wd_mod"])
    back = (pub.weekday() - target) % 7  # days since the most recent one, 0 if today
    ahead = (target - pub.weekday()) % 7
    if mod in ("last", "past", "this past"):
        d = pub - timedelta(days=back or 7)
    elif mod in ("next", "coming", "this coming"):
        d = pub + timedelta(days=ahead or 7)
    else:
        d = pub + timedelta(days=ahead) if future else pub - timedelta(days=back)
    return DateRange(d, d, "day")


def _month_alone(m: re.Match[str], pub: date, future: bool) -> DateRange:
    month, mod, part = _month(m["m_mon"]), _norm(m["m_mod"]), _norm(m["m_part"])
    if mod in ("last", "past", "this past"):
        year = pub.year if month < pub.month else pub.year - 1
    elif mod in ("next", "coming", "this coming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif mod == "this":
        year = pub.year
    elif future:
        year = pub.year if month >= pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    if not part and (mod in _PARTS or mod.endswith(" of")):
        part = mod
    return _month_range(year, month, part)


def _year(m: re.Match[str], pub: date, future: bool) -> DateRange:
    mod = _norm(m["y_mod"])
    return _year_range(int(m["y_y"]), _norm(m["y_part"]) or (mod if mod in _PARTS else ""))


def _decade(m: re.Match[str], pub: date, future: bool) -> DateRange:
    first, part = int(m["dec_y"]), _norm(m["dec_part"])
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
    return DateRange(date(first + lo, 1, 1), date(first + hi, 12, 31), "range")


_RESOLVERS = {
    "explicit": _explicit, "monthyear": _monthyear, "ago": _ago, "pastn": _pastn,
    "thepast": _thepast, "rel": _rel, "weekend": _weekend, "weekday": _weekday,
    "month": _month_alone, "year": _year, "decade": _decade,
}  # fmt: skip
_KINDS = tuple(_RESOLVERS)
