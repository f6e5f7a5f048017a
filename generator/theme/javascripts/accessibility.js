// The theme's search dialog has no accessible name; screen readers announce it as "dialog".
document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
  dialog.setAttribute("aria-label", "Search the record");
});
