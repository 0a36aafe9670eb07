{% autoescape off %}// Trustapp's service worker. It keeps the app shell (our own static files) and the offline
// page, the same for everyone, and nothing else: pages always come from the network and are
// never stored, so no private page and no partner's words ever sit in a browser cache.
"use strict";

const VERSION = "{{ version }}";
const SHELL_CACHE = "trustapp-shell-" + VERSION;
const SHELL = {{ shell }};
const OFFLINE = {{ offline }};
const STATIC_PREFIX = {{ static_prefix }};

self.addEventListener("install", (event) => {
  // Fetched without cookies: what is kept could never be anyone's own page.
  const requests = SHELL.map((url) => new Request(url, { credentials: "omit", cache: "reload" }));
  event.waitUntil(
    caches.open(SHELL_CACHE)
      .then((cache) => cache.addAll(requests))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== SHELL_CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The network, always; without one, the offline page (what was typed stays in the tab).
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
    return;
  }
  if (request.method === "GET" && url.pathname.startsWith(STATIC_PREFIX)) {
    event.respondWith(caches.match(request, { ignoreSearch: true }).then((kept) => kept || fetch(request)));
  }
  // Anything else (htmx requests, forms, downloads) goes to the network untouched.
});

// Signing out: the page asks for everything to be forgotten.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "forget") {
    event.waitUntil(caches.keys().then((keys) => Promise.all(keys.map((key) => caches.delete(key)))));
  }
});

// Push: show what the server sent (title, body, the path it opens). The words come only from
// our own server, encrypted for this browser; in discreet mode they say only "You have an
// update". Nothing of it is kept.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = {};
  }
  const url = new URL(typeof data.url === "string" ? data.url : "/", self.location.origin);
  event.waitUntil(
    self.registration.showNotification(data.title || "Trustapp", {
      body: data.body || "",
      icon: {{ icon }},
      data: { url: url.origin === self.location.origin ? url.pathname + url.search : "/" },
    })
  );
});

// Clicking a notification brings an open tab of ours to its page, or opens one. Only paths
// of our own origin are ever opened.
function openFromNotification(notification) {
  notification.close();
  const target = new URL((notification.data && notification.data.url) || "/", self.location.origin);
  if (target.origin !== self.location.origin) return Promise.resolve(null);
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
    const own = windows.find((client) => new URL(client.url).origin === self.location.origin);
    if (!own) return self.clients.openWindow(target.href);
    return own.navigate(target.href).then((client) => (client || own).focus().catch(() => client || own));
  });
}

self.addEventListener("notificationclick", (event) => {
  event.waitUntil(openFromNotification(event.notification));
});
{% endautoescape %}
