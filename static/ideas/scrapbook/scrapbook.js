// Live page preview for the article editor. The form works without it; the
// server applies the same word budget when the article is saved and submitted.
(function () {
  "use strict";

  var WORD = /[\w'’-]+/g;
  var MARKUP = /\]\([^)]*\)|[*_#>`\[\]]/g;

  function countWords(text) {
    var matches = (text || "").replace(MARKUP, " ").match(WORD);
    return matches ? matches.length : 0;
  }

  function inline(text) {
    // Text only: built with DOM nodes, never innerHTML, so nothing typed can run.
    var fragment = document.createDocumentFragment();
    var pattern = /(\*\*[^*]+\*\*|_[^_]+_|\*[^*]+\*|\[[^\]]+\]\([^)]*\))/g;
    var last = 0;
    text.replace(pattern, function (match, _group, offset) {
      fragment.appendChild(document.createTextNode(text.slice(last, offset)));
      var node;
      if (match.slice(0, 2) === "**") { node = document.createElement("strong"); node.textContent = match.slice(2, -2); }
      else if (match[0] === "[") { node = document.createElement("u"); node.textContent = match.slice(1, match.indexOf("]")); }
      else { node = document.createElement("em"); node.textContent = match.slice(1, -1); }
      fragment.appendChild(node);
      last = offset + match.length;
      return match;
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function renderSection(target, label, text) {
    target.replaceChildren();
    if (!text.trim()) return;
    var heading = document.createElement("p");
    heading.className = "pp-section-heading";
    heading.textContent = label;
    target.appendChild(heading);
    var list = null;
    text.split(/\n/).forEach(function (line) {
      var item = line.match(/^\s*(?:[-*+]|\d+\.)\s+(.*)$/);
      if (item) {
        if (!list) { list = document.createElement("ul"); target.appendChild(list); }
        var li = document.createElement("li");
        li.appendChild(inline(item[1]));
        list.appendChild(li);
      } else if (line.trim()) {
        list = null;
        var p = document.createElement("p");
        p.appendChild(inline(line));
        target.appendChild(p);
      } else {
        list = null;
      }
    });
  }

  function setUp(form) {
    var preview = document.getElementById("page-preview");
    var meter = document.getElementById("word-meter");
    var sideMeter = document.getElementById("word-meter-side");
    if (!preview || !meter) return;
    var budget = parseInt(form.dataset.budget, 10);
    var sheet = preview.querySelector(".page-preview-sheet");
    preview.parentElement.hidden = false;
    meter.hidden = false;

    function value(name) {
      var field = form.querySelector("[name='" + name + "']");
      if (!field) return "";
      if (field.tagName === "SELECT") return field.value ? field.options[field.selectedIndex].text : "";
      return field.value;
    }

    function update() {
      sheet.querySelector("[data-show='title']").textContent = value("title") || "Your title";
      sheet.querySelector("[data-show='context']").textContent =
        [value("phase"), value("year_group"), value("subject_or_area")].filter(Boolean).join(" · ");
      var words = 0;
      ["what_i_did", "what_happened", "try_it_yourself"].forEach(function (name) {
        var text = value(name);
        words += countWords(text);
        var target = sheet.querySelector("[data-show='" + name + "']");
        renderSection(target, target.dataset.label, text);
      });
      var overflowing = sheet.scrollHeight > preview.clientHeight + 1;
      var left = budget - words;
      meter.classList.toggle("over", left < 0);
      meter.classList.toggle("near", left >= 0 && left < budget * 0.1);
      preview.classList.toggle("overflowing", left < 0 || overflowing);
      if (left < 0) {
        meter.textContent = words + " words: " + -left + " too many for one page (about " + budget + " fit). Please cut some before saving.";
      } else if (left < budget * 0.1) {
        meter.textContent = words + " of about " + budget + " words: nearly a full page, " + left + " left.";
      } else {
        meter.textContent = words + " of about " + budget + " words: fits on one page.";
      }
      if (sideMeter) {
        // A copy beside the preview; the live region in the form is the one announced.
        sideMeter.textContent = meter.textContent;
        sideMeter.className = meter.className + " word-meter-side mt-2";
      }
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-budget]");
    if (form) setUp(form);
  });
})();
