"""Topics: which of the fixed topics an article is about, with the sentences that show it.

The rules are data: each topic file in content/topics/ lists weighted terms (plain
phrases or regular expressions) and a sentence threshold. Every paragraph is split
into sentences, quoted sentences included. A sentence scores the sum of the weights
of the distinct terms it contains; a sentence that reaches the threshold is mainly
about the topic, and one such sentence makes the topic substantive. Weaker matches
that reach half the threshold somewhere make the topic a mention.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Container, Iterator
from dataclasses import dataclass
from functools import lru_cache

from generator.annotate.document import Document
from generator.annotate.sentences import split_sentences
from generator.inputs.patterns import ContributorPattern, PatternError, SearchSet, compile_pattern
from generator.models import Annotations, Evidence, Paragraph, TopicDef, TopicMatch, WeightedTerm

MAX_EVIDENCE = 3
MENTION_SHARE = 0.5  # a mention needs a sentence scoring at least this share of the threshold
MAX_SENTENCE = 600  # longer "sentences" (tables, page junk) are scored in pieces of at most this


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    position: int  # order in the article, for stable ties
    text: str  # exact substring of the paragraph


@dataclass(frozen=True)
class CompiledTerm:
    label: str
    weight: float
    regex: ContributorPattern  # case-insensitive


@dataclass(frozen=True)
class ScoredSentence:
    sentence: Sentence
    score: float


def bounded_pieces(sentence: str, limit: int = MAX_SENTENCE) -> list[str]:
    """A sentence cut at spaces into pieces of at most `limit` characters (hard cuts if it has none).

    No real sentence comes near the limit; the cut keeps a term's regex from
    rescanning a 50 KB run of digits or commas from every position in it.
    """
    pieces = []
    while len(sentence) > limit:
        cut = sentence.rfind(" ", limit // 2, limit + 1)
        cut = cut if cut > 0 else limit
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    pieces.append(sentence)
    return [piece for piece in pieces if piece]


def article_sentences(paragraphs: tuple[Paragraph, ...]) -> list[Sentence]:
    """Every sentence of the cleaned article, in order, tagged with its paragraph number."""
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph.text):
            for text in bounded_pieces(sentence):
                sentences.append(Sentence(paragraph.number, len(sentences), text))
    return sentences


def term_regex(term: WeightedTerm) -> ContributorPattern | None:
    """Compile one term to a case-insensitive pattern; None when it cannot be compiled.

    A phrase matches with any run of spaces or hyphens between its words and either
    apostrophe. A pattern is used as written; a part of it inside `(?-i:...)` is case-sensitive.
    """
    if term.is_pattern:
        source = term.text
    else:
        split = re.split(r"[\s-]+", term.text.strip())
        words = [re.escape(w).replace("'", "['’]") for w in split if w]
        source = r"[\s-]+".join(words)
    if not source:
        return None
    try:
        return compile_pattern(source, ignore_case=True)
    except PatternError:
        return None


@lru_cache(maxsize=64)
def compile_terms(terms: tuple[WeightedTerm, ...]) -> tuple[CompiledTerm, ...]:
    """Compile a topic's terms once; terms that do not compile are skipped."""
    compiled = []
    for term in terms:
        regex = term_regex(term)
        if regex is not None and term.weight:
            compiled.append(CompiledTerm(term.text, term.weight, regex))
    return tuple(compiled)


def whole_word_matches(regex: ContributorPattern, text: str) -> Iterator[int]:
    """Start offsets where `regex` matches with no letter or digit glued to either end.

    A match glued at its start may hide one that starts at a later word inside it
    ("x1,234 boats" holds "234 boats"); the search then resumes at that word.
    """
    data = text.encode()
    return (len(data[:start].decode()) for start in whole_word_starts(regex, data))


def whole_word_starts(regex: ContributorPattern, data: bytes) -> Iterator[int]:
    """`whole_word_matches` in a text encoded to UTF-8, in byte offsets: an article is encoded once
    for all its terms (the engine's wrapper would encode it again for each one)."""
    position = 0
    while position <= len(data):
        resume = None
        for start, end in regex.spans_utf8(data, position):
            if start > 0 and char_before(data, start).isalnum():
                resume = next_word_start(data, start, end)
                if resume is not None:
                    break
            elif start < end and (end == len(data) or not char_at(data, end).isalnum()):
                yield start
        if resume is None:
            return
        position = resume


def next_word_start(data: bytes, start: int, end: int) -> int | None:
    """The first offset after `start` and before `end` that no letter or digit precedes, if any."""
    word = data[start:end].decode()
    for index in range(1, len(word)):
        if not word[index - 1].isalnum():
            return start + len(word[:index].encode())
    return None


