// The Screens page. "Copy the link" beside a new screen link: it is shown only once,
// so make copying easy. "Make the link" sends once: a double click would make a
// second link whose token nobody ever sees.
(() => {
  const form = document.querySelector("[data-make-link]");
  if (form) {
    form.addEventListener("submit", () => {
      form.querySelector("button[type=submit]").disabled = true;
    });
  }
  const button = document.querySelector("[data-copy-link]");
  if (!button || !navigator.clipboard) return;
  const field = document.getElementById(button.dataset.copyLink);
  const result = document.querySelector("[data-copy-result]");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      result.textContent = "Copied. Paste it into the screen’s browser.";
    } catch {
      field.select();
      result.textContent = "Select the link and copy it (Ctrl+C).";
    }
  });
})();
