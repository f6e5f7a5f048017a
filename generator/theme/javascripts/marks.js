// "Show annotations": a switch above an article's text that turns the marks of its quotations,
// speakers and figures (generator/pages/marks.py) off and on. The choice is kept for the whole
// site (the theme's __md_get/__md_set, in localStorage); without this script the marks show.
(function () {
  var root = document.documentElement;
  var heading = document.getElementById("article-text");
  var off = false;
  try {
    off = __md_get("__marks_off") === true;
  } catch (error) {
    // storage disabled: the marks show
  }
  root.classList.toggle("marks-off", off);
  if (!heading || !document.querySelector("article .q, article .fg")) return;
  var label = document.createElement("label");
  var box = document.createElement("input");
  label.className = "marks-toggle";
  box.type = "checkbox";
  box.checked = !off;
  label.append(box, " Show annotations");
  heading.after(label);
  box.addEventListener("change", function () {
    root.classList.toggle("marks-off", !box.checked);
    __md_set("__marks_off", !box.checked);
  });
})();
