// Quick exit: the button in every page's header, or Escape pressed three times, leaves
// for a neutral site at once. location.replace puts that site in place of this page in the
// tab's history, so Back does not lead here again. Without JavaScript the button is a
// plain link to the same site.
(function () {
  "use strict";

  var PRESSES = 3;
  var WITHIN_MS = 1500;
  var presses = [];

  function leave(url) {
    document.title = "";
    document.body.hidden = true; // nothing stays on screen while the other site loads
    window.location.replace(url);
  }

  function exitLink() {
    return document.querySelector("[data-quick-exit]");
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    event.stopPropagation();
    leave(link.href);
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (at) { return now - at < WITHIN_MS; });
    presses.push(now);
    var link = exitLink();
    if (presses.length >= PRESSES && link) leave(link.href);
  }, true);
})();