def char_before(data: bytes, at: int) -> str:
    """The character that ends at byte `at` of UTF-8 `data` (a character takes at most 4 bytes)."""
    return data[max(0, at - 4) : at].decode("utf-8", "ignore")[-1:]


def char_at(data: bytes, at: int) -> str:
    """The character that starts at byte `at` of UTF-8 `data`."""
    return data[at : at + 4].decode("utf-8", "ignore")[:1]


@dataclass(frozen=True)
class ArticleText:
    """All sentences joined by newlines, with each sentence's offset."""

    sentences: tuple[Sentence, ...]
    text: str
    offsets: tuple[int, ...]
    data: bytes = b""  # `text` encoded to UTF-8
    byte_offsets: tuple[int, ...] = ()  # each sentence's offset in `data`

    @classmethod
    def of(cls, sentences: list[Sentence]) -> ArticleText:
        offsets, position, byte_offsets, byte_position = [], 0, [], 0
        for sentence in sentences:
            offsets.append(position)
            position += len(sentence.text) + 1
            byte_offsets.append(byte_position)
            byte_position += len(sentence.text.encode()) + 1
        text = "\n".join(s.text for s in sentences)
        return cls(tuple(sentences), text, tuple(offsets), text.encode(), tuple(byte_offsets))


@lru_cache(maxsize=8)
def term_set(sources: tuple[str, ...]) -> SearchSet:
    """Every topic's terms in one RE2 set: one scan of an article finds the few worth a full scan."""
    return SearchSet(sources, ignore_case=True)


def sentence_scores(
    article: ArticleText, terms: tuple[CompiledTerm, ...], present: Container[str] | None = None
) -> list[float]:
    """For each sentence, the sum of the weights of the distinct terms found in it.

    `present`, when given, holds the source of every term that may match the article; the rest
    cannot, and are not scanned.
    """
    scores = [0.0] * len(article.sentences)
    for term in terms:
        if present is not None and term.regex.source not in present:
            continue
        hit: set[int] = set()
        for start in whole_word_starts(term.regex, article.data):
            hit.add(bisect_right(article.byte_offsets, start) - 1)
        for index in hit:
            scores[index] += term.weight
    return scores


def match_topic(
    topic: TopicDef, article: ArticleText, present: Container[str] | None = None
) -> TopicMatch | None:
    """Score every sentence for one topic; None when the article does not touch the topic.

    `present`: the sources of the terms that may match the article, if known (`sentence_scores`).
    """
    scores = sentence_scores(article, compile_terms(topic.terms), present)
    scored = [ScoredSentence(s, score) for s, score in zip(article.sentences, scores) if score > 0]
    if not scored:
        return None
    best = sorted(scored, key=lambda s: (-s.score, s.sentence.position))
    threshold = topic.sentence_threshold
    if best[0].score < threshold * MENTION_SHARE:
        return None
    # Every sentence mainly about the topic is evidence (pages show the best few, and gather the
    # quotes and figures of all their paragraphs); a mention keeps its best few for the record.
    strong = [s for s in best if s.score >= threshold] or best[:MAX_EVIDENCE]
    evidence = tuple(Evidence(s.sentence.paragraph, s.sentence.text) for s in strong)
    total = round(sum(s.score for s in scored), 2)
    return TopicMatch(topic.slug, total, evidence, substantive=best[0].score >= threshold)


def topic_order(topic: TopicDef) -> tuple[int, str]:
    """A topic's sort key: its `position:` from content/topics/<slug>.md, then its slug on a tie."""
    return topic.position, topic.slug


def find_topics(paragraphs: tuple[Paragraph, ...], topics: tuple[TopicDef, ...]) -> tuple[TopicMatch, ...]:
    """Paragraphs and topic rules in; one TopicMatch per topic the article touches, in topic order."""
    article = ArticleText.of(article_sentences(paragraphs))
    ordered = sorted(topics, key=topic_order)
    sources = tuple(term.regex.source for topic in ordered for term in compile_terms(topic.terms))
    present = term_set(sources).possible(article.text)
    matches = (match_topic(topic, article, present) for topic in ordered)
    return tuple(match for match in matches if match is not None)


def annotate_topics(document: Document, annotations: Annotations) -> Annotations:
    """Fill `Annotations.topics` from the cleaned paragraphs and the topic rules in content/topics/."""
    topics = find_topics(document.clean.paragraphs, document.knowledge.topics)
    return dataclasses.replace(annotations, topics=topics)
