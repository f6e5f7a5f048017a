"""The record's pages on a phone: 375 px wide, light and dark, in Debian's Chromium.

For each page a reader lands on (home, an article, a topic, a person, the quotations and every
other page of the record), axe-core finds no serious or critical violation, nothing is wider than
the screen, and a full-page screenshot is left in `test-output/screenshots/` to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from test_browser import browser  # noqa: F401  (the module's Chromium)

SHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
WIDTH = 375

# Pages by what they are; a person's page is found from the people index at run time.
PAGES = {
    "home": "/",
    "article": "/articles/uk-france-one-for-one-returns-pilot-2025/",
    "topic": "/topics/offshoring/",
    "people": "/people/",
    "quotes": "/quotes/",
    "figures": "/figures/",
    "chart": "/figures/crossings/",
    "timeline": "/timeline/",
    "timeline-year": "/timeline/2025/",
    "data": "/data/",
}


def _first_person(browser: Browser, site_url: str) -> str:  # noqa: F811
    page = browser.new_page()
    page.goto(site_url + "/people/")
    href = page.locator("article a").evaluate_all(
        "links => links.map(a => a.href).filter(h => /\\/people\\/[^/]+\\/$/.test(h))"
    )
    page.close()
    assert href, "the people index links no person"
    return re.sub(r"^https?://[^/]+", "", href[0])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_record_pages_read_on_a_phone(browser: Browser, site_url: str, scheme: str) -> None:  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    pages = {**PAGES, "person": _first_person(browser, site_url)}
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": WIDTH, "height": 812}, color_scheme=scheme)
    page = context.new_page()
    problems = []
    for name, path in pages.items():
        response = page.goto(site_url + path)
        assert response is not None and response.ok, f"{path} did not load"
        for violation in Axe().run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{path}: {violation['id']} ({len(violation['nodes'])}): {violation['help']}")
        overflow = page.evaluate("document.scrollingElement.scrollWidth")
        if overflow > WIDTH + 1:
            problems.append(f"{path}: the page is {overflow} px wide on a {WIDTH} px screen")
        shot = SHOTS / f"{name}-{scheme}-{WIDTH}.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot: {shot}")
    context.close()
    assert problems == []
