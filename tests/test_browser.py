"""What a reader does on the page, in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import importlib.util
import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from conftest import ROOT

# The measurement the benchmark makes at scale, made here at the project's own five articles.
_spec = importlib.util.spec_from_file_location("search_bytes", ROOT / "benchmarks" / "search_bytes.py")
search_bytes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_bytes)

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


def test_a_search_hit_links_to_the_paragraph_that_holds_the_word(page: Page, site_url: str) -> None:
    """Results show within the page; a hit in an article's text opens that article at its paragraph."""
    page.goto(site_url + "/topics/")
    page.locator("input.md-search__input").press_sequentially("gendarmes", delay=40)
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    hit = page.locator(".md-search-result__item a[href*='/articles/'][href*='#p']").first
    expect(hit).to_be_visible()
    expect(hit.locator("mark").first).to_have_text(re.compile("gendarmes", re.IGNORECASE))
    assert page.url == site_url + "/topics/"  # the results open over the page
    anchor = hit.get_attribute("href").rsplit("#", 1)[1]
    hit.click()
    page.wait_for_url(f"**/articles/**#{anchor}")
    target = page.locator(f"p#{anchor}")
    expect(target).to_contain_text("gendarmes")
    assert target.evaluate("el => el.matches(':target')")


def test_the_first_search_downloads_a_small_part_of_the_index(
    page: Page, site_url: str, built_site, record_property
) -> None:
    """Typing a query fetches Pagefind's loader, its WebAssembly and the chunks the query needs, not
    the whole index: the bytes are recorded (benchmarks/search_bytes.py measures big sites)."""
    measured = search_bytes.first_search(page, site_url, "Retailleau", "/articles/", site_dir=built_site)
    record_property("first_search_bytes", measured["bytes"])
    record_property("first_search_seconds", measured["seconds"])
    print(
        f"first search: {measured['bytes']:,} bytes in {measured['requests']} requests, {measured['seconds']} s"
    )
    fragments = [name for name, _ in measured["files"] if name.endswith(".pf_fragment")]
    assert 0 < len(fragments) < len(list((built_site / "pagefind" / "fragment").iterdir()))
    assert not any("search_index.json" in name for name, _ in measured["files"])
    assert measured["bytes"] < 1_000_000


def test_the_keyboard_opens_the_search_moves_through_results_and_follows_one(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "/articles/")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    page.keyboard.type("Greenwood", delay=40)
    links = page.locator(".md-search-result__item a")
    expect(links.first).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(links.first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    box.focus()
    expect(page.locator("#__search")).to_be_checked()
    expect(links.first).to_be_visible()
    # The results are drawn again when the box takes focus: any of them is the one Enter follows.
    shown = {href.split("#")[0] for href in links.evaluate_all("links => links.map(a => a.href)")}
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url(lambda url: url.split("#")[0] in shown)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_search_passes_axe_accessibility_checks(
    browser: Browser, site_url: str, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/articles/")
    page.locator("input.md-search__input").press_sequentially("Channel", delay=40)
    expect(page.locator(".md-search-result__item a").first).to_be_visible()
    problems = [
        f"{v['id']} ({len(v['nodes'])}): {v['help']}"
        for v in Axe().run(page, context={"include": [[".md-search"]]}).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    context.close()
    assert problems == []


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
        "/data/",
        "/timeline/",
        "/timeline/2021/",
        "/figures/",
        "/figures/crossings/",
        "/figures/arrivals/2025/",
        "/quotes/2025/",
    ):
        page.goto(site_url + path)
        for violation in Axe().run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{path}: {violation['id']} ({len(violation['nodes'])}): {violation['help']}")
    context.close()
    assert problems == []


def test_the_open_data_downloads_are_csv_and_json(page: Page, site_url: str) -> None:
    """The "About the data" page links the files; following them gives CSV and JSON, as served."""
    page.goto(site_url + "/data/")
    href = page.get_by_role("link", name="quotations.csv").get_attribute("href")
    response = page.request.get(f"{site_url}/data/{href}")
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    assert response.text().startswith("article,number,paragraph,speaker,")
    package = page.request.get(
        site_url + "/data/" + page.get_by_role("link", name="datapackage.json").get_attribute("href")
    )
    assert package.ok and package.json()["resources"]


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


def test_a_figure_in_the_text_links_to_its_entry_and_the_chart_has_a_name(page: Page, site_url: str) -> None:
    """Following a marked figure lands on its entry on the figures page, which links back to the
    paragraph; the chart of crossings has an accessible name, a description and named point links."""
    page.goto(site_url + ARTICLE)
    mark = page.locator("article span.fg a").first
    figure = mark.inner_text()
    mark.click()
    page.wait_for_url("**/figures/**#f-*")
    entry = page.locator("li:target")
    expect(entry).to_be_visible()
    expect(entry).to_contain_text(figure)
    entry.locator("a[href*='articles/']").first.click()
    page.wait_for_url("**/articles/**#p*")
    expect(page.locator("p:target span.fg").first).to_contain_text(figure)
    page.goto(site_url + "/figures/crossings/")
    chart = page.get_by_role("group", name="Small-boat arrivals by year")
    expect(chart).to_be_visible()
    assert "published annual totals" in chart.evaluate("el => el.querySelector('desc').textContent")
    assert chart.evaluate("el => el.getBoundingClientRect().width") > 300
    point = chart.get_by_role("link").first
    expect(point).to_have_accessible_name(re.compile(r"year to date|whole year"))
