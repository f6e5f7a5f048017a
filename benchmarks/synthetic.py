"""A synthetic archive of N articles that reads like the real ones, made at run time.

In: the seeds (`seeds/*.txt`, labelled in `tests/gold/`) and, when present, the development set
(`../shared/dev/articles`, labelled in `../shared/dev/gold`; elsewhere: `--dev` or $BENCH_DEV), read only. Out: a project folder
(mkdocs.yml, content/, generator/ copied; the hand-written sidecars left out) holding N seed files
and, for most of them, a sidecar.

Each article is recombined from runs of consecutive lines (prose, quotations) of several source
texts, with page-junk lines (those the gold labels call boilerplate, captions or bylines) put back
in between. Names of people are swapped, per article, for names drawn from a pool where a few
people recur often and many appear once (so the people pages grow as a real archive's do); numbers
are varied within a factor of two; years and months follow the article's date. Dates are spread
over 2018–2026, outlets over the outlets the labels and content/outlets.yaml name. Nothing is copied
into the repository: the texts exist only in the temporary project. Deterministic for a given N.

Run alone: .venv/bin/python benchmarks/synthetic.py --articles 1000 --out /tmp/archive-1000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("BENCH_DEV") or ROOT.parent / "shared" / "dev")
YEARS = range(2018, 2027)
MONTHS = ("January February March April May June July August September October November December").split()
FIRST = (
    "Aisha Alan Amara Andrew Anna Ben Bernard Camille Catherine Chloe Claire Daniel David Dominique "
    "Eleanor Emma Fatima Florence Gareth George Hannah Helen Imran Isabelle Jack James Jean Julien "
    "Karen Kemi Laura Leila Louise Marc Margaret Mark Martin Nadia Nathalie Neil Nicola Olivia Omar "
    "Patrick Paul Philippe Rachel Rebecca Richard Robert Ruth Samir Sarah Simon Sophie Stephen Thomas "
    "Victoria William Yasmin"
).split()
LAST = (
    "Abbott Ahmed Ainsworth Bailey Barnes Beaumont Bennett Blackwood Bouchard Bradley Brennan Carter "
    "Chaudhry Clarke Colville Dalton Dubois Duncan Ellison Fairbairn Fenwick Fletcher Fontaine Garnier "
    "Gibson Hallam Harding Hartley Haywood Holloway Hussain Iqbal Jennings Kavanagh Kendall Lambert "
    "Leclerc Lindqvist Lowther Malik Marchand Mercer Moreau Nash Norris Okafor Oyelaran Pearce Pemberton "
    "Perrin Quayle Radcliffe Rahman Renaud Rigby Rousseau Sadler Sheridan Sinclair Stafford Thornton "
    "Varga Vickers Wainwright Webster Whitfield Winslow Yates"
).split()
RECURRING = 250  # people who recur across the archive, most often the first
FRESH_SHARE = 0.35  # of the names in an article, the share that is someone new
KEEP_LISTED_SHARE = 0.3  # of the people entities.yaml lists, the share left as they are
SIDECAR_SHARE = 0.9  # the rest are published with what the generator infers
HONORIFIC = r"(?:Mr|Ms|Mrs|Miss|Dr|Sir|Lord|Lady|Dame)\.?"
_NUMBER = re.compile(r"(?<![\w.,:£$€])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w:])")
_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
_QUOTE_MARK = re.compile(r"[“”\"]")
_NOT_A_SURNAME = {"May", "Major", "Rwanda", "France", "Smart", "Barnier", "Home", "Young"}


@dataclass
class Source:
    """One labelled source text: its lines, which of them are junk, its headline."""

    lines: list[str]
    junk: set[str]
    headline: str | None


@dataclass
class Corpus:
    """What the archive is recombined from."""

    sources: list[Source]
    names: list[str]  # full names of people in the sources, longest first
    listed: set[str]  # the names entities.yaml lists as people
    outlets: list[str]
    junk: list[str] = field(default_factory=list)


def read_corpus(root: Path = ROOT, dev: Path = DEV) -> Corpus:
    """The seeds and, if present, the development set, with their labels."""
    pairs = [(p, root / "tests" / "gold" / f"{p.stem}.yaml") for p in sorted((root / "seeds").glob("*.txt"))]
    if (dev / "articles").is_dir():
        pairs += [(p, dev / "gold" / f"{p.stem}.yaml") for p in sorted((dev / "articles").glob("*.txt"))]
    sources, names, outlets = [], set(), set()
    for text_path, gold_path in pairs:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
        junk = {
            " ".join(str(x).split())
            for key in ("boilerplate", "captions", "metadata_lines")
            for x in gold.get(key) or []
        }
        headline = gold.get("headline") or gold.get("title_suggestion")
        lines = [" ".join(line.split()) for line in text_path.read_text(encoding="utf-8").splitlines()]
        sources.append(Source([line for line in lines if line], junk, headline))
        for person in [*(gold.get("quotes") or []), *(gold.get("people") or [])]:
            names.add(str(person.get("speaker") or person.get("name") or ""))
        outlet = gold.get("outlet") or (gold.get("outlet_guess") or {}).get("value") or ""
        outlets.add(re.split(r" \(|, via | copy", str(outlet))[0].strip())
    entities = yaml.safe_load((root / "content" / "entities.yaml").read_text(encoding="utf-8"))
    listed = {e["name"] for e in entities if e.get("kind") == "person"}
    outlet_file = yaml.safe_load((root / "content" / "outlets.yaml").read_text(encoding="utf-8"))
    outlets |= {o["name"] for o in outlet_file}
    people = sorted({n for n in names | listed if _is_full_name(n)}, key=lambda n: (-len(n), n))
    junk = sorted({line for s in sources for line in s.lines if line in s.junk})
    return Corpus(sources, people, listed, sorted(o for o in outlets if o), junk)


def _is_full_name(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)


@dataclass(frozen=True)
class Planned:
    """One synthetic article: its seed file, its page's slug and its text."""

    seed: str
    slug: str
    text: str
    sidecar: str | None


