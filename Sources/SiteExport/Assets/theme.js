// The theme the reader chose with the header's switch, applied before the page is drawn.
// Without a choice the style sheet follows prefers-color-scheme.
(function () {
  "use strict";
  try {
    var theme = window.localStorage.getItem("rmq-doctor-theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (ignored) {
    // Storage can be off (private windows, file:// policies): the system's scheme then.
  }
})();
