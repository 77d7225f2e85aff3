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
      fit();
      var overflowing = sheet.scrollHeight > sheet.clientHeight + 1;
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

    // Fit the A4 sheet to its column, unless the reader asked for real size (on a
    // phone that is the default: fitted, the text would be too small to read).
    var sizeButton = document.getElementById("preview-size");
    var realSize = null;
    function fit() {
      var fitted = Math.min(1, preview.clientWidth / sheet.offsetWidth);
      if (realSize === null) realSize = fitted < 0.6;
      var scale = realSize ? 1 : fitted;
      preview.classList.toggle("real-size", realSize);
      preview.style.setProperty("--preview-scale", String(scale));
      preview.style.height = Math.ceil(sheet.offsetHeight * scale) + "px";
      preview.dataset.scale = scale.toFixed(3);
      sizeButton.setAttribute("aria-pressed", realSize ? "true" : "false");
      sizeButton.textContent = realSize ? "Fit to the column" : "Show at real size";
    }
    sizeButton.addEventListener("click", function () { realSize = !realSize; fit(); });
    if (window.ResizeObserver) new ResizeObserver(function () { fit(); }).observe(preview.parentElement);

    // While typing, the sticky preview keeps the part being written in view.
    var wrap = preview.parentElement;
    function follow(event) {
      var name = event.target.getAttribute && event.target.getAttribute("data-preview");
      var target = name && sheet.querySelector("[data-show='" + name + "']");
      if (!target || wrap.scrollHeight <= wrap.clientHeight) return;
      var scale = parseFloat(preview.dataset.scale) || 1;
      var top = preview.offsetTop + target.offsetTop * scale;
      var bottom = top + target.offsetHeight * scale;
      if (bottom > wrap.scrollTop + wrap.clientHeight) wrap.scrollTop = bottom - wrap.clientHeight + 16;
      else if (top < wrap.scrollTop) wrap.scrollTop = Math.max(0, top - 16);
    }

    form.addEventListener("input", function (event) { update(); follow(event); });
    form.addEventListener("change", update);
    update();
  }

  // The co-author list can hold every colleague (36 or more): type a name to narrow it.
  // Without JavaScript it is the plain list of checkboxes, which works the same.
  function setUpPicker(group) {
    var list = group.querySelector(".form-check") && group.querySelector(".form-check").parentElement;
    if (!list) return;
    var options = Array.prototype.slice.call(list.querySelectorAll(".form-check"));
    list.id = list.id || "coauthor-options";
    var picker = document.createElement("div");
    picker.className = "coauthor-picker";
    var label = document.createElement("label");
    label.className = "form-label small mb-1";
    label.htmlFor = "coauthor-filter";
    label.textContent = "Find a colleague";
    var input = document.createElement("input");
    input.type = "search";
    input.id = "coauthor-filter";
    input.className = "form-control";
    input.autocomplete = "off";
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-describedby", "coauthor-count");
    var count = document.createElement("p");
    count.id = "coauthor-count";
    count.className = "small text-body-secondary mb-0 mt-1";
    count.setAttribute("aria-live", "polite");
    var chosen = document.createElement("p");
    chosen.className = "coauthor-chosen small";
    picker.append(label, input, count, chosen);
    list.parentElement.insertBefore(picker, list);

    function fold(text) {
      return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }
    function refresh() {
      var query = fold(input.value.trim());
      var shown = 0;
      var names = [];
      options.forEach(function (option) {
        var box = option.querySelector("input");
        var name = option.textContent.trim();
        if (box.checked) names.push(name);
        var visible = box.checked || !query || fold(name).indexOf(query) !== -1;
        option.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = query
        ? shown + " of " + options.length + " colleagues shown"
        : options.length + " colleagues: type a name to find one";
      chosen.textContent = names.length ? "Chosen: " + names.join(", ") : "Nobody chosen yet.";
    }
    input.addEventListener("input", refresh);
    // Enter in the search box must not send the whole article.
    input.addEventListener("keydown", function (event) { if (event.key === "Enter") event.preventDefault(); });
    list.addEventListener("change", refresh);
    refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-budget]");
    if (form) setUp(form);
    var coauthors = document.querySelector("[data-picker]");
    if (coauthors) setUpPicker(coauthors.closest("#div_id_co_authors") || coauthors.parentElement);
  });
})();
