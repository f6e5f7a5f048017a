"""What a reader does on the page, in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Offline-safe flags: without the networking ones Chromium stalls on a closed network.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert shutil.which(CHROMIUM), "Chromium is missing: `make test` installs it with apt-get"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_search_finds_an_article_then_a_topic_link_leads_to_the_topic(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("return hubs", delay=40)
    results = page.locator(".md-search-result__item a[href*='articles/']")
    expect(results.first).to_be_visible()
    results.first.click()
    page.wait_for_url("**/articles/**")
    topic_link = page.locator("article a[href*='topics/']").first
    topic_name = topic_link.inner_text()
    topic_link.click()
    page.wait_for_url("**/topics/**")
    expect(page.locator("article h1")).to_contain_text(topic_name)


def test_paragraph_link_from_a_topic_lands_on_the_cited_paragraph(page: Page, site_url: str) -> None:
    page.goto(site_url + "/topics/offshoring/")
    evidence = page.locator("article blockquote a[href*='#p']").first
    href = evidence.get_attribute("href")
    evidence.click()
    page.wait_for_url("**/articles/**")
    anchor = href.rsplit("#", 1)[1]
    target = page.locator(f"p#{anchor}")
    expect(target).to_be_visible()
    assert target.evaluate("el => el.matches(':target')")


def test_removed_lines_box_opens(page: Page, site_url: str) -> None:
    page.goto(site_url + "/articles/")
    page.locator("article table a").first.click()
    page.wait_for_url("**/articles/*/")
    box = page.locator("article details").last
    expect(box.locator("table")).to_be_hidden()
    box.locator("summary").click()
    expect(box.locator("table, p").first).to_be_visible()


def test_pages_run_under_their_content_security_policy(page: Page, site_url: str) -> None:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for path in ("/", "/articles/", "/topics/offshoring/", "/glossary/", "/about/", "/quotes/"):
        page.goto(site_url + path)
        expect(page.locator("article h1")).to_be_visible()
    page.locator(".md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Retailleau", delay=40)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert [v for v in violations if "api.github.com" not in v] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_pass_axe_accessibility_checks(browser: Browser, site_url: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = []
    for path in (
        "/",
        "/articles/",
        "/articles/uk-france-one-for-one-returns-pilot-2025/",
        "/topics/offshoring/",
        "/glossary/",
        "/quotes/",
        "/quotes/2025/",
    ):
        page.goto(site_url + path)
        for violation in Axe().run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{path}: {violation['id']} ({len(violation['nodes'])}): {violation['help']}")
    context.close()
    assert problems == []


def test_quotation_filters_narrow_the_list_and_say_how_many(page: Page, site_url: str) -> None:
    """From the quotations index a reader opens the newest year; choosing a speaker, then a topic,
    hides the other quotations and updates the count; the controls are labelled (found by their
    labels) native selects, so a keyboard can use them; a page of one year has no year filter."""
    open_newest_year_of_quotes(page, site_url)
    items = page.locator("article li[data-quote]")
    total = items.count()
    count = page.get_by_role("status")
    expect(count).to_have_text(f"{total} of {total} quotations")
    assert page.get_by_label("Year").count() == 0
    speaker = page.get_by_label("Speaker")
    speaker.select_option(index=1)
    name = speaker.locator("option:checked").inner_text()
    shown = page.locator("article li[data-quote]:visible")
    expect(count).not_to_have_text(f"{total} of {total} quotations")
    assert 0 < shown.count() < total
    expect(count).to_have_text(f"{shown.count()} of {total} quotation" + ("s" if total != 1 else ""))
    assert all(text == name for text in shown.locator(".quote-speaker").all_inner_texts())
    page.get_by_role("button", name="Show all").click()
    expect(count).to_have_text(f"{total} of {total} quotations")
    topic = page.get_by_label("Topic")
    topic.select_option(value="deaths-at-sea")  # in the record, every quoted article is on crossings
    expect(count).not_to_have_text(f"{total} of {total} quotations")
    value = topic.input_value()
    for topics in shown.evaluate_all("items => items.map(i => i.dataset.topics)"):
        assert value in topics.split(" ")


def open_newest_year_of_quotes(page: Page, site_url: str) -> None:
    """Go to the quotations index and follow the link to the newest year's quotations."""
    page.goto(site_url + "/quotes/")
    page.locator("article li a[href]").first.click()
    page.wait_for_url(re.compile(r".*/quotes/\d{4}/$"))


