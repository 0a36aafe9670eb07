// Small progressive enhancements that htmx does not cover. Everything works without them.
(function () {
  "use strict";

  function enhance(root) {
    // Copy buttons: <button data-copy="#input" hidden> is revealed only when the clipboard works.
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      if (!navigator.clipboard) return;
      button.hidden = false;
      if (button.dataset.copyReady) return;
      button.dataset.copyReady = "1";
      button.addEventListener("click", function () {
        var source = document.querySelector(button.dataset.copy);
        if (!source) return;
        var original = button.textContent;
        navigator.clipboard.writeText(source.value).then(function () {
          button.textContent = button.dataset.copiedText || "Copied";
          setTimeout(function () { button.textContent = original; }, 2000);
        }, function (error) {
          console.warn("Copy to clipboard failed:", error);
          source.select();
        });
      });
    });

    // Time zone inputs start from the browser's own zone when still at the default.
    root.querySelectorAll("[data-detect-time-zone]").forEach(function (input) {
      var zone;
      try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
      if (zone && (!input.value || input.value === "UTC")) input.value = zone;
    });
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
