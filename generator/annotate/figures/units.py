"""What a number counts: the noun after it, its qualifier before it, deaths.

"More than 24,700 people" -> qualifier "More than", unit "people";
"27 people died" and "the deaths of 27 people" -> unit "deaths".
Works on one paragraph's text and character offsets into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.annotate.vocabulary import ARTICLES, identity_cache
from generator.models import Units

QUALIFIER_RE = re.compile(
    r"(?:\b(?:more|fewer|less|higher|greater|lower|other)\s+than|\bat\s+(?:least|most)|\bup\s+to"
    r"|\bjust\s+(?:over|under|below|above)|\bclose\s+to|\bin\s+excess\s+of|\bas\s+many\s+as"
    r"|\ba\s+total\s+of|\ban\s+estimated|\ba\s+further|\ban\s+(?:extra|additional)|\bwell\s+over"
    r"|\b(?:almost|nearly|around|about|approximately|roughly|some|over|under|only|just|another"
    r"|up|down|exactly|barely|estimated|record|the|a|an))\s+$",
    re.IGNORECASE,
)
# Grammar, the same in every story: words skipped between a number and its noun ("5,000 more
# people"), and words after a number that are never what it counts (function words, verbs).
# The nouns and adjectives of these stories are the project's, in content/units.yaml.
QUANTITY_WORDS = frozenset("more other further additional extra fewer".split())
NOT_UNIT_WORDS = frozenset(
    """the a an of in on at to and or but have has had was were is are will would could should may
    might been being be this that than as for from with by so per each it its their his her who
    which where when while after before since during between into across said says according last
    next more less times time s among including aboard off near within against via like such
    compared because around back out there here then now all both most every these those many first
    set made left came went saw took got put cost hit rose fell grew stood ran sent won lost paid
    held kept brought found gave told say arrive arrives do did does can cannot""".split()
)
# How a death is written around the death words of content/units.yaml: "12 people, including six
# children, have reportedly died", "were confirmed to have died"; "the deaths of 27 people".
_DEATH_AFTER_GRAMMAR = (
    r"^(?:,[^,.;]{{1,50}},|\s+including\s[^,.;]{{1,60}}?)?\s+"
    r"(?:(?:have|had|were|who|are|all|reportedly|been|having|later|also|tragically|confirmed|believed"
    r"|feared|known|thought|to)\s+){{0,4}}"
    r"{words}\b"
)
_DEATH_BEFORE_GRAMMAR = r"\b{words}\s+(?:\w+\s+){{0,2}}$"
_PLURAL_NEXT_RE = re.compile(r"\s+(?:[a-z]+s|people|children|men|women)\b(?!\s+(?:of|to)\b)")
_WORD_AHEAD_RE = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")


@dataclass(frozen=True)
class UnitWords:
    """The project's Units made ready for matching; built once per Units record (`unit_words`)."""

    noun_units: dict[str, str]  # one-word nouns, counted or money: "vessel" -> "boats"
    phrases: tuple[tuple[re.Pattern[str], str], ...]  # "small boats" -> "boats", longest first
    any_phrase: re.Pattern[str]  # one pass saying whether any phrase follows, before trying each
    skipped: frozenset[str]
    not_units: frozenset[str]
    death_words: frozenset[str]  # one-word death words: "died", "drowned"
    death_after: re.Pattern[str]
    death_before: re.Pattern[str]
    people_context: re.Pattern[str]


def alternation(words: Iterable[str], flexible_spaces: bool = False) -> str:
    """A regex group matching any of `words` literally; "(?!)", which never matches, when none.

    With `flexible_spaces`, a space inside a phrase matches any run of whitespace.
    """
    escaped = [re.escape(word) for word in words]
    if flexible_spaces:
        escaped = [phrase.replace(r"\ ", r"\s+") for phrase in escaped]
    return "(?:" + "|".join(escaped) + ")" if escaped else "(?!)"


@identity_cache
def unit_words(units: Units) -> UnitWords:
    """Lookups and regular expressions for `units`, remembered for the last Units record seen."""
    nouns = [*units.counted, *units.money]
    phrases = _first_unit_of_each([(noun, unit) for noun, unit in nouns if " " in noun])
    ordered = sorted(phrases, key=len, reverse=True)
    singles = {noun for noun in units.deaths_after if " " not in noun}
    return UnitWords(
        noun_units=_first_unit_of_each([(noun, unit) for noun, unit in nouns if " " not in noun]),
        phrases=tuple(
            (re.compile(rf"\s+(?:\w+\s+)?{re.escape(p)}\b", re.IGNORECASE), phrases[p]) for p in ordered
        ),
        any_phrase=re.compile(rf"\s+(?:\w+\s+)?{alternation(ordered)}\b", re.IGNORECASE),
        skipped=QUANTITY_WORDS | frozenset(units.skipped_adjectives),
        not_units=NOT_UNIT_WORDS | frozenset(units.not_counted),
        death_words=frozenset(singles),
        death_after=_death_re(_DEATH_AFTER_GRAMMAR, units.deaths_after),
        death_before=_death_re(_DEATH_BEFORE_GRAMMAR, units.deaths_before),
        people_context=re.compile(rf"\b{alternation(units.people_story_words)}\b", re.IGNORECASE),
    )


