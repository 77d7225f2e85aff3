// Loaded in <head> without defer: marks the page as scripted before it is drawn, so
// the phone menu and the board's filters start collapsed only when they can open.
document.documentElement.classList.replace("no-js", "js");
