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

  // -- On the phone: the service worker, the install hint, and words kept while offline ----

  var root = document.documentElement;
  if ("serviceWorker" in navigator && root.dataset.serviceWorker) {
    navigator.serviceWorker.register(root.dataset.serviceWorker, { scope: "/" }).catch(function (error) {
      console.warn("The offline page is not available:", error);
    });
  }

  // The browser offers to install: only then does the quiet link in the account menu appear.
  var installOffer = null;
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault(); // no banner of the browser's own; the link is enough
    installOffer = event;
    showInstall(document);
  });
  window.addEventListener("appinstalled", function () {
    installOffer = null;
    document.querySelectorAll("[data-install]").forEach(function (item) { item.hidden = true; });
  });
  function showInstall(scope) {
    if (!installOffer) return;
    scope.querySelectorAll("[data-install]").forEach(function (item) {
      item.hidden = false;
      if (item.dataset.ready) return;
      item.dataset.ready = "1";
      item.querySelector("button").addEventListener("click", function () {
        if (!installOffer) return;
        installOffer.prompt();
        installOffer.userChoice.then(function () { installOffer = null; item.hidden = true; });
      });
    });
  }

  // Push: offered on the reminder settings page only when this browser can do it, and
  // asked for only when the person presses the button, never on a first visit.
  function pushSupported() {
    return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window &&
      root.dataset.serviceWorker;
  }
  function keyBytes(base64url) {
    var raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((base64url.length + 3) % 4));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }
  function offerPush(scope) {
    var form = scope.querySelector("[data-push-form]");
    if (!form || form.dataset.ready || !pushSupported()) return;
    form.dataset.ready = "1";
    var section = form.closest("section");
    var offer = form.closest("[data-push-offer]");
    var message = form.querySelector("[data-push-message]");
    function say(text) { message.textContent = text; message.hidden = false; }
    navigator.serviceWorker.ready.then(function (registration) {
      return registration.pushManager.getSubscription();
    }).then(function (existing) {
      section.hidden = false;
      if (existing && Notification.permission === "granted") {
        section.querySelector("[data-push-added]").hidden = false;
      } else {
        offer.hidden = false;
      }
    });
    form.querySelector("[data-push-subscribe]").addEventListener("click", function () {
      Notification.requestPermission().then(function (permission) {
        if (permission !== "granted") { say(form.dataset.refusedText); return null; }
        return navigator.serviceWorker.ready.then(function (registration) {
          return registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(form.dataset.pushKey)
          });
        }).then(function (subscription) {
          var json = subscription.toJSON();
          var data = new FormData(form);
          data.set("endpoint", json.endpoint);
          data.set("p256dh", json.keys.p256dh);
          data.set("auth", json.keys.auth);
          var phone = /Mobi|Android|iPhone|iPad/.test(navigator.userAgent);
          data.set("name", phone ? form.dataset.phoneName : form.dataset.computerName);
          return fetch(form.action, { method: "POST", body: data, credentials: "same-origin" });
        }).then(function (response) {
          if (!response.ok) throw new Error("status " + response.status);
          window.location.assign(response.url); // the page again, with the new device listed
        });
      }).catch(function (error) {
        console.warn("Push subscription failed:", error);
        say(form.dataset.failedText);
      });
    });
  }
  // Signing out forgets everything this tab and the service worker kept.
  function forgetAll() {
    if (navigator.serviceWorker) {
      // A shared device shows nothing more for the person who signed out.
      navigator.serviceWorker.ready.then(function (registration) {
        return registration.pushManager && registration.pushManager.getSubscription();
      }).then(function (subscription) {
        if (subscription) subscription.unsubscribe();
      }).catch(function () { /* nothing to forget */ });
    }
    try { sessionStorage.clear(); } catch (e) { /* storage blocked: nothing was kept */ }
    if (window.caches) {
      caches.keys().then(function (keys) { keys.forEach(function (key) { caches.delete(key); }); });
    }
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "forget" });
    }
  }

  // Drafts: what is typed into a form is kept in this tab (sessionStorage, gone when the tab
  // closes) until the server has it. Sent while offline, a form waits and sends itself when
  // the connection returns; if it cannot be sent, a note says so and the words stay.
  var SENT = "trustapp-sent";
  var KEEPS = "textarea, input[type=text]:not([readonly]), input:not([type])";

  function draftKey(form) {
    var forms = Array.prototype.indexOf.call(document.forms, form);
    return "trustapp-draft:" + location.pathname + ":" + (form.getAttribute("action") || "") + ":" + forms;
  }
  function keepsDrafts(form) {
    return form.method === "post" && !form.hasAttribute("data-forget") &&
      !form.querySelector("input[type=password]") && form.querySelector(KEEPS);
  }
  function read(key) {
    try { return JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function write(key, value) {
    try {
      if (value === null) sessionStorage.removeItem(key); else sessionStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* storage full or blocked: the form still works, it just keeps nothing */ }
  }
  function saveDraft(form) {
    var draft = {};
    var any = false;
    form.querySelectorAll(KEEPS).forEach(function (field) {
      if (field.name && field.value !== field.defaultValue) { draft[field.name] = field.value; any = true; }
    });
    write(draftKey(form), any ? draft : null);
  }
  function note(form, text) {
    var line = form.querySelector("[data-offline-note]");
    if (!line) {
      line = document.createElement("p");
      line.className = "notice";
      line.setAttribute("role", "status");
      line.setAttribute("data-offline-note", "");
      form.insertBefore(line, form.firstChild);
    }
    line.textContent = text;
  }
  function sendWhenOnline(form, submitter, text) {
    note(form, text);
    if (form.dataset.waiting) return;
    form.dataset.waiting = "1";
    window.addEventListener("online", function () {
      delete form.dataset.waiting;
      var line = form.querySelector("[data-offline-note]");
      if (line) line.remove();
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    }, { once: true });
  }

  function restoreDrafts(scope) {
    var sent = read(SENT);
    if (sent) { write(sent, null); write(SENT, null); } // the page after a send: it arrived
    scope.querySelectorAll("form").forEach(function (form) {
      if (!keepsDrafts(form) || form.dataset.drafts) return;
      form.dataset.drafts = "1";
      var draft = read(draftKey(form));
      if (draft) {
        form.querySelectorAll(KEEPS).forEach(function (field) {
          if (field.name in draft && field.value === field.defaultValue) field.value = draft[field.name];
        });
      }
      form.addEventListener("input", function () { saveDraft(form); });
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-forget")) { forgetAll(); return; }
    if (!keepsDrafts(form)) return;
    saveDraft(form);
    if (navigator.onLine === false) {
      event.preventDefault();
      event.stopPropagation(); // htmx must not try either
      sendWhenOnline(form, event.submitter, document.body.dataset.offlineWaiting);
      return;
    }
    // A plain send: the next page clears the draft; the offline page puts this back.
    if (!form.hasAttribute("hx-post")) write(SENT, draftKey(form));
  }, true);

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (form && form.tagName === "FORM" && event.detail.successful) write(draftKey(form), null);
  });
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail.elt;
    if (form && form.tagName === "FORM" && keepsDrafts(form)) {
      write(SENT, null); // it did not arrive: the words stay
      sendWhenOnline(form, null, document.body.dataset.offlineUnsent);
    }
  });

  document.addEventListener("DOMContentLoaded", function () { enhance(document); restoreDrafts(document); showInstall(document); offerPush(document); });
  document.addEventListener("htmx:load", function (event) {
    enhance(event.target);
    restoreDrafts(event.target);
    showInstall(event.target);
    offerPush(event.target);
  });
})();
