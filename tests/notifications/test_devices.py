"""Devices on the reminder settings page: added by the browser, renamed, removed, and the
push choices; all plain forms that work without JavaScript (only adding needs it)."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.notifications.push_support import Device
from trustapp.notifications.models import PushSubscription, ReminderPreference

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

SETTINGS = reverse("notifications:settings")
ADD = reverse("notifications:device_add")
ENDPOINT = "https://push.example.net/send/abc123"


def added(user, name="My phone", endpoint=ENDPOINT):
    return Device().subscribe(user, endpoint, name=name)


def rename(device):
    return reverse("notifications:device_rename", args=[device.pk])


def remove(device):
    return reverse("notifications:device_remove", args=[device.pk])


def test_without_a_device_the_page_offers_push_only_to_a_browser_that_can(alice_client):
    page = alice_client.get(SETTINGS).content.decode()
    # The section stays hidden for a page without JavaScript; app.js shows it when the
    # browser has the Push API, and the key it subscribes with is on the form.
    assert "data-push-only hidden" in page
    assert "data-push-key=" in page
    assert "Your devices" not in page and "Save notification choices" not in page


def test_a_browser_adds_itself_and_the_page_lists_it(alice_client, alice):
    device = Device()
    response = alice_client.post(
        ADD,
        {"endpoint": ENDPOINT, "p256dh": device.p256dh, "auth": device.auth, "name": "My phone"},
    )
    assert response.status_code == 302
    [saved] = PushSubscription.objects.filter(user=alice)
    assert (saved.endpoint, saved.name, saved.auth) == (ENDPOINT, "My phone", device.auth)
    page = alice_client.get(SETTINGS).content.decode()
    assert 'value="My phone"' in page and "Save notification choices" in page
    assert "data-push-only" not in page  # with a device, the list shows without JavaScript


@pytest.mark.parametrize(
    "changes",
    [
        {"endpoint": "http://push.example.net/x"},
        {"endpoint": "https://127.0.0.1:6379/x"},
        {"endpoint": "https://localhost/x"},
        {"endpoint": "not a url"},
        {"p256dh": "short"},
        {"auth": "!!!"},
    ],
)
def test_a_subscription_that_cannot_be_used_is_refused_with_a_message(alice_client, changes):
    device = Device()
    data = {"endpoint": ENDPOINT, "p256dh": device.p256dh, "auth": device.auth} | changes
    response = alice_client.post(ADD, data, follow=True)
    assert response.status_code == 200
    assert not PushSubscription.objects.exists()
    assert "could not be added" in response.content.decode()


def test_the_same_browser_signed_in_as_someone_else_moves_to_them(alice, bob):
    added(alice)
    added(bob, name="Shared tablet")
    [device] = PushSubscription.objects.all()
    assert (device.user, device.name) == (bob, "Shared tablet")


def test_a_device_is_renamed_and_a_blank_name_is_refused(alice_client, alice):
    device = added(alice)
    assert alice_client.post(rename(device), {"name": "  Work   laptop "}).status_code == 302
    device.refresh_from_db()
    assert device.name == "Work laptop"
    response = alice_client.post(rename(device), {"name": "   "}, follow=True)
    assert "Please give the device a name" in response.content.decode()
    device.refresh_from_db()
    assert device.name == "Work laptop"


def test_a_device_is_removed(alice_client, alice):
    device = added(alice)
    response = alice_client.post(remove(device), follow=True)
    assert "Nothing more will come to My phone" in response.content.decode()
    assert not PushSubscription.objects.exists()


def test_someone_elses_device_is_404_and_left_alone(bob_client, alice):
    device = added(alice)
    assert bob_client.post(rename(device), {"name": "Mine now"}).status_code == 404
    assert bob_client.post(remove(device)).status_code == 404
    device.refresh_from_db()
    assert device.name == "My phone"


def test_the_device_forms_take_only_post(alice_client, alice):
    device = added(alice)
    for url in (ADD, rename(device), remove(device), reverse("notifications:push_choices")):
        assert alice_client.get(url).status_code == 405


def test_signed_out_visitors_are_sent_to_sign_in(client, alice):
    device = added(alice)
    response = client.post(remove(device))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert PushSubscription.objects.exists()


def test_push_choices_and_quiet_hours_are_saved(alice_client, alice):
    added(alice)
    response = alice_client.post(
        reverse("notifications:push_choices"),
        {"push_reminders": "on", "push_pause": "on", "quiet_from": "23:00", "quiet_until": "07:30"},
    )
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(user=alice)
    assert (preference.push_reminders, preference.push_activity) == (True, False)
    assert (preference.push_question, preference.push_pause) == (False, True)
    assert (str(preference.quiet_from), str(preference.quiet_until)) == ("23:00:00", "07:30:00")


def test_quiet_hours_with_one_end_only_are_explained(alice_client, alice):
    added(alice)
    response = alice_client.post(
        reverse("notifications:push_choices"), {"push_reminders": "on", "quiet_from": "23:00"}
    )
    assert response.status_code == 400
    assert "Please give both ends of the quiet hours" in response.content.decode()
    response = alice_client.post(
        reverse("notifications:push_choices"), {"quiet_from": "late", "quiet_until": "07:00"}
    )
    assert "Please enter a time like 22:00." in response.content.decode()
    assert not ReminderPreference.objects.exists()


# -- Privacy ------------------------------------------------------------------------------


def test_the_download_names_the_devices_and_never_their_keys(alice_client, alice):
    device = added(alice)
    response = alice_client.post(reverse("privacy:export"))
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        files = {name: archive.read(name).decode() for name in archive.namelist()}
    [listed] = json.loads(files["reminders.json"])["devices"]
    assert listed["name"] == "My phone" and listed["added"]
    everything = "\n".join(files.values())
    assert "My phone" in everything
    for secret in (device.endpoint, device.p256dh, device.auth, "push.example.net"):
        assert secret not in everything


def test_deleting_the_account_deletes_its_devices(alice_client, alice, bob):
    added(alice)
    added(bob, endpoint="https://push.example.net/send/bob")
    alice_client.post(reverse("privacy:delete"), {"password": PASSWORD})
    assert list(PushSubscription.objects.values_list("user", flat=True)) == [bob.pk]
