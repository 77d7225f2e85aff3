// The TeachMeet big screen: the right arrow, space, Page Down (what presentation
// clickers send) or Enter follow the "Reveal" link; the left arrow or Page Up go back.
// Without this file the links do the same with a click.
(() => {
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const forward = ["ArrowRight", " ", "PageDown"].includes(event.key);
    const back = ["ArrowLeft", "PageUp"].includes(event.key);
    const link = document.querySelector(forward ? "[data-order-next]" : back ? "[data-order-back]" : null);
    if (!link) return;
    event.preventDefault();
    window.location.assign(link.href);
  });
})();
