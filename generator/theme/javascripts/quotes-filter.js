// Filters for the quotations pages (quotes/<year>/): by speaker, topic, outlet and year.
// The generator writes each quotation's values on its list item as data- attributes holding
// tokens only (letters, digits, hyphens); the labels of the choices are the page's visible text.
// Runs only where those list items are; without JavaScript the page is the grouped list.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("li[data-quote]"));
  var intro = document.getElementById("quote-filters");
  if (!items.length || !intro) {
    return;
  }

  function text(element) {
    if (!element) {
      return "";
    }
    var copy = element.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) {
      link.remove();
    });
    return copy.textContent.trim();
  }

  // Topic names: the group headings and the links to topic pages carry the topic's token.
  var topicNames = {};
  document.querySelectorAll("article [data-topic]").forEach(function (element) {
    topicNames[element.dataset.topic] = topicNames[element.dataset.topic] || text(element);
  });

  // The values of one filter on one quotation (an article may be on several topics).
  function values(item, key) {
    var value = item.dataset[key] || "";
    return key === "topics" ? value.split(" ").filter(Boolean) : [value];
  }

  var FILTERS = [
    { key: "speaker", label: "Speaker", name: function (item) { return text(item.querySelector(".quote-speaker")); } },
    { key: "topics", label: "Topic", name: function (item, value) { return topicNames[value] || "Other"; } },
    { key: "outlet", label: "Outlet", name: function (item) { return text(item.querySelector(".quote-outlet")); } },
    { key: "year", label: "Year", name: function (item) {
      return item.dataset.year === "unknown" ? "date unknown" : item.dataset.year;
    } },
  ];

  // The choices of one filter: value -> label, in the order a reader looks for them.
  function choices(filter) {
    var found = {};
    items.forEach(function (item) {
      values(item, filter.key).forEach(function (value) {
        if (value && !(value in found)) {
          found[value] = filter.name(item, value) || value;
        }
      });
    });
    var keys = Object.keys(found);
    if (filter.key === "year") {
      keys.sort().reverse();
    } else if (filter.key === "topics") {
      var order = Object.keys(topicNames);
      keys.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    } else {
      keys.sort(function (a, b) { return found[a].localeCompare(found[b]); });
    }
    return keys.map(function (value) { return [value, found[value]]; });
  }

  function control(filter) {
    var id = "quote-filter-" + filter.key;
    var wrapper = document.createElement("div");
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = filter.label;
    var select = document.createElement("select");
    select.id = id;
    select.dataset.filter = filter.key;
    select.appendChild(new Option("All", ""));
    choices(filter).forEach(function (choice) {
      select.appendChild(new Option(choice[1], choice[0]));
    });
    wrapper.appendChild(label);
    wrapper.appendChild(select);
    return wrapper;
  }

  var form = document.createElement("form");
  form.className = "quote-filters";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Filter the quotations");
  // A filter with a single choice (the year, on a page of one year's quotations) is left out.
  var selects = FILTERS.filter(function (filter) { return choices(filter).length > 1; }).map(function (filter) {
    var wrapper = control(filter);
    form.appendChild(wrapper);
    return wrapper.querySelector("select");
  });
  var reset = document.createElement("button");
  reset.type = "reset";
  reset.textContent = "Show all";
  form.appendChild(reset);
  var count = document.createElement("p");
  count.className = "quote-count";
  count.setAttribute("role", "status");
  intro.after(form, count);

  var total = new Set(items.map(function (item) { return item.dataset.quote; })).size;

  function apply() {
    var wanted = selects.filter(function (s) { return s.value; });
    var shown = new Set();
    items.forEach(function (item) {
      var match = wanted.every(function (s) {
        return values(item, s.dataset.filter).indexOf(s.value) !== -1;
      });
      item.hidden = !match;
      if (match) {
        shown.add(item.dataset.quote);
      }
    });
    document.querySelectorAll("article ul").forEach(function (list) {
      if (!list.querySelector("li[data-quote]")) {
        return;
      }
      var empty = !list.querySelector("li[data-quote]:not([hidden])");
      list.hidden = empty;
      if (list.previousElementSibling && list.previousElementSibling.tagName === "H2") {
        list.previousElementSibling.hidden = empty;
      }
    });
    count.textContent = shown.size + " of " + total + (total === 1 ? " quotation" : " quotations");
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
})();
