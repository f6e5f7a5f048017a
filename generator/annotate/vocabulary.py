"""Closed word classes of English news prose that the name and quote rules lean on.

These are grammar, not knowledge about the world: honorifics, the head nouns of
job titles and of institutional names, speech verbs, determiners, weekdays and months.
Facts about particular people, organisations, parties and places live in
content/entities.yaml, and newspapers' names in content/outlets.yaml;
`non_person_words` joins the words they give to the grammar here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from generator.models import Knowledge

Result = TypeVar("Result")

HONORIFICS = frozenset(
    "Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Baroness Baron Professor Prof Rev Cllr".split()
)
MALE_HONORIFICS = frozenset({"Mr", "Sir", "Lord", "Baron"})
FEMALE_HONORIFICS = frozenset({"Mrs", "Ms", "Miss", "Dame", "Lady", "Baroness"})

# Head nouns of a job title: a premodifier or appositive holding one is a role.
TITLE_HEADS = frozenset(
    """minister secretary president chancellor admiral general commissioner mp leader chief
    director head chair chairman chairwoman commander ambassador mayor inspector
    spokesman spokeswoman spokesperson officer executive governor king queen prince senator
    judge premier attorney solicitor councillor captain colonel founder campaigner
    lawyer researcher professor economist analyst correspondent editor whip speaker
    peer deputy lieutenant superintendent constable manager coordinator""".split()
)

# Lower-case or capitalised words that can sit inside a job title before a name.
ROLE_WORDS = TITLE_HEADS | frozenset(
    """former shadow cabinet junior senior interior home foreign transport immigration border
    security justice defence culture prime state deputy acting interim then current
    labour conservative tory reform green independent french british italian german belgian
    eu european un uk rear vice of the for migration asylum policing legal illegal""".split()
)

# Capitalised words that show a run names no person, and are grammar rather than knowledge: the
# head nouns institutional and geographic names end in ("Home Office", "Refugee Council",
# "United Kingdom", "North Sea"), the words many outlets' and programmes' titles share ("Sky
# News", "Financial Times", "Washington Post", "BBC Radio", "Daily"), and weekday and month names.
# The names of particular places and newspapers come from content/ (`non_person_words`).
NAME_HEADS = frozenset(
    """Office Street Force Council Ministry Party Government Agency Court Commission Union
    Bill Act Convention Command Organisation Summit Treaty Agreement
    Service Services Police Coastguard Department Committee Parliament Commons Lords
    Action Trust Foundation Institute University College Group Kingdom States Republic
    Sea Ocean Island Islands Road Airport Port Harbour Centre Center Hotel Hub
    News Times Post Daily Breakfast Radio Podcasts
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December""".split()
)

# The capitalised head nouns that end the name of a body that can speak ("Fire Brigades Union").
BODY_HEADS = frozenset(
    """Office Street Force Council Ministry Party Government Agency Court Commission Union
    Service Police Coastguard Department Committee Action Trust Foundation Institute
    Tribunal Embassy Observatory Watch Network Alliance Association Federation""".split()
)

# Sentence openers and other capitalised words that never start a person's name.
NOT_NAME_STARTS = frozenset(
    """The A An And But Or However Although Meanwhile Yesterday Today Tomorrow Earlier Later
    In On At By For From With Without Under Over After Before Since During Asked Pressed
    Speaking Taking Unlike According Some Many Most Other Others This That These Those It
    He She They We You I There Here When While Where If As Last Next Former Read Follow""".split()
)

ARTICLES = frozenset({"the", "a", "an"})
DETERMINERS = ARTICLES | frozenset("one another some this that these those".split())
# Currency symbols as news copy writes them, and the ISO code each stands for.
CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "US$": "USD", "€": "EUR", "A$": "AUD", "C$": "CAD"}

# Verbs that attribute speech (and near-speech) in news copy, in their usual forms.
SPEECH_VERBS = frozenset(
    """said says say told tells tell telling saying added adds adding claimed claims claiming
    admitted admits insisted insists warned warns explained explains stated states argued
    argues revealed reveals declared declares suggested suggests described describes urged
    urges blasted blasts accused accuses noted notes wrote writes confirmed confirms
    continued continues stressed stresses replied replies responded responds acknowledged
    acknowledges conceded concedes branded brands vowed vows pledged pledges promised promises
    announced announces commented comments remarked asserted maintained maintains questioned
    denied denies demanded demands agreed agrees called calls believe believes believed
    think thinks thought hit slammed slams fumed tweeted posted recalled recalls reckoned
    predicted predicts cautioned complained complains boasted joked mused pointed
    hailed hails hailing emphasised emphasises emphasising ruled rules found finds concluded""".split()
)

# Words allowed between a speaker and the speech verb: "has also previously said".
VERB_FILLERS = frozenset(
    """has have had was is were are also later previously reportedly then today yesterday
    been once again further earlier recently repeatedly separately last night this morning week
    on monday tuesday wednesday thursday friday saturday sunday would will could""".split()
)

PRONOUNS = {"he": "male", "she": "female", "it": "thing", "they": "group"}

SOURCE_NOUNS = frozenset({"source", "sources", "insider", "insiders"})
SPOKESPERSON_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons"})

# Lower-case head nouns that make a noun phrase an organisation ("the French coastguard").
ORGANISATION_HEADS = frozenset(
    """ministry office department government council coastguard agency force police commission
    charity union party court tribunal embassy prefecture authorities service services
    committee watchdog regulator""".split()
)

WORD = re.compile(r"[^\W\d_][\w'’\-]*")
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")


def strip_possessive(token: str) -> str:
    """'Elphicke's' -> 'Elphicke'; 'Jones’' -> 'Jones'."""
    for ending in POSSESSIVE_ENDINGS:
        if token.endswith(ending) and len(token) > len(ending) + 1:
            return token[: -len(ending)]
    return token


