// The moderation queue: an "Undo" offer disappears when its window closes.
// Without this file the server still refuses a late undo with a clear message.
(function () {
  "use strict";

  function expire(root) {
    root.querySelectorAll("[data-undo-expires]").forEach(function (form) {
      if (form.dataset.undoTimer) return;
      form.dataset.undoTimer = "1";
      var seconds = parseInt(form.dataset.undoExpires, 10) || 10;
      window.setTimeout(function () {
        var button = form.querySelector("button");
        if (button && document.activeElement === button) return; // never yank focus
        form.hidden = true;
      }, seconds * 1000);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { expire(document); });
  document.addEventListener("htmx:afterSettle", function () { expire(document); });
})();
