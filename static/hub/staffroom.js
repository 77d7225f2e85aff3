// Progressive enhancements only: every form works without this file.
(function () {
  "use strict";

  // Live character counters for fields that carry data-counter and maxlength.
  function attachCounter(field) {
    if (field.dataset.counterReady) return;
    field.dataset.counterReady = "1";
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    if (!limit) return;
    var counter = document.createElement("p");
    counter.className = "char-counter mb-0";
    counter.id = field.id + "-counter";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    var describedBy = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + counter.id);
    function update() {
      var left = limit - field.value.length;
      counter.textContent = left + " of " + limit + " characters left";
      counter.classList.toggle("over", left < 10);
    }
    field.addEventListener("input", update);
    update();
  }

  function enhance(root) {
    root.querySelectorAll("[data-counter][maxlength]").forEach(attachCounter);
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
    // A summary of what went wrong (e.g. an import's row errors) is read out first.
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) summary.focus();
  });
  document.addEventListener("htmx:afterSwap", function (event) { enhance(event.target); });
})();
