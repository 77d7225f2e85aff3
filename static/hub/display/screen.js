// The staffroom screen: one panel at a time, the next every few seconds; paused while
// a pointer moves over the screen or the keyboard is on it, or by the Pause button. htmx fetches
// the panels every minute; when that fails the last panels stay, with a quiet note.
(() => {
  const ROTATE_EVERY_MS = 12000;
  const screen = document.querySelector("[data-screen]");
  if (!screen) return;
  const content = document.getElementById("screen-content");
  const controls = screen.querySelector("[data-screen-controls]");
  const pauseButton = screen.querySelector("[data-screen-pause]");
  const panelList = screen.querySelector("[data-screen-panel-list]");
  const offline = document.querySelector("[data-screen-offline]");
  let current = 0;
  let pausedByButton = false;
  // A mouse left resting on a kiosk's screen must not stop it for good: a pointer
  // holds the panel while it moves, and for a while after.
  const POINTER_HOLDS_MS = 20000;
  let pointerUntil = 0;
  let focusInside = false;
  let offlineSince = null;

  const panels = () => Array.from(content.querySelectorAll(".screen-panel"));

  function show(index) {
    const all = panels();
    if (!all.length) return;
    current = ((index % all.length) + all.length) % all.length;
    all.forEach((panel, i) => { panel.hidden = i !== current; });
    panelList.querySelectorAll("button").forEach((button, i) => {
      if (i === current) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    });
  }

  function listPanels() {
    const titles = panels().map((panel, i) => panel.dataset.panelTitle || `Panel ${i + 1}`);
    const shown = Array.from(panelList.querySelectorAll("button"), (button) => button.textContent);
    // The same panels as before: keep the buttons, so keyboard focus stays where it was.
    if (titles.join("\n") === shown.join("\n")) {
      show(current);
      return;
    }
    panelList.replaceChildren(...titles.map((title, i) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = title;
      button.addEventListener("click", () => show(i));
      item.append(button);
      return item;
    }));
    show(current);
  }

  function setPaused(paused) {
    pausedByButton = paused;
    pauseButton.setAttribute("aria-pressed", String(paused));
    pauseButton.textContent = paused ? "Play" : "Pause";
  }

  function time(moment) {
    return moment.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  }

  function wentOffline() {
    if (offlineSince === null) {
      offlineSince = new Date();
      offline.textContent = `Offline since ${time(offlineSince)}: showing the last news we had.`;
    }
  }

  function backOnline() {
    offlineSince = null;
    offline.textContent = "";
  }

  pauseButton.addEventListener("click", () => setPaused(!pausedByButton));
  screen.addEventListener("mousemove", () => { pointerUntil = Date.now() + POINTER_HOLDS_MS; });
  screen.addEventListener("mouseleave", () => { pointerUntil = 0; });
  screen.addEventListener("focusin", () => { focusInside = true; });
  screen.addEventListener("focusout", (event) => {
    focusInside = screen.contains(event.relatedTarget);
  });
  content.addEventListener("htmx:afterSwap", () => { backOnline(); listPanels(); });
  content.addEventListener("htmx:sendError", wentOffline);
  content.addEventListener("htmx:timeout", wentOffline);
  content.addEventListener("htmx:responseError", (event) => {
    // 404: the link was switched off; show the page that says so, not old news.
    if (event.detail.xhr.status === 404) window.location.reload();
    else wentOffline();
  });

  setInterval(() => {
    if (!pausedByButton && Date.now() >= pointerUntil && !focusInside) show(current + 1);
  }, ROTATE_EVERY_MS);
  content.classList.add("screen-rotating");
  controls.hidden = false;
  listPanels();
})();