def _first_unit_of_each(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """noun -> unit from (noun, unit) pairs; a noun listed twice keeps its first unit."""
    found: dict[str, str] = {}
    for noun, unit in pairs:
        found.setdefault(noun, unit)
    return found


def _death_re(grammar: str, words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(grammar.format(words=alternation(words, flexible_spaces=True)), re.IGNORECASE)


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
    if not match or match.group(0).strip().lower() in ARTICLES:
        return start
    return window_start + match.start()


def ends_with_word_and_space(before: str, also: str = "") -> bool:
    """True when `before` ends in whitespace after a letter (or a character in `also`)."""
    stripped = before.rstrip()
    return len(stripped) < len(before) and bool(stripped) and (stripped[-1].isalpha() or stripped[-1] in also)


def normalise_unit(word: str, units: Units) -> str:
    """The unit name for a counted noun in `units`: "person" -> "people", "vessel" -> "boats"."""
    return _unit_of(word, unit_words(units))


def _unit_of(word: str, words: UnitWords) -> str:
    lowered = word.lower().strip("'’-")
    return words.noun_units.get(lowered, lowered)


def read_unit(text: str, end: int, units: Units) -> UnitReading:
    """The counted noun after offset `end`, skipping adjectives ("small", "more"), read with `units`."""
    tail = text[end : end + 80]
    multiple = re.match(r"\s+times\b|-?fold\b", tail, re.IGNORECASE)
    if multiple:
        return UnitReading("times", end + multiple.end())
    words = unit_words(units)
    for pattern, unit in words.phrases if words.any_phrase.match(tail) else ():
        match = pattern.match(tail)
        if match:
            return UnitReading(unit, end + match.end())
    return _noun_after(text, end, words)


def _noun_after(text: str, end: int, words: UnitWords) -> UnitReading:
    """The first noun-like word after `end`; a capitalised one ("Albanians") if nothing follows it."""
    position, capital = end, None
    for _ in range(3):
        match = _WORD_AHEAD_RE.match(text, position)
        if not match:
            break
        word, lowered = match.group(1), match.group(1).lower()
        if (
            lowered in words.skipped
            or (word[0].isupper() and lowered not in words.not_units)
            or (lowered.endswith(("ed", "ing")) and _PLURAL_NEXT_RE.match(text, match.end()))
        ):
            capital = word if word[0].isupper() else capital
            position = match.end()
            continue
        if lowered in words.death_words:
            return UnitReading("deaths", position if capital else end)
        if _is_noun(lowered, words, after_capital=capital is not None):
            return UnitReading(_unit_of(word, words), match.end())
        break
    if capital:
        return UnitReading(capital.strip("'’-"), position)
    return UnitReading(None, end)


def _is_noun(lowered: str, words: UnitWords, after_capital: bool) -> bool:
    if lowered in words.not_units or lowered.endswith(("ed", "ing", "ly")):
        return False
    return not after_capital or lowered.endswith("s") or lowered in words.noun_units


def names_a_milestone(text: str, end: int, units: Units) -> bool:
    """True when the word after offset `end` is one of the `not_counted` nouns of `units`
    ("the 5,000 mark"): the number names a milestone, it is not a bare repeat of a count."""
    match = _WORD_AHEAD_RE.match(text, end)
    return bool(match) and match.group(1).lower() in units.not_counted


def is_death_count(text: str, start: int, unit_end: int, units: Units) -> bool:
    """True when the number counts deaths, by the death words of `units`: "27 people died",
    "the deaths of 27 people"."""
    words = unit_words(units)
    if words.death_after.match(text[unit_end : unit_end + 60]):
        return True
    return bool(words.death_before.search(text[max(0, start - 40) : start]))


def fallback_unit(text: str, units: Units) -> str:
    """Unit for a bare number ("the total rose to 5,025."): "people" when `text` uses one of the
    people story words of `units` (a crossings story), else "count"."""
    return "people" if unit_words(units).people_context.search(text) else "count"


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