class Archive:
    """Makes the articles of one archive, one after another, from a seeded random generator."""

    def __init__(self, corpus: Corpus, seed: int) -> None:
        self.corpus, self.rng = corpus, random.Random(seed)
        pool = [f"{f} {last}" for f in FIRST for last in LAST]
        self.rng.shuffle(pool)
        self.recurring, self.fresh = pool[:RECURRING], pool[RECURRING:]
        self.weights = [1 / (rank + 1) ** 0.9 for rank in range(RECURRING)]
        names = "|".join(re.escape(n) for n in corpus.names)
        surnames = sorted({n.split()[-1] for n in corpus.names} - _NOT_A_SURNAME, key=lambda s: (-len(s), s))
        self.name_pattern = re.compile(
            rf"\b(?:(?P<full>{names})|(?P<hon>{HONORIFIC}) (?P<sur>{'|'.join(surnames)})|(?P<bare>{'|'.join(surnames)}))\b"
        )

    def article(self, number: int) -> Planned:
        """The number-th article: a date, an outlet, lines from several sources, names and numbers varied."""
        rng = self.rng
        year, month, day = rng.choice(YEARS), rng.randrange(1, 13), rng.randrange(1, 29)
        cast: dict[str, str] = {}
        primary = rng.choice(self.corpus.sources)
        lines = self._lines(primary)
        text_lines = [self._vary(line, cast, year, month) for line in lines]
        joiner = "\n" if rng.random() < 0.6 else "\n\n"
        text = joiner.join(text_lines) + "\n"
        seed = f"{number:05d}_{rng.getrandbits(64):016x}.txt"
        headline = self._vary(primary.headline or lines[0], cast, year, month)
        title = _cut(headline, 80)
        slug = f"{_slug(title)[:60].strip('-')}-{year}-{number:05d}"
        if rng.random() >= SIDECAR_SHARE:
            return Planned(seed, _slug(seed.removesuffix(".txt")), text, None)  # as default_slug makes it
        published = f"{year}-{month:02d}-{day:02d}" if rng.random() < 0.8 else f"{year}-{month:02d}"
        summary = _cut(next((t for t in text_lines if len(t.split()) > 8), text_lines[0]), 300)
        sidecar = "\n".join(
            [
                "---",
                f"seed: {seed}",
                f"title: {json.dumps(title, ensure_ascii=False)}",
                f"outlet: {json.dumps(rng.choice(self.corpus.outlets), ensure_ascii=False)}",
                f"published: {published}",
                "basis: A synthetic article made by benchmarks/synthetic.py.",
                "---",
                summary,
                "",
            ]
        )
        return Planned(seed, slug, text, sidecar)

    def _lines(self, primary: Source) -> list[str]:
        """A standfirst from the primary source, then runs of its lines and of other sources', with junk between."""
        rng, sources = self.rng, self.corpus.sources
        prose = [line for line in primary.lines if line not in primary.junk]
        lines, used = [prose[0]], {prose[0]}
        for _ in range(200):
            if len(lines) >= rng.randint(10, 28):
                break
            source = primary if rng.random() < 0.55 else rng.choice(sources)
            body = [line for line in source.lines if line not in source.junk]
            start = rng.randrange(len(body))
            run = [line for line in body[start : start + rng.randint(1, 4)] if line not in used]
            lines += run
            used.update(run)
            if self.corpus.junk and rng.random() < 0.2:
                lines.append(rng.choice(self.corpus.junk))
        return lines

    def _vary(self, line: str, cast: dict[str, str], year: int, month: int) -> str:
        line = self.name_pattern.sub(lambda m: self._person(m, cast), line)
        line = _NUMBER.sub(lambda m: self._number(m, year), line)
        return _MONTH.sub(lambda m: MONTHS[month - 1] if self.rng.random() < 0.7 else m.group(), line)

    def _person(self, match: re.Match, cast: dict[str, str]) -> str:
        """The stand-in for a name: the same person throughout the article."""
        if match["full"]:
            real = match["full"]
        else:
            surname = match["sur"] or match["bare"]
            real = next((n for n in cast if n.split()[-1] == surname), None)
            if real is None:
                real = next(n for n in self.corpus.names if n.split()[-1] == surname)
        if real not in cast:
            cast[real] = self._someone(real)
        stand_in = cast[real]
        if match["full"]:
            return stand_in
        surname = stand_in.split()[-1]
        return f"{match['hon']} {surname}" if match["hon"] else surname

    def _someone(self, real: str) -> str:
        rng = self.rng
        if real in self.corpus.listed and rng.random() < KEEP_LISTED_SHARE:
            return real
        if rng.random() < FRESH_SHARE:
            return rng.choice(self.fresh)
        return rng.choices(self.recurring, weights=self.weights)[0]

    def _number(self, match: re.Match, year: int) -> str:
        whole, decimals = match.group(1), match.group(2)
        value = int(whole.replace(",", ""))
        if decimals is None and "," not in whole and 1990 <= value <= 2030:
            return str(max(1990, year - self.rng.choice((0, 0, 0, 1, 2, 5))))
        if value < 11 or decimals is not None:
            return match.group()
        varied = max(11, round(value * self.rng.uniform(0.5, 1.6)))
        return f"{varied:,}" if "," in whole else str(varied)


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def _slug(text: str) -> str:
    return (
        re.sub(r"[^a-z0-9]+", "-", text.casefold().encode("ascii", "ignore").decode()).strip("-") or "article"
    )


