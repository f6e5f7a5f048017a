"""The paragraph builder: quotations, figures and the paragraph's number marked in the text."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.models import Figure, Paragraph, Quote
from generator.pages.marks import marked_paragraph
from generator.pages.views import person_slug

pytestmark = pytest.mark.fast

EXTENSIONS = ["abbr", "admonition", "attr_list", "tables", "toc", "pymdownx.details"]


def render(
    text: str, quotes=(), figures=(), pages=frozenset(), number: int = 3, extra: str = ""
) -> BeautifulSoup:
    """The paragraph as the site renders it (its anchor line after it), parsed; `extra` is appended."""
    line = marked_paragraph(Paragraph(number, 1, text), quotes, figures, pages)
    html = markdown.Markdown(extensions=EXTENSIONS).convert(f"{line}\n{{: #p{number} }}\n{extra}")
    return BeautifulSoup(html, "html.parser")


def quote(text: str, speaker: str = "Helen Marsh") -> Quote:
    return Quote(speaker=speaker, role=None, text=text, paragraph=3)


def figure(text: str) -> Figure:
    return Figure(value=1, unit="people", text=text, paragraph=3)


def text_of(soup: BeautifulSoup) -> str:
    """The paragraph's text as read without the speaker and permalink additions."""
    p = soup.find("p")
    for extra in p.select(".sp, .pn"):
        extra.decompose()
    return p.get_text()


def test_a_quotation_is_marked_at_its_place_with_its_speaker() -> None:
    text = 'She said: "We will act now," and left.'
    soup = render(text, [quote("We will act now,")])
    q = soup.select_one("p#p3 q.q")
    assert q.get_text() == "We will act now,"
    assert q.next_sibling["class"] == ["sp"] and q.next_sibling.get_text() == "Helen Marsh"
    assert q.next_sibling["tabindex"] == "0"  # focusable without a page to link to
    assert text_of(soup) == text + " "


def test_the_speaker_links_to_their_page_when_it_exists() -> None:
    soup = render(
        '"We will act now," she said.', [quote("We will act now,")], pages={"people/helen-marsh.md"}
    )
    link = soup.select_one(".sp a")
    assert link["href"] == "../people/helen-marsh.md" and link.get_text() == "Helen Marsh"


def test_figures_are_marked_and_the_paragraph_number_is_a_permalink() -> None:
    soup = render(
        "In 2023 some 5,400 people crossed; 5,400 people is a record.", figures=[figure("5,400 people")] * 2
    )
    assert [s.get_text() for s in soup.select("span.fg")] == ["5,400 people", "5,400 people"]
    permalink = soup.select_one("p#p3 a.pn")
    assert permalink["href"] == "#p3" and permalink.get_text() == "¶ 3"


def test_a_figure_is_found_as_whole_words_first() -> None:
    soup = render("Of 15 boats, 5 were stopped.", figures=[figure("5")])
    assert str(soup.select_one("span.fg").previous_sibling).endswith("boats, ")


def test_a_figure_inside_a_quotation_nests() -> None:
    text = '"More than 300 people came," he said.'
    soup = render(text, [quote("More than 300 people came,")], [figure("300 people")])
    assert soup.select_one("q.q span.fg").get_text() == "300 people"
    assert text_of(soup) == text + " "


def test_overlapping_marks_are_split_and_still_nest() -> None:
    text = "He said the total of 5,400 people was too high, officials said."
    soup = render(text, [quote("5,400 people was too high")], [figure("total of 5,400")])
    assert "".join(s.get_text() for s in soup.select("q.q")) == "5,400 people was too high"
    assert "".join(s.get_text() for s in soup.select("span.fg")) == "total of 5,400"
    assert len(soup.select(".sp")) == 1
    assert text_of(soup) == text + " "


def test_adjacent_marks_keep_their_text_and_spaces() -> None:
    text = "Crossings: 318 45 boats"
    soup = render(text, figures=[figure("318"), figure("45 boats"), figure("Crossings:")])
    assert [s.get_text() for s in soup.select("span.fg")] == ["Crossings:", "318", "45 boats"]
    assert text_of(soup) == text + " "


def test_a_quotation_whose_text_repeats_takes_the_next_occurrence() -> None:
    text = '"No," he said. "No," she said.'
    soup = render(text, [quote("No,", "A"), quote("No,", "B")])
    assert [s.get_text() for s in soup.select(".sp")] == ["A", "B"]


def test_glossary_abbreviations_work_inside_marks() -> None:
    text = '"Border Force stopped 40 boats," he said.'
    soup = render(
        text,
        [quote("Border Force stopped 40 boats,")],
        [figure("40 boats")],
        extra="\n*[Border Force]: UK border agency\n",
    )
    abbr = soup.select_one("q.q abbr")
    assert abbr.get_text() == "Border Force" and abbr["title"] == "UK border agency"


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "{: onclick=alert(3) }",
    "[x](javascript:alert(4))",
    "*[Border]: <b onmouseover=alert(5)>",
    "`code` **bold** <!-- c --> &lt; &amp;",
]


@pytest.mark.parametrize("linked", [False, True], ids=["named", "linked"])
@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_stays_text_in_and_around_marks(payload: str, linked: bool) -> None:
    text = f'Before {payload} "said {payload} 12 people" after {payload}'
    speaker = f"Evil {payload}"
    pages = {f"people/{person_slug(speaker)}.md"} if linked else set()
    soup = render(text, [quote(f"said {payload} 12 people", speaker)], [figure("12 people")], pages=pages)
    p = soup.find("p")
    assert {e.name for e in p.find_all(True)} <= {"q", "span", "a"}
    for element in p.find_all(True):
        assert set(element.attrs) <= {"class", "href", "tabindex"}, element
        assert not element.get("href", "#").startswith("javascript"), element
    assert soup.select_one(".sp").get_text() == " ".join(speaker.split())
    assert bool(soup.select_one(".sp a")) == linked
    assert text_of(soup) == " ".join(text.split()) + " "
    assert p["id"] == "p3" and soup.find_all("p") == [p]


def test_hostile_speaker_with_a_page_is_a_plain_link() -> None:
    speaker = '"><script>alert(1)</script>'
    soup = render(
        '"Go home now," he said.', [quote("Go home now,", speaker)], pages={"people/script-alert-1-script.md"}
    )
    link = soup.select_one(".sp a")
    assert link.get_text() == speaker and not soup.find("script")
