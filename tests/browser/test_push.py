"""Alice lets her phone show notifications; Bob appreciates her; the push reaches her
service worker, which shows it, and clicking it opens the appreciation's page. With
JavaScript off, the settings page simply offers no push at all."""

import json

import pytest
from playwright.sync_api import expect

from tests.notifications.conftest import set_preference
from trustapp.appreciations.models import Appreciation
from trustapp.notifications import push, services
from trustapp.notifications.models import ReminderDelivery

pytestmark = [pytest.mark.browser]

NOTIFICATIONS = """() => navigator.serviceWorker.ready
  .then((registration) => registration.getNotifications())
  .then((shown) => shown.map((n) => ({title: n.title, body: n.body, url: n.data.url})))"""


def test_a_push_shows_a_notification_that_opens_the_right_page(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    # Without JavaScript nothing about push appears.
    plain = browser_page(alice, java_script_enabled=False)
    plain.goto("/me/reminders/")
    expect(plain.get_by_role("heading", name="Reminders", exact=True)).to_be_visible()
    expect(plain.get_by_text("Notifications on your devices")).to_be_hidden()

    alice_page = browser_page(alice, phone=True)
    alice_page.context.grant_permissions(["notifications"], origin=live_server.url)
    alice_page.goto("/me/reminders/")
    offer = alice_page.get_by_role("button", name="Show notifications on this device")
    expect(offer).to_be_visible()  # the Push API is there: the quiet offer appears
    registration = alice_page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert registration == live_server.url + "/"

    # Bob appreciates her; Alice takes each one as it comes.
    set_preference(alice, activity_emails="each")
    bob_page = browser_page(bob)
    bob_page.goto(f"/p/{partnership.public_id}/appreciations/")
    bob_page.get_by_label("What did Alice do?").fill("Fixed the bike before my early shift.")
    bob_page.get_by_role("button", name="Share with Alice").click()
    expect(bob_page.get_by_text("Shared with Alice")).to_be_visible()
    services.partner_notices_dispatch()
    delivery = ReminderDelivery.objects.get(user=alice, kind="digest")
    payload = push.build_all([delivery], now=delivery.due_at, on_error=None)[delivery.pk]

    # What the push service would hand her browser, delivered through DevTools.
    cdp = alice_page.context.new_cdp_session(alice_page)
    registrations = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(event["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    alice_page.wait_for_timeout(300)
    [registration_id] = {r["registrationId"] for r in registrations if not r["isDeleted"]}
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": live_server.url, "registrationId": registration_id, "data": json.dumps(payload)},
    )
    alice_page.wait_for_function(
        "navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((n) => n.length)",
    )
    [shown] = alice_page.evaluate(NOTIFICATIONS)
    assert shown == {
        "title": "Bob appreciated something you did",
        "body": payload["body"],
        "url": Appreciation.objects.get(partnership=partnership).get_absolute_url(),
    }

    # Clicking it (what the worker's notificationclick does) opens the appreciation.
    [worker] = alice_page.context.service_workers
    worker.evaluate(
        "self.registration.getNotifications().then((shown) => openFromNotification(shown[0]))"
    )
    expect(alice_page).to_have_url(live_server.url + payload["url"])
    expect(alice_page.get_by_text("Fixed the bike before my early shift.")).to_be_visible()
    assert alice_page.evaluate(NOTIFICATIONS) == []  # closed once opened
