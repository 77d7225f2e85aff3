// The A4 sheet's Print button: the browser's own print dialog (Ctrl+P works too).
(() => {
  const button = document.querySelector("[data-print-sheet]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => window.print());
})();
