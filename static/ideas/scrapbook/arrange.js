// Putting an edition in order by drag and drop. Each article also has a "Move to
// position" form and Up/Down buttons, which work by keyboard and without this
// file; a drop simply fills in that form and submits it (htmx saves it in place).
(function () {
  "use strict";

  var dragged = null;
  var startIndex = -1;
  var dropped = false;

  function items(list) {
    return Array.prototype.filter.call(list.children, function (child) {
      return child.matches("li[data-article]");
    });
  }

  function restore(list) {
    // A drag that ended outside the list puts the article back where it was.
    var siblings = items(list);
    var reference = siblings[startIndex] || null;
    if (reference !== dragged) list.insertBefore(dragged, reference);
  }

  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest("[data-arrange] > li[data-article]");
    if (!item) return;
    dragged = item;
    dropped = false;
    startIndex = items(item.parentElement).indexOf(item);
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.dataset.article);
  });

  document.addEventListener("dragover", function (event) {
    if (!dragged) return;
    var list = event.target.closest && event.target.closest("[data-arrange]");
    if (!list || list !== dragged.parentElement) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    var over = event.target.closest("li[data-article]");
    if (!over || over === dragged) return;
    var box = over.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? over.nextSibling : over);
  });

  document.addEventListener("drop", function (event) {
    if (!dragged) return;
    var list = event.target.closest && event.target.closest("[data-arrange]");
    if (!list || list !== dragged.parentElement) return;
    event.preventDefault();
    dropped = true;
    var position = items(list).indexOf(dragged) + 1;
    if (position - 1 === startIndex) return;
    var form = dragged.querySelector(".move-form");
    form.querySelector("select[name='position']").value = String(position);
    list.setAttribute("aria-busy", "true");
    form.requestSubmit();
  });

  document.addEventListener("dragend", function () {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    if (!dropped) restore(dragged.parentElement);
    dragged = null;
  });

  // After a change, keyboard focus goes back to the article just moved (its same
  // button where it still has one), not to the top of the page.
  document.addEventListener("htmx:afterSettle", function () {
    var moved = document.querySelector("[data-arrange] [data-focus-after]");
    if (!moved) return;
    var action = moved.getAttribute("data-focus-after");
    var control =
      moved.querySelector("button[value='" + action + "']") ||
      moved.querySelector("select[name='position']");
    moved.removeAttribute("data-focus-after");
    if (control) control.focus();
  });
})();