def is_capitalised(token: str) -> bool:
    """A token that starts with an upper-case letter."""
    return bool(token) and token[0].isupper()


def matches_not_after(pattern: re.Pattern[str], glued: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches `(?<!G)pattern` would find in `text`, `glued` being `G` (one character).

    Python's `re` cannot skip ahead to a pattern that opens with a look-behind: it tries the
    pattern at every position. Without it, an alternation of names lets `re` jump from one
    first letter to the next, and a candidate glued to the word before is skipped here.
    `pattern` must never match the empty string.
    """
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if start and glued.match(text, start - 1):
            position = start + 1
            continue
        yield match
        position = match.end()


def identity_cache(build: Callable[[Any], Result]) -> Callable[[Any], Result]:
    """Remember the result for the last argument object (by identity, not by hash).

    Knowledge tuples are large and hashing them on every call costs more than the
    lookups they speed up; one article run passes the same tuple object throughout.
    """
    last: list[Any] = [None, None]

    def cached(argument: Any) -> Result:
        if last[0] is not argument:
            last[0], last[1] = argument, build(argument)
        return last[1]

    cached.__doc__ = build.__doc__
    return cached


@identity_cache
def non_person_words(knowledge: Knowledge) -> frozenset[str]:
    """The capitalised words a run of them holding one names no person: `NAME_HEADS`, and the
    one-word names and aliases ("the" aside) of places in content/entities.yaml ("France",
    "the Channel") and of outlets in content/outlets.yaml ("The Guardian", "Mirror")."""
    places = [(e.name, *e.aliases) for e in knowledge.entities if e.kind == "place"]
    outlets = [(o.name, *o.aliases) for o in knowledge.outlets]
    names = [name for names in places + outlets for name in names]
    return NAME_HEADS | frozenset(word for word in map(_one_word_name, names) if word)


def _one_word_name(name: str) -> str | None:
    """'the Channel' -> 'Channel', 'Calais' -> 'Calais'; a name of several words -> None."""
    words = name.split()
    if len(words) == 2 and words[0] in ("the", "The"):
        words = words[1:]
    return words[0] if len(words) == 1 and is_capitalised(words[0]) else None


def without_leading(words: list[str], dropped: frozenset[str] = ARTICLES) -> list[str]:
    """`words` without the leading ones in `dropped` (compared in lower case): "The Home Office" -> "Home Office"."""
    start = 0
    while start < len(words) and words[start].lower() in dropped:
        start += 1
    return words[start:]


def currency_symbol(code: str) -> str | None:
    """The shortest symbol written for a currency code: "GBP" -> "£", "USD" -> "$"; None if there is none."""
    symbols = [symbol for symbol, named in CURRENCY_SYMBOLS.items() if named == code]
    return min(symbols, key=len) if symbols else None
