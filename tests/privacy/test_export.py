"""Download my data: what the zip holds, and who can fetch it."""

import io
import json
import re
import zipfile
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.privacy.conftest import ALICE_PRIVATE, ALICE_SHARED, BOB_PRIVATE, BOB_SHARED
from tests.support.mail import last_message_to
from trustapp.privacy import export as exports
from trustapp.privacy.models import DataExport

URL = reverse("privacy:export")


def unzip(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def download(client):
    response = client.post(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return unzip(b"".join(response.streaming_content))


def everything(files):
    return "\n".join(files.values())


def test_the_zip_holds_one_json_file_per_area_and_a_readable_page(alice_client, filled):
    files = download(alice_client)
    assert set(files) >= {
        "README.txt",
        "your-data.html",
        "account.json",
        "partnerships.json",
        "agreements.json",
        "appreciations.json",
        "conversations.json",
        "checkins.json",
        "reminders.json",
        "personal-copies.json",
    }
    for name in files:
        if name.endswith(".json"):
            json.loads(files[name])


def test_it_holds_my_words_and_what_my_partner_shared(alice_client, filled):
    files = download(alice_client)
    for words in ALICE_SHARED + ALICE_PRIVATE + BOB_SHARED:
        assert words in files["your-data.html"], words
        assert words in everything({k: v for k, v in files.items() if k.endswith(".json")}), words


def test_it_never_holds_my_partners_private_notes_or_unrevealed_answers(alice_client, filled):
    text = everything(download(alice_client))
    for words in BOB_PRIVATE:
        assert words not in text, words


def test_my_partners_download_keeps_my_private_words_out(bob_client, filled):
    text = everything(download(bob_client))
    for words in ALICE_PRIVATE:
        assert words not in text, words
    for words in BOB_PRIVATE + BOB_SHARED + ALICE_SHARED:
        assert words in text, words


def test_agreements_come_with_their_history(alice_client, filled):
    files = download(alice_client)
    space = json.loads(files["agreements.json"])[0]
    agreement = space["agreements"][0]
    assert agreement["revisions"][0]["text"] == "alice-agreement-text"
    assert agreement["revisions"][0]["by"] == "you"
    assert {c["by"] for c in agreement["revisions"][0]["consents"]} == {"you", "partner"}
    assert agreement["comments"][0] == {
        "by": "partner",
        "text": "bob-comment",
        "written_at": agreement["comments"][0]["written_at"],
    }
    assert [e["by"] for e in agreement["history"]][:1] == ["you"]
    assert space["boundaries"][0]["revisions"][0]["acknowledged"][0]["by"] == "you"


def test_account_and_reminder_settings_are_included(alice_client, alice, filled):
    files = download(alice_client)
    assert json.loads(files["account.json"])["email"] == alice.email
    assert json.loads(files["reminders.json"])["how_often"] == "weekly"
    spaces = json.loads(files["partnerships.json"])
    assert spaces[0]["partner"] == "Bob"
    assert spaces[0]["data_choice"]["choice"] == "own_words"


def test_the_readable_page_fetches_nothing_and_runs_nothing(alice_client, filled):
    page = download(alice_client)["your-data.html"]
    assert "<script" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "external reference"
    assert "@import" not in page and "url(" not in page
    assert "<style>" in page  # self-contained: its styles travel inside it


def test_a_small_download_is_streamed_at_once(alice_client, filled):
    response = alice_client.post(URL)
    assert response.streaming
    assert not DataExport.objects.exists()


def test_the_page_explains_what_is_inside(alice_client):
    response = alice_client.get(URL)
    assert response.status_code == 200
    assert b"Download my data" in response.content
    assert response["Cache-Control"].startswith("max-age=0")


def test_it_rejects_other_methods(alice_client):
    assert alice_client.put(URL).status_code == 405


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.post(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# -- Large downloads --------------------------------------------------------------------


@pytest.fixture
def large(settings):
    settings.EXPORT_DIRECT_MAX_ROWS = 0


def ready_export(client, user):
    response = client.post(URL, follow=True)
    assert b"putting your download together" in response.content
    return DataExport.objects.get(user=user)


def test_a_large_download_is_built_in_the_background_and_emailed(
    alice_client, alice, filled, large, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = ready_export(alice_client, alice)
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY
    assert export.expires_at == export.ready_at + timedelta(hours=24)
    message = last_message_to(alice.email)
    assert "ready" in message.subject
    page = alice_client.get(URL)
    link = re.search(rb'href="(/me/data/[^"/]+/)"', page.content).group(1).decode()
    response = alice_client.get(link)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    files = unzip(response.content)
    assert "alice-private-note" in everything(files)
    assert "bob-private-note" not in everything(files)


def test_the_page_polls_while_a_download_is_being_prepared(alice_client, alice, htmx_headers):
    DataExport.objects.create(user=alice, expires_at=timezone.now() + timedelta(hours=1))
    response = alice_client.get(URL, headers=htmx_headers)
    assert response.status_code == 200
    assert b'hx-trigger="every 3s"' in response.content
    assert b"<html" not in response.content


def test_asking_twice_builds_one_download(alice, large):
    with mock.patch("trustapp.privacy.tasks.build_export.delay"):
        first = exports.export_request(user=alice)
        second = exports.export_request(user=alice)
    assert first.pk == second.pk


def _ready(user, **fields):
    now = timezone.now()
    values = {
        "status": DataExport.Status.READY,
        "ready_at": now,
        "expires_at": now + timedelta(hours=24),
        "content": b"zip",
    } | fields
    return DataExport.objects.create(user=user, **values)


def link(export):
    return reverse("privacy:export_download", args=[exports.download_token(export)])


def test_a_download_link_works_for_its_owner(alice_client, alice):
    response = alice_client.get(link(_ready(alice)))
    assert response.status_code == 200
    assert response.content == b"zip"


def test_a_download_link_is_404_for_anyone_else(bob_client, carol_client, client, alice):
    url = link(_ready(alice))
    assert bob_client.get(url).status_code == 404
    assert carol_client.get(url).status_code == 404
    assert client.get(url).status_code == 302  # signed out: to sign in, then still 404


def test_an_expired_download_link_is_404(alice_client, alice):
    past = timezone.now() - timedelta(minutes=1)
    assert alice_client.get(link(_ready(alice, expires_at=past))).status_code == 404


def test_a_link_older_than_a_day_is_404_even_if_the_row_remains(alice_client, alice):
    export = _ready(alice, expires_at=timezone.now() + timedelta(days=3))
    yesterday = timezone.now().timestamp() - 25 * 3600
    with mock.patch("django.core.signing.time.time", return_value=yesterday):
        url = link(export)
    assert alice_client.get(url).status_code == 404


def test_a_tampered_link_is_404(alice_client, alice):
    url = link(_ready(alice))
    assert alice_client.get(url[:-3] + "xx/").status_code == 404


def test_the_expiry_task_deletes_downloads_past_their_day(alice, bob):
    from trustapp.privacy.tasks import expire_exports

    old = _ready(alice, expires_at=timezone.now() - timedelta(seconds=1))
    fresh = _ready(bob)
    expire_exports.delay()
    assert not DataExport.objects.filter(pk=old.pk).exists()
    assert DataExport.objects.filter(pk=fresh.pk).exists()


def test_the_beat_schedule_runs_the_expiry_and_archive_tasks(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"accounts.expire_exports", "couples.apply_data_choices"} <= tasks


def test_a_download_lost_on_its_way_is_given_up_and_can_be_asked_for_again(alice, large):
    from trustapp.privacy.tasks import expire_exports

    lost = DataExport.objects.create(
        user=alice,
        created_at=timezone.now() - timedelta(minutes=20),
        expires_at=timezone.now() + timedelta(hours=1),
    )
    assert not lost.is_preparing
    with mock.patch("trustapp.privacy.tasks.build_export.delay"):
        again = exports.export_request(user=alice)
    assert again.pk != lost.pk
    expire_exports.delay()
    lost.refresh_from_db()
    assert lost.status == DataExport.Status.FAILED


def test_the_readable_page_names_two_factor_sign_in_in_words(alice_client, alice, filled):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(alice, generate_totp_secret())
    RecoveryCodes.activate(alice)
    page = download(alice_client)["your-data.html"]
    assert "an authenticator app, recovery codes" in page
    assert "recovery_codes" not in page and "totp" not in page


def test_a_retired_agreement_s_last_words_are_not_called_in_force(alice_client, alice, bob, filled):
    from trustapp.agreements import services as agreements
    from trustapp.agreements.models import Agreement

    agreement = Agreement.objects.get()
    agreements.agreement_retire(agreement=agreement, user=alice)
    agreements.agreement_retire(agreement=agreement, user=bob)
    files = download(alice_client)
    revision = json.loads(files["agreements.json"])[0]["agreements"][0]["revisions"][0]
    assert (revision["agreed"], revision["in_force"]) == (True, False)
    page = files["your-data.html"]
    assert "no longer in force" in page
    assert "<strong>in force</strong>" not in page


def test_the_name_of_the_space_is_in_the_download(alice_client, partnership, filled):
    from trustapp.couples.services import partnership_rename

    partnership_rename(partnership=partnership, name="Our corner")
    spaces = json.loads(download(alice_client)["partnerships.json"])
    assert [space["name"] for space in spaces] == ["Our corner"]


def test_the_readable_page_says_you_and_the_partner_in_sentences_of_their_own(alice_client, filled):
    """A name and "you" need other verb forms in most languages: one sentence for each."""
    page = re.sub(r"\s+", " ", download(alice_client)["your-data.html"])
    assert "Version 1, written by you on" in page
    assert "You agreed on" in page and "Bob agreed on" in page
    assert "Proposed it · you" in page  # the history names who beside what happened


def test_the_download_is_in_the_reader_s_language(alice_client, alice, filled):
    """The app's own words in a download (a category's name, the page's headings) follow the
    reader's profile, like everything else written to them."""
    from trustapp.lib.i18n import translated

    alice.language = "de"
    alice.save(update_fields=["language"])
    category = filled.agreement.category
    german = translated(category, "name", "de")
    assert german != category.name
    files = download(alice_client)
    spaces = json.loads(files["agreements.json"])
    assert [item["category"] for space in spaces for item in space["agreements"]] == [german]
    assert german in files["your-data.html"]
    assert '<html lang="de"' in files["your-data.html"]
