"""Alice on her phone: the app installs its service worker, an offline visit shows the
offline page, an appreciation written while offline is sent by itself once she is back
online (and Bob sees it), and after signing out nothing of hers is in Cache Storage."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser]

CACHED_URLS = """async () => {
  const urls = [];
  for (const key of await caches.keys()) {
    const cache = await caches.open(key);
    for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
  }
  return urls;
}"""


def test_offline_the_app_keeps_her_words_and_nothing_private(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    log = f"/p/{partnership.public_id}/appreciations/"
    alice_page = browser_page(alice, phone=True)
    alice_page.goto(log)
    assert alice_page.evaluate(
        "navigator.serviceWorker.ready.then((registration) => registration.active.state)"
    ) in ("activating", "activated")
    alice_page.reload()  # now the worker answers this page's requests
    assert alice_page.evaluate("!!navigator.serviceWorker.controller")
    kept = alice_page.evaluate(CACHED_URLS)
    assert "/offline/" in kept and "/static/css/app.css" in kept
    assert all(url.startswith("/static/") or url == "/offline/" for url in kept), kept

    # Offline, a page of the space cannot come: the offline page says what to expect.
    context = alice_page.context
    context.set_offline(True)
    alice_page.goto(f"/p/{partnership.public_id}/agreements/")
    expect(
        alice_page.get_by_role("heading", name="You are offline; nothing you write is lost")
    ).to_be_visible()
    context.set_offline(False)

    # She starts writing; the tab keeps her words even through a reload.
    alice_page.goto(log)
    words = "Carried the shopping up four floors without a word."
    alice_page.get_by_label("What did Bob do?").fill(words)
    alice_page.reload()
    expect(alice_page.get_by_label("What did Bob do?")).to_have_value(words)

    # The connection drops and she presses the button anyway: the words wait, and go by
    # themselves once she is back online.
    context.set_offline(True)
    alice_page.get_by_role("button", name="Share with Bob").click()
    expect(alice_page.get_by_text("You are offline. What you wrote is kept here")).to_be_visible()
    expect(alice_page.get_by_label("What did Bob do?")).to_have_value(words)
    context.set_offline(False)
    expect(alice_page.get_by_text("Shared with Bob. Thank you for noticing.")).to_be_visible()
    expect(alice_page.get_by_label("What did Bob do?")).to_have_value("")
    assert "trustapp-draft" not in alice_page.evaluate("JSON.stringify(sessionStorage)")

    bob_page = browser_page(bob)
    bob_page.goto(log)
    expect(bob_page.locator("li.appreciation").filter(has_text=words)).to_be_visible()

    # Signing out: the browser forgets what it kept.
    alice_page.goto("/accounts/logout/")
    alice_page.get_by_role("button", name="Sign out").click()
    expect(alice_page.get_by_role("link", name="Sign in")).to_be_visible()
    assert alice_page.evaluate(CACHED_URLS) == []
    # Nor does the tab hold a page of hers (htmx keeps no copies of pages for going back).
    left = alice_page.evaluate("JSON.stringify(sessionStorage)")
    assert "trustapp-draft" not in left and "htmx-history-cache" not in left
    assert partnership.public_id not in left
