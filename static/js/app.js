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

  // Keep the keyboard where the person was. A swap replaces the button they pressed, so
  // focus would drop to the page body: give it to what answers them in the new content,
  // a field to correct first, else the message saying what happened, else the region.
  var ANSWERS = ["[aria-invalid=true]", ".form-errors, [role=alert]", "[autofocus]", "[role=status], .notice"];
  var FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]";
  var focusWasIn = null;

  document.addEventListener("htmx:beforeSwap", function (event) {
    var active = document.activeElement;
    var target = event.detail.target;
    var config = event.detail.requestConfig || {};
    // A boosted link is a new page; a form sent (boosted or not) stays the same place.
    var sent = !event.detail.boosted || (config.verb && config.verb !== "get");
    focusWasIn = sent && active && active !== document.body && target.contains(active) ? target : null;
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var region = event.target;
    if (!focusWasIn || !region || region.nodeType !== 1 || !document.body.contains(region)) return;
    // Out-of-band pieces (a badge in the navigation) settle too: only the region itself counts.
    if (region !== focusWasIn && !(focusWasIn.id && region.id === focusWasIn.id)) return;
    focusWasIn = null;
    var active = document.activeElement;
    if (active && active !== document.body && document.body.contains(active)) return;
    var next = null;
    for (var i = 0; i < ANSWERS.length && !next; i++) next = region.querySelector(ANSWERS[i]);
    next = next || (region === document.body ? document.getElementById("main") : region);
    if (!next) return;
    if (!next.matches(FOCUSABLE)) next.setAttribute("tabindex", "-1");
    next.focus();
  });

  // A region that reloads by itself when something changed elsewhere (data-keep-typed) waits
  // while the person has typed into it and not saved: a calm note offers the changes instead.
  function typedIn(region) {
    return Array.prototype.some.call(region.querySelectorAll("textarea, input"), function (field) {
      return field.value !== field.defaultValue;
    });
  }

  document.addEventListener("htmx:confirm", function (event) {
    var region = event.detail.elt;
    if (!region.hasAttribute("data-keep-typed") || !typedIn(region)) return;
    var note = region.querySelector("[data-changed-note]");
    if (!note) return;
    event.preventDefault();
    note.hidden = false;
    note.reload = event.detail.issueRequest;
    if (note.dataset.ready) return;
    note.dataset.ready = "1";
    note.querySelector("button").addEventListener("click", function () { note.reload(true); });
  });

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