def make_project(folder: Path, count: int, *, root: Path = ROOT, dev: Path = DEV) -> list[Planned]:
    """Write a project with `count` synthetic articles into `folder`; return what was written.

    Without the development set the archive is recombined from the five seeds alone (and differs)."""
    for name in ("mkdocs.yml", "content", "generator"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, folder / name)
    for sidecar in (folder / "content" / "articles").glob("*.md"):
        sidecar.unlink()
    _drop_events_citing_articles(folder / "content" / "events.yaml")
    (folder / "seeds").mkdir()
    corpus = read_corpus(root, dev)
    if not (dev / "articles").is_dir():
        print(f"note: no development set at {dev}; the archive is made from the seeds alone", file=sys.stderr)
    archive = Archive(corpus, seed=count)
    planned = [archive.article(n) for n in range(count)]
    for one in planned:
        (folder / "seeds" / one.seed).write_text(one.text, encoding="utf-8")
        if one.sidecar is not None:
            (folder / "content" / "articles" / f"{one.slug}.md").write_text(one.sidecar, encoding="utf-8")
    return planned


def _drop_events_citing_articles(path: Path) -> None:
    """The curated events whose source is one of the project's own articles, which the synthetic
    archive does not hold: without them `check` has nothing to refuse."""
    if not path.is_file():
        return
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    data["events"] = [e for e in data.get("events") or [] if "article" not in (e.get("source") or {})]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder")
    parser.add_argument("--dev", type=Path, default=DEV, help=f"the development set (default {DEV})")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    planned = make_project(args.out, args.articles, dev=args.dev)
    print(f"wrote {len(planned)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
