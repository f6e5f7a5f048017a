"""Attribution phrases: a speech verb and the noun phrase that does the speaking.

Reads the masked text of a sentence (quoted words hidden) and finds each speech
verb with its speaker phrase, in the orders news copy uses: "Ms Greenwood said:",
"said Tony Smith", "Enver Solomon, the chief executive of the Refugee Council,
said:", "a Home Office source told the Financial Times", "he added", "French
President Emmanuel Macron reportedly telling ...".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from generator.annotate.quotes.marks import MASK
from generator.annotate.vocabulary import (
    DETERMINERS,
    NOT_NAME_STARTS,
    ORGANISATION_HEADS,
    PRONOUNS,
    ROLE_WORDS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    SPOKESPERSON_NOUNS,
    TITLE_HEADS,
    VERB_FILLERS,
    WORD,
    is_capitalised,
)

NOUN_PHRASE_WORDS = (
    DETERMINERS
    | ROLE_WORDS
    | SOURCE_NOUNS
    | SPOKESPERSON_NOUNS
    | ORGANISATION_HEADS
    | frozenset(PRONOUNS)
    | frozenset({"of", "for", "close", "to", "government", "officials", "official"})
)
ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+")
TOKEN = re.compile(r"[^\W_][\w'’\-]*")
CUE_STOP = re.compile(r"[:,.;“”\"!?]")
LAST_WORD = re.compile(r"(\w+)\s*$")
LOOK_BACK = 80  # characters searched for the word before a speech verb
APPOSITIVE_REACH = 400  # characters searched for the comma that opens an appositive
NOT_SUBJECTS = frozenset(
    {"that", "which", "who", "what", "when", "where", "asked", "as", "if", "for", "of", "to", "close"}
)


@dataclass(frozen=True)
class Attribution:
    """A speaker phrase and the cue around it, as offsets into the paragraph."""

    speaker: str  # the noun phrase: "Ms Greenwood", "one source", "he"
    cue_start: int
    cue_end: int
    verb: str


def attributions(text: str, start: int, end: int) -> list[Attribution]:
    """Every speech verb in text[start:end] with the speaker phrase it belongs to."""
    found: list[Attribution] = []
    for match in TOKEN.finditer(text, start, end):
        verb = match.group()
        if verb.lower() not in SPEECH_VERBS or MASK in verb:
            continue
        found_one = _speaker_before(text, start, match) or _speaker_after(text, match, end)
        if found_one is not None:
            found.append(found_one)
    found.extend(_according_to(text, start, end))
    return sorted(found, key=lambda a: (a.cue_start, a.cue_end))


def _speaker_before(text: str, start: int, verb: re.Match[str]) -> Attribution | None:
    cut = _skip_fillers(text, start, verb.start())
    cut = _skip_appositive(text, start, cut)
    phrase_start = _phrase_start(text, start, cut)
    if phrase_start is None:
        return None
    phrase = text[phrase_start:cut].strip()
    if not phrase or phrase.split()[0].lower() in NOT_SUBJECTS:
        return None
    if phrase.split()[-1].lower() in ("of", "for", "to", "the", "a", "an"):
        return None
    cue_end = _cue_end(text, verb.end())
    return Attribution(phrase, phrase_start, cue_end, verb.group())


def _speaker_after(text: str, verb: re.Match[str], end: int) -> Attribution | None:
    """Verb-first order: `," said Tony Smith.` / `said one source` (never "saying X")."""
    if verb.group().endswith("ing"):
        return None
    before = text[max(0, verb.start() - 4) : verb.start()]
    if before.strip(" ,") and not before.rstrip().endswith(("”", '"', "’", "'", MASK, ",")):
        return None
    words = _noun_phrase_after(text, verb.end(), end)
    if not words:
        return None
    return Attribution(text[words[0].start() : words[-1].end()], verb.start(), words[-1].end(), verb.group())


def _according_to(text: str, start: int, end: int) -> list[Attribution]:
    """ "according to the Home Office": the noun phrase after it is the speaker."""
    found = []
    for match in ACCORDING_TO.finditer(text, start, end):
        words = _noun_phrase_after(text, match.end(), end)
        if words:
            phrase = text[words[0].start() : words[-1].end()]
            found.append(Attribution(phrase, match.start(), words[-1].end(), "according to"))
    return found


def _noun_phrase_after(text: str, begin: int, end: int) -> list[re.Match[str]]:
    """The noun-phrase words right after `begin` (within 80 characters), with only spaces between them."""
    words: list[re.Match[str]] = []
    for word in TOKEN.finditer(text, begin, min(end, begin + 80)):
        gap = text[(words[-1].end() if words else begin) : word.start()]
        if gap.strip() or not _noun_phrase_word(word.group()):
            break
        words.append(word)
    return words


def _skip_fillers(text: str, start: int, cut: int) -> int:
    """Move left over "has", "also", "reportedly", "on Wednesday" before a verb."""
    while True:
        window = max(start, cut - LOOK_BACK)  # the word before the verb, not the whole sentence
        match = LAST_WORD.search(text, window, cut)
        if match is None:
            return cut
        word = match.group(1).lower()
        if word in VERB_FILLERS or (word.endswith("ly") and len(word) > 4):
            cut = match.start()
            continue
        return cut


def _skip_appositive(text: str, start: int, cut: int) -> int:
    """`Natalie Elphicke, the town's MP, told` -> cut before the appositive."""
    reach = max(start, cut - APPOSITIVE_REACH)  # an appositive is at most 16 words
    head = text[reach:cut].rstrip()
    if not head.endswith(","):
        return cut
    head = head[:-1]
    comma = head.rfind(",")
    if comma < 0:
        return reach + len(head)
    words = [w.lower() for w in WORD.findall(head[comma:])]
    is_role = bool(words) and (
        words[0] in ("the", "a", "an", "former", "who") or any(w in TITLE_HEADS for w in words)
    )
    if is_role and reach + comma > start and len(words) <= 16:
        return reach + comma
    return reach + len(head)


def _phrase_start(text: str, start: int, cut: int) -> int | None:
    """Walk left from `cut` over noun-phrase words; None if there are none."""
    tokens = list(TOKEN.finditer(text, max(start, cut - 120), cut))
    phrase_start = None
    boundary = cut
    for token in reversed(tokens):
        word = token.group()
        if text[token.end() : boundary].strip() or not _noun_phrase_word(word):
            break
        phrase_start = token.start()
        boundary = token.start()
        if word.lower() in PRONOUNS:
            break
        if word.lower() in DETERMINERS and not _inside_phrase(text, start, token.start()):
            break
    return phrase_start


def _inside_phrase(text: str, start: int, position: int) -> bool:
    """A determiner after "of"/"for" ("head of the Border Force") does not begin the phrase, nor
    "the" between capitalised words of one name ("Doctors of the World", "Save the Children")."""
    previous = re.search(r"(\w+)\s+$", text[max(start, position - 40) : position])
    if previous is None:
        return False
    word = previous.group(1)
    if word.lower() in ("of", "for"):
        return True
    following = TOKEN.match(text, position + 4) if text[position : position + 4].lower() == "the " else None
    return (
        is_capitalised(word)
        and word not in NOT_NAME_STARTS
        and following is not None
        and is_capitalised(following.group())
    )


def _noun_phrase_word(word: str) -> bool:
    if MASK in word:
        return False
    lowered = word.lower()
    if lowered in SPEECH_VERBS:
        return False
    return (
        is_capitalised(word) or word.isdigit() or lowered in NOUN_PHRASE_WORDS or word.endswith(("'s", "’s"))
    )


def _cue_end(text: str, verb_end: int) -> int:
    """The cue runs to the next colon, comma, full stop or quote mark."""
    stops = _cue_stops(text)
    index = bisect_left(stops, verb_end)
    if index == len(stops):
        return len(text)
    return stops[index] + 1 if text[stops[index]] == ":" else stops[index]


@lru_cache(maxsize=8)
def _cue_stops(text: str) -> tuple[int, ...]:
    """Offsets of the marks that end a cue: found once per paragraph, not searched for once per verb."""
    return tuple(match.start() for match in CUE_STOP.finditer(text))
