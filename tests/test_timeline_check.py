"""`check` locates every mistake in content/events.yaml and in a sidecar's `overrides: events:`."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_project, run_generator
from generator import build_site

SIDECAR = "content/articles/government-review-channel-crossings-offshoring-2021.md"
SEED = "seeds/000_d65c76bf8f280237.txt"
KNOWN_TOPICS = (
    "crossings-statistics, deaths-at-sea, france-cooperation, legislation, offshoring, returns-deals, "
    "safe-legal-routes, smuggling-gangs"
)
ADDRESS_HINT = (
    "is not a web address a link can carry; write the page's address in full, starting https://, "
    "and percent-encode spaces, quotes and brackets (%20, %22, %28 ...)"
)
BAD_EVENTS = """\
events:
  - date: 2023-02-30
    text: A date that does not exist.
    source: {title: Somewhere, url: "https://example.org/a"}
  - date: 2023-07-20
    text: An address that runs a script.
    source:
      title: Act
      url: javascript:alert(1)
  - date: 2023-07-21
    text: An address that would end the link.
    source:
      title: Act
      url: https://example.org/a")onmouseover=alert(1)
  - date: 2024
    text: No source given.
  - date: 2024-04-25
    text: Both kinds of source.
    source:
      article: returns-deal-after-27-die-in-channel-2021
      url: https://example.org/x
  - date: 2021-11-24
    text: An unknown article and an unknown topic.
    source:
      article: no-such-article
    topics: [deaths-at-sea, no-such-topic]
  - date: 2022-04-28
    text: A good entry among the bad ones.
    source: {title: Act, url: "https://www.legislation.gov.uk/ukpga/2022/36"}
"""


def add_to_sidecar(project: Path, overrides: str) -> None:
    path = project / SIDECAR
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("published: 2021-11\n", "published: 2021-11\n" + overrides, 1), encoding="utf-8"
    )


def test_every_bad_curated_event_is_a_located_error_and_costs_only_itself(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "content/events.yaml").write_text(BAD_EVENTS, encoding="utf-8")
    result = run_generator(project, "check")
    rel = "content/events.yaml"
    assert result.stdout.splitlines() == [
        f"{rel}:2: `2023-02-30` is not a real date: February 2023 has 28 days",
        f"{rel}:9: `javascript:alert(1)` {ADDRESS_HINT}",
        f'{rel}:14: `https://example.org/a")onmouseover=alert(1)` {ADDRESS_HINT}',
        f"{rel}:15: `source:` is missing; add it",
        f"{rel}:19: give the source as `title:` and `url:` (a web page), or as `article:` (an article's slug)",
        f"{rel}:25: `article: no-such-article` names no article; write the slug of its page "
        "(the name of its sidecar in content/articles/ without .md)",
        f"{rel}:26: `topics:` names unknown topic `no-such-topic`; known topics: {KNOWN_TOPICS}",
    ]
    assert result.returncode == 1
    events = build_site(project).index.events
    curated = sorted(e.text for e in events if e.curated)
    assert curated == ["A good entry among the bad ones.", "An unknown article and an unknown topic."]
    assert not any("javascript" in (e.source_url or "") for e in events)


def test_an_event_override_must_drop_or_date(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    add_to_sidecar(
        project,
        "overrides:\n"
        "  events:\n"
        "    - text: Priti Patel signed a £54m deal\n"
        "      drop: true\n"
        "      date: 2021-07\n"
        "    - text: Priti Patel signed a £54m deal\n"
        "      drop: false\n",
    )
    result = run_generator(project, "check")
    message = "give either `drop: true` or `date:` (YYYY, YYYY-MM or YYYY-MM-DD), one of them"
    assert result.stdout.splitlines() == [f"{SIDECAR}:8: {message}", f"{SIDECAR}:11: {message}"]


def test_an_event_override_names_a_dated_sentence_of_the_article(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    add_to_sidecar(
        project,
        "overrides:\n"
        "  events:\n"
        "    - text: Priti Patel signed a £54m deal\n"
        "      date: 2021-07-20\n"
        "    - text: a sentence that is nowhere in the article\n"
        "      drop: true\n"
        "    - text: The proposal would prove controversial\n"
        "      drop: true\n",
    )
    result = run_generator(project, "check")
    assert result.stdout.splitlines() == [
        f'{SIDECAR}:10: event text "a sentence that is nowhere in the article" is not in {SEED}; '
        "copy part of the sentence from it",
        f'{SIDECAR}:12: warning: event text "The proposal would prove controversial" matches no dated '
        "sentence found in the article; copy part of an event's sentence as the timeline shows it",
    ]
    corrected = [e for e in build_site(project).index.events if e.corrected]
    assert [(e.date, e.phrase, e.paragraph) for e in corrected] == [("2021-07-20", "In July", 18)]