def test_quotation_list_is_grouped_by_topic_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    open_newest_year_of_quotes(page, site_url)
    expect(page.locator("article h2[data-topic]").first).to_be_visible()
    expect(page.locator("article li[data-quote]").first).to_be_visible()
    assert page.locator("article select").count() == 0
    assert (
        page.locator("article h2[data-topic] + ul li[data-quote]").count()
        == page.locator("article li[data-quote]").count()
    )
    context.close()


def test_the_colour_scheme_a_reader_picks_survives_a_reload(page: Page, site_url: str) -> None:
    """The theme's storage and palette scripts (files in generator/theme, not inline) keep working."""
    page.goto(site_url + "/articles/")
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before)
    chosen = body.get_attribute("data-md-color-scheme")
    page.goto(site_url + "/topics/offshoring/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", chosen)


ARTICLE = "/articles/uk-france-one-for-one-returns-pilot-2025/"


def test_keyboard_focus_on_a_quotation_shows_its_speaker(page: Page, site_url: str) -> None:
    """Tabbing through the text reaches each quotation's speaker, which then shows beside it."""
    page.goto(site_url + ARTICLE)
    speaker = page.locator("article q.q + .sp").first
    expect(speaker).to_be_attached()
    assert speaker.bounding_box()["width"] <= 1  # hidden until hovered or focused
    for _ in range(400):
        page.keyboard.press("Tab")
        if speaker.evaluate("el => el === document.activeElement || el.contains(document.activeElement)"):
            break
    else:
        pytest.fail("Tab never reached the first quotation's speaker")
    expect(speaker).to_be_visible()
    assert speaker.bounding_box()["width"] > 20
    assert speaker.inner_text().strip()


def test_the_annotations_switch_turns_marks_off_and_survives_a_reload(page: Page, site_url: str) -> None:
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(site_url + ARTICLE)
    quote = page.locator("article q.q").first
    styled = quote.evaluate("el => getComputedStyle(el).borderBottomStyle")
    assert styled == "solid"
    switch = page.get_by_label("Show annotations")
    expect(switch).to_be_checked()
    switch.uncheck()
    expect(page.locator("html")).to_have_class(re.compile(r"\bmarks-off\b"))
    assert quote.evaluate("el => getComputedStyle(el).borderBottomStyle") == "none"
    page.reload()
    expect(page.get_by_label("Show annotations")).not_to_be_checked()
    assert (
        page.locator("article q.q").first.evaluate("el => getComputedStyle(el).borderBottomStyle") == "none"
    )
    page.get_by_label("Show annotations").check()
    page.reload()
    expect(page.get_by_label("Show annotations")).to_be_checked()
    assert [v for v in violations if "api.github.com" not in v] == []


def test_paragraph_numbers_are_keyboard_reachable_permalinks(page: Page, site_url: str) -> None:
    page.goto(site_url + ARTICLE)
    permalink = page.locator("article p#p3 > a.pn")
    permalink.focus()
    expect(permalink).to_have_css("opacity", "1")
    permalink.press("Enter")
    page.wait_for_url("**#p3")
    assert page.locator("p#p3").evaluate("el => el.matches(':target')")


def test_the_feed_parses_in_the_browser(page: Page, site_url: str) -> None:
    """A reader's feed reader (here the browser's XML parser) reads the feed the pages advertise."""
    page.goto(site_url + "/articles/")
    href = page.locator("link[rel=alternate][type='application/atom+xml']").get_attribute("href")
    result = page.evaluate(
        """async (href) => {
            const text = await (await fetch(href)).text();
            const xml = new DOMParser().parseFromString(text, "application/xml");
            return {errors: xml.getElementsByTagName("parsererror").length,
                    entries: xml.getElementsByTagName("entry").length};
        }""",
        href,
    )
    assert result == {"errors": 0, "entries": 5}
