// Search over Pagefind's index (pagefind/ at the site's root, written after each build by
// generator/commands/search_index.py), shown in Material's header search box and result list
// (partials/site-search.html). The index arrives in small pieces, and only once the reader starts
// searching. Every text from the index (titles, page text) is inserted as text; the <mark> around
// a matched word is an element made here. A result links to the paragraph (or heading) holding its
// first matched word; up to two more paragraphs of the same page that match follow it.
// Keys: "/" or "s" opens the search, arrows move through the results, Enter follows the first (or
// the focused) one, Escape closes.

const SITE_ROOT = new URL("../", import.meta.url); // this file is javascripts/search.js
const PAGE_SIZE = 10; // results shown at first, and added by "more"
const MORE_PARAGRAPHS = 2; // paragraphs shown under a result beside the first
const EXCERPT_WORDS = 26;
const WORD_BREAK = /[\r\n\s]+/g; // how Pagefind splits a page's text into the words it counts

const toggle = document.getElementById("__search");
const box = document.querySelector("[data-site-search]");
if (toggle && box) setUp(box, toggle);

function setUp(box, toggle) {
  const form = box.querySelector("form");
  const input = form.querySelector("input");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const say = translator();
  let engine = null; // Pagefind, imported on first use
  let latest = 0; // the newest query: answers to older ones are dropped
  let timer = 0;

  function pagefind() {
    engine ??= import(new URL("pagefind/pagefind.js", SITE_ROOT).href).then(async (pf) => {
      await pf.options({ baseUrl: SITE_ROOT.pathname });
      await pf.init();
      return pf;
    });
    return engine;
  }

  function open(state) {
    if (toggle.checked === state) return;
    toggle.checked = state;
    toggle.dispatchEvent(new Event("change"));
  }

  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement !== input) input.focus();
    if (!toggle.checked && box.contains(document.activeElement)) document.activeElement.blur();
  });
  input.addEventListener("focus", () => {
    open(true);
    pagefind().catch(() => {}); // start fetching while the reader types; failures show on search
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value.trim(), PAGE_SIZE), 100);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      search("", PAGE_SIZE);
      input.focus();
    });
  });
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) open(false); // a link to this same page must close it too
  });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (toggle.checked) {
      if (event.key === "Escape") {
        event.preventDefault();
        open(false);
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        step(event.key === "ArrowDown" ? 1 : -1);
      }
    } else if ((event.key === "/" || event.key === "s") && !typing(event.target)) {
      event.preventDefault();
      input.focus();
    }
  });

  function step(by) {
    const stops = [input, ...list.querySelectorAll("a, button")];
    const here = stops.indexOf(document.activeElement);
    const next = stops[Math.min(Math.max(here + by, 0), stops.length - 1)];
    next.focus();
    if (next !== input) next.scrollIntoView({ block: "nearest" });
  }

  async function search(query, count) {
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      meta.textContent = say("search.result.placeholder", "Type to start searching");
      return;
    }
    try {
      const pf = await pagefind();
      const found = await pf.search(query);
      if (ticket !== latest || !found) return;
      const pages = await Promise.all(found.results.slice(0, count).map((result) => result.data()));
      if (ticket !== latest) return;
      const total = found.results.length;
      meta.textContent =
        total === 0
          ? say("search.result.none", "No matching documents")
          : total === 1
            ? say("search.result.one", "1 matching document")
            : say("search.result.other", "# matching documents", total);
      list.replaceChildren(...pages.map(resultItem));
      if (total > count) list.append(moreItem(query, count, total));
    } catch (err) {
      if (ticket === latest) meta.textContent = "Search is not available here.";
      console.warn("search:", err);
    }
  }

  function moreItem(query, count, total) {
    const item = element("li", "md-search-result__item");
    const button = element("button", "md-search-result__more-button");
    button.type = "button";
    button.textContent = `Show ${Math.min(PAGE_SIZE, total - count)} more (${total - count} not shown)`;
    button.addEventListener("click", async () => {
      const position = count;
      await search(query, count + PAGE_SIZE);
      const next = list.querySelectorAll(".md-search-result__item")[position];
      if (next) next.querySelector("a").focus();
    });
    item.append(button);
    return item;
  }
}

