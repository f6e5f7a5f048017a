"""Publication dates read from the page furniture the cleaner took out.

A junk rule whose name ends in `(metadata)` (content/junk.yaml: "timestamp with full date
(metadata)", "date stamp (metadata)") removes a line such as `28 November 2020, 17:45 |
Updated: 29 November 2020` or `Published: 4 February 2026`. Such a line dates the article
better than anything inferred from its prose, so `published_from_timestamps` reads a full
date from it: the earliest publication date of all such lines; an "Updated" or "Modified"
date only when no line gives a publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.annotate.dates import MONTHS
from generator.models import RemovedText, Sourced

METADATA_RULE = "(metadata)"
MONTH_WORD = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
ORDINAL = r"(?:st|nd|rd|th)?"
FULL_DATE = re.compile(
    rf"\b(\d{{1,2}}){ORDINAL} {MONTH_WORD},? (\d{{4}})\b"  # 28 November 2020
    rf"|\b{MONTH_WORD} (\d{{1,2}}){ORDINAL},? (\d{{4}})\b"  # November 28, 2020
    r"|\b(\d{4})-(\d{2})-(\d{2})"  # 2020-11-28, 2020-11-28T17:45Z
    r"|\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b",  # 28/11/2020, day first as in British copy
    re.I,
)
UPDATE_WORD = re.compile(r"updated|modified|edited", re.I)
SHORT_MONTHS = tuple(m[:3].lower() for m in MONTHS)


def read_date(found: re.Match[str]) -> dt.date | None:
    """The calendar date one FULL_DATE match writes, or None when no such day exists."""
    g = found.groups()
    if g[0]:
        day, month, year = int(g[0]), SHORT_MONTHS.index(g[1].lower()[:3]) + 1, int(g[2])
    elif g[3]:
        month, day, year = SHORT_MONTHS.index(g[3].lower()[:3]) + 1, int(g[4]), int(g[5])
    elif g[6]:
        year, month, day = int(g[6]), int(g[7]), int(g[8])
    else:
        day, month, year = int(g[9]), int(g[10]), int(g[11])
        year += 2000 if year < 100 else 0
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def dates_in_line(text: str) -> list[tuple[dt.date, bool]]:
    """Each full date in a timestamp line, and whether it is an update (an "Updated" word stands
    between it and the date before it, or the line's start)."""
    dates, previous_end = [], 0
    for found in FULL_DATE.finditer(text):
        date = read_date(found)
        if date is not None:
            dates.append((date, UPDATE_WORD.search(text, previous_end, found.start()) is not None))
        previous_end = found.end()
    return dates


def published_from_timestamps(removed: tuple[RemovedText, ...]) -> Sourced | None:
    """YYYY-MM-DD from the timestamp lines taken out, with the line it rests on; None without one.

    The earliest publication date wins; update dates count only when there is no other."""
    candidates = [
        (is_update, date, line)
        for line in removed
        if line.rule.endswith(METADATA_RULE)
        for date, is_update in dates_in_line(line.text)
    ]
    if not candidates:
        return None
    is_update, date, line = min(candidates, key=lambda c: (c[0], c[1], c[2].line))
    shown = " ".join(line.text.split())
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    kind = "update timestamp" if is_update else "timestamp"
    return Sourced(date.isoformat(), basis=f"{kind} on line {line.line}: {shown}")
