// The theme's search dialog has no accessible name; screen readers announce it as "dialog".
document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
  dialog.setAttribute("aria-label", "Search the record");
});

// A table wider than the screen scrolls inside its wrapper; keyboard users can only scroll it if
// the wrapper can take focus. Only wrappers that actually scroll become a tab stop, named after
// the heading above the table, and they follow the window's width.
function labelScrollingTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      var heading = wrap.previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", heading ? "Table: " + heading.textContent.trim() : "Table");
    } else if (wrap.getAttribute("role") === "region") {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  });
}
// Material wraps the tables once its bundle has set up the page: its `document$` says when.
if (window.document$) {
  window.document$.subscribe(function () {
    setTimeout(labelScrollingTables, 0);
  });
} else {
  window.addEventListener("load", labelScrollingTables);
}
window.addEventListener("resize", labelScrollingTables);