// One page found: its title linked to where its first match stands, then up to two more paragraphs.
function resultItem(page) {
  const item = element("li", "md-search-result__item");
  const places = matchedPlaces(page);
  const title = (page.meta && page.meta.title) || page.url;
  const kind = (page.meta && page.meta.kind) || "";
  places.slice(0, 1 + MORE_PARAGRAPHS).forEach((place, index) => {
    const link = element("a", "md-search-result__link");
    link.href = place.anchor ? `${page.url}#${place.anchor.id}` : page.url;
    const article = element("article", "md-search-result__article md-typeset");
    if (index === 0) {
      article.classList.add("md-search-result__article--document");
      const icon = element("div", "md-search-result__icon md-icon");
      const heading = element("h1");
      heading.textContent = title;
      if (kind) {
        const label = element("span", "search-kind");
        label.textContent = kind;
        heading.append(" ", label);
      }
      article.append(icon, heading);
    } else {
      const heading = element("h2");
      heading.textContent = placeName(place.anchor);
      article.append(heading);
    }
    article.append(excerpt(page, place));
    link.append(article);
    item.append(link);
  });
  return item;
}

// The page's matched words grouped by the element with an id (a paragraph `pN` or a heading) that
// stands before them, in page order; words before any such element form a group of their own.
// Words of the title count only when nothing else matched.
function matchedPlaces(page) {
  const anchors = (page.anchors || [])
    .filter((a) => a.id && (a.element === "p" || /^h[2-6]$/i.test(a.element)))
    .sort((a, b) => a.location - b.location);
  let words = [...new Set(page.locations || [])].sort((a, b) => a - b);
  const title = (page.anchors || []).find((a) => /^h1$/i.test(a.element));
  if (title) {
    // a match in the title is shown by the title itself: link to the first match after it
    const after = title.location + (title.text || "").split(WORD_BREAK).filter(Boolean).length;
    const body = words.filter((word) => word < title.location || word >= after);
    if (body.length) words = body;
  }
  const places = [];
  for (const word of words) {
    let anchor = null;
    let end = Infinity;
    for (const candidate of anchors) {
      if (candidate.location > word) {
        end = candidate.location;
        break;
      }
      anchor = candidate;
    }
    const last = places[places.length - 1];
    if (last && last.anchor === anchor) last.words.push(word);
    else places.push({ anchor, start: anchor ? anchor.location : 0, end, words: [word] });
  }
  if (!places.length) places.push({ anchor: null, start: 0, end: Infinity, words: [] });
  return places;
}

function placeName(anchor) {
  const paragraph = /^p(\d+)$/.exec(anchor.id);
  return paragraph ? `Paragraph ${paragraph[1]}` : anchor.text || anchor.id;
}

// A few words of the page around the place's first match, cut at the place's bounds, with every
// matched word marked. Built from text nodes: nothing from the index is parsed as HTML.
function excerpt(page, place) {
  const words = (page.content || "").split(WORD_BREAK);
  const end = Math.min(place.end, words.length);
  const first = place.words.length ? place.words[0] : place.start;
  let start = Math.max(place.start, first - Math.floor(EXCERPT_WORDS / 3));
  const stop = Math.min(end, start + EXCERPT_WORDS);
  start = Math.max(place.start, Math.min(start, stop - EXCERPT_WORDS));
  const marked = new Set(place.words);
  const paragraph = element("p");
  if (start > place.start) paragraph.append("… ");
  for (let i = start; i < stop; i++) {
    if (i > start) paragraph.append(" ");
    if (marked.has(i)) {
      const mark = element("mark");
      mark.textContent = words[i];
      paragraph.append(mark);
    } else {
      paragraph.append(words[i]);
    }
  }
  if (stop < end) paragraph.append(" …");
  return paragraph;
}

function translator() {
  let words = {};
  try {
    words = JSON.parse(document.getElementById("__config").textContent).translations || {};
  } catch (err) {
    words = {};
  }
  return (key, fallback, count) => (words[key] || fallback).replace("#", String(count));
}

function typing(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function element(name, className) {
  const made = document.createElement(name);
  if (className) made.className = className;
  return made;
}
