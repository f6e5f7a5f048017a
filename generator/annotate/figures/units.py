"""What a number counts: the noun after it, its qualifier before it, deaths.

"More than 24,700 people" -> qualifier "More than", unit "people";
"27 people died" and "the deaths of 27 people" -> unit "deaths".
Works on one paragraph's text and character offsets into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUALIFIER_RE = re.compile(
    r"(?:\b(?:more|fewer|less|higher|greater|lower|other)\s+than|\bat\s+(?:least|most)|\bup\s+to"
    r"|\bjust\s+(?:over|under|below|above)|\bclose\s+to|\bin\s+excess\s+of|\bas\s+many\s+as"
    r"|\ba\s+total\s+of|\ban\s+estimated|\ba\s+further|\ban\s+(?:extra|additional)|\bwell\s+over"
    r"|\b(?:almost|nearly|around|about|approximately|roughly|some|over|under|only|just|another"
    r"|up|down|exactly|barely|estimated|record|the|a|an))\s+$",
    re.IGNORECASE,
)
MULTIWORD_UNITS: dict[str, str] = {
    "asylum seekers": "asylum seekers",
    "asylum seeker": "asylum seekers",
    "asylum claims": "asylum claims",
    "asylum applications": "asylum claims",
    "member states": "member states",
    "foreign national offenders": "foreign national offenders",
    "foreign nationals": "foreign nationals",
    "small boats": "boats",
    "small boat": "boats",
    "police officers": "officers",
    "nautical miles": "nautical miles",
    "percentage points": "percentage points",
    "percentage point": "percentage points",
}
# One pass that says whether any multi-word unit follows, before trying each in order.
ANY_MULTIWORD_UNIT_RE = re.compile(r"\s+(?:\w+\s+)?(?:" + "|".join(MULTIWORD_UNITS) + r")\b", re.IGNORECASE)
SINGULAR_TO_UNIT: dict[str, str] = {
    "person": "people",
    "man": "men",
    "woman": "women",
    "child": "children",
    "body": "bodies",
    "dinghy": "boats",
    "dinghies": "boats",
    "vessel": "boats",
    "vessels": "boats",
    "boat": "boats",
    "km": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "mile": "miles",
    "metre": "metres",
    "meter": "metres",
    "meters": "metres",
    "fatalities": "deaths",
    "death": "deaths",
    "bodies": "deaths",
    "percent": "percent",
    "smuggler": "smugglers",
    "trafficker": "traffickers",
    "arrest": "arrests",
    "migrant": "migrants",
    "arrival": "arrivals",
    "facility": "facilities",
    "crossing": "crossings",
    "pounds": "GBP",
    "pound": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "dollars": "USD",
    "dollar": "USD",
}
SKIPPED_ADJECTIVES = frozenset(
    """small more new other further additional extra dangerous illegal irregular young unaccompanied
    suspected alleged vulnerable overcrowded inflatable flimsy separate different known recorded
    registered confirmed reported individual foreign british french people-smuggling failed legal
    successful genuine dead missing fewer frontline full-time large big tiny unseaworthy makeshift
    rubber criminal""".split()
)
NOT_UNITS = frozenset(
    """the a an of in on at to and or but have has had was were is are will would could should may
    might been being be this that than as for from with by so per each it its their his her who
    which where when while after before since during between into across said says according last
    next more less mark milestone threshold figure total barrier level times time s among including
    aboard off near within against via like such compared because around back out there here then
    now all both most every these those many first set made left came went saw took got put cost hit
    rose fell grew stood ran sent won lost paid held kept brought found gave told say arrive arrives
    do did does can cannot""".split()
)
DEATH_WORDS = frozenset(["died", "drowned", "perished", "dead", "killed"])
DEATH_AFTER_RE = re.compile(
    r"^(?:,[^,.;]{1,50},|\s+including\s[^,.;]{1,60}?)?\s+"
    r"(?:(?:have|had|were|who|are|all|reportedly|been|having|later|also|tragically)\s+){0,3}"
    r"(?:died|drowned|perished|dead|killed|lost\s+their\s+lives)\b",
    re.IGNORECASE,
)
DEATH_BEFORE_RE = re.compile(
    r"(?:\bdeaths?\s+of|\bkilling|\bkilled|\bdeath\s+toll\s+(?:of|rose\s+to|stands\s+at|reached)"
    r"|\bbodies\s+of|\blives\s+of|\bdrowning\s+of)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_PLURAL_NEXT_RE = re.compile(r"\s+(?:[a-z]+s|people|children|men|women)\b(?!\s+(?:of|to)\b)")
_WORD_AHEAD_RE = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")
PEOPLE_CONTEXT_RE = re.compile(
    r"\b(?:people|migrants?|arrivals?|crossings?|crossed|arrived|asylum|refugees?)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class UnitReading:
    """The counted noun found after a number, and where its words end."""

    unit: str | None
    end: int


def qualifier_start(text: str, start: int) -> int:
    """Start of "More than"/"almost"/"up" before the number at `start` (or `start`)."""
    window_start = max(0, start - 40)
    if not ends_with_word_and_space(text[window_start:start]):
        return start  # every qualifier is a word followed by a space: skip the costly search
    match = QUALIFIER_RE.search(text[window_start:start])
    if not match or match.group(0).strip().lower() in ("the", "a", "an"):
        return start
    return window_start + match.start()


def ends_with_word_and_space(before: str, also: str = "") -> bool:
    """True when `before` ends in whitespace after a letter (or a character in `also`)."""
    stripped = before.rstrip()
    return len(stripped) < len(before) and bool(stripped) and (stripped[-1].isalpha() or stripped[-1] in also)


def normalise_unit(word: str) -> str:
    """The unit name for a counted noun: "person" -> "people", "vessel" -> "boats"."""
    lowered = word.lower().strip("'’-")
    return SINGULAR_TO_UNIT.get(lowered, lowered)


def read_unit(text: str, end: int) -> UnitReading:
    """The counted noun after offset `end`, skipping adjectives ("small", "more")."""
    tail = text[end : end + 80]
    multiple = re.match(r"\s+times\b|-?fold\b", tail, re.IGNORECASE)
    if multiple:
        return UnitReading("times", end + multiple.end())
    for phrase, unit in MULTIWORD_UNITS.items() if ANY_MULTIWORD_UNIT_RE.match(tail) else ():
        match = re.match(rf"\s+(?:\w+\s+)?{phrase}\b", tail, re.IGNORECASE)
        if match:
            return UnitReading(unit, end + match.end())
    return _noun_after(text, end)


def _noun_after(text: str, end: int) -> UnitReading:
    """The first noun-like word after `end`; a capitalised one ("Albanians") if nothing follows it."""
    position, capital = end, None
    for _ in range(3):
        match = _WORD_AHEAD_RE.match(text, position)
        if not match:
            break
        word, lowered = match.group(1), match.group(1).lower()
        if (
            lowered in SKIPPED_ADJECTIVES
            or (word[0].isupper() and lowered not in NOT_UNITS)
            or (lowered.endswith(("ed", "ing")) and _PLURAL_NEXT_RE.match(text, match.end()))
        ):
            capital = word if word[0].isupper() else capital
            position = match.end()
            continue
        if lowered in DEATH_WORDS:
            return UnitReading("deaths", position if capital else end)
        if _is_noun(lowered, after_capital=capital is not None):
            return UnitReading(normalise_unit(word), match.end())
        break
    if capital:
        return UnitReading(capital.strip("'’-"), position)
    return UnitReading(None, end)


def _is_noun(lowered: str, after_capital: bool) -> bool:
    if lowered in NOT_UNITS or lowered.endswith(("ed", "ing", "ly")):
        return False
    return not after_capital or lowered.endswith("s") or lowered in SINGULAR_TO_UNIT


def is_death_count(text: str, start: int, unit_end: int) -> bool:
    """True when the number counts deaths: "27 people died", "the deaths of 27 people"."""
    if DEATH_AFTER_RE.match(text[unit_end : unit_end + 60]):
        return True
    return bool(DEATH_BEFORE_RE.search(text[max(0, start - 40) : start]))


def fallback_unit(text: str) -> str:
    """Unit for a bare number ("the total rose to 5,025."): people in a crossings story."""
    return "people" if PEOPLE_CONTEXT_RE.search(text) else "count"


def counts_phrase(text: str, start: int, end: int) -> str:
    """A few words saying what the number counts: the unit and what follows, to the clause end."""
    after = re.split(r"[;:!?()\"“”–—]|[.,](?!\d)", text[end : end + 120], maxsplit=1)[0]
    words = after.split()[:7]
    if len(words) >= 2:
        return " ".join(words)
    before = re.split(r"[.;:!?]\s", text[max(0, start - 120) : start])[-1]
    before_words = [w.strip('()“”"–—,') for w in before.split()[-6:]]
    number = text[start:end].strip()
    return " ".join(w for w in [*before_words, number, *words] if w).strip(" ,")
