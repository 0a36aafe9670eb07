"""The installable app: the service worker, the offline page, the manifest and its
shortcuts, and a sign-out that makes the browser forget what it kept."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.conftest import make_partnership


def shell_of(response):
    return json.loads(re.search(r"const SHELL = (\[.*?\]);", response.content.decode()).group(1))


def test_the_service_worker_is_served_from_the_root_for_the_whole_site(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert "&quot;" not in response.content.decode()  # JavaScript, not escaped HTML


def test_it_keeps_only_our_static_files_and_the_offline_page(alice_client, partnership):
    shell = shell_of(alice_client.get("/sw.js"))
    assert "/offline/" in shell
    for url in shell:
        if url != "/offline/":
            assert url.startswith("/static/") and finders.find(url.removeprefix("/static/")), url
    assert partnership.public_id not in alice_client.get("/sw.js").content.decode()


def test_it_keeps_every_stylesheet_and_script_a_page_loads(alice_client, partnership):
    """The offline page is drawn with the shell; a file a page loads but the shell lacks
    leaves the offline page unstyled."""
    shell = set(shell_of(alice_client.get("/sw.js")))
    page = alice_client.get(reverse("couples:home", args=[partnership.public_id])).content
    files = rb'<(?:link rel="stylesheet" href|script[^>]*src)="(/static/[^"]+)"'
    loaded = {url.decode() for url in re.findall(files, page)}
    assert loaded and loaded <= shell


def test_a_new_set_of_files_is_a_new_version(client, db, settings):
    first = re.search(r'const VERSION = "(\w+)"', client.get("/sw.js").content.decode())[1]
    settings.STATIC_URL = "/assets/"
    second = re.search(r'const VERSION = "(\w+)"', client.get("/sw.js").content.decode())[1]
    assert first != second


def test_every_page_names_the_worker_and_no_page_has_an_inline_script(alice_client, partnership):
    body = alice_client.get(reverse("couples:home", args=[partnership.public_id])).content
    assert b'data-service-worker="/sw.js"' in body
    assert re.findall(rb"<script(?![^>]*\bsrc=)[^>]*>", body) == []


def test_the_offline_page_is_the_same_for_everyone_and_names_nobody(alice_client, client):
    signed_in = alice_client.get("/offline/").content.decode()
    signed_out = client.get("/offline/").content.decode()
    assert "You are offline; nothing you write is lost" in signed_out
    assert "Alice" not in signed_in and "csrf" not in signed_in.lower()
    assert re.sub(r"\s+", " ", signed_in) == re.sub(r"\s+", " ", signed_out)


def test_the_manifest_is_complete(client, db):
    manifest = client.get(reverse("manifest")).json()
    assert manifest["id"] == "/" and manifest["display"] == "standalone"
    purposes = {(icon.get("purpose", "any"), icon["sizes"]) for icon in manifest["icons"]}
    assert {("maskable", "192x192"), ("maskable", "512x512"), ("any", "512x512")} <= purposes
    assert [s["url"] for s in manifest["shortcuts"]] == [
        "/go/check-in/",
        "/go/agreements/",
        "/go/appreciations/",
        "/go/conversations/",
    ]
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon


@pytest.mark.parametrize(
    ("section", "path"),
    [
        ("check-in", "check-ins/"),
        ("agreements", "agreements/"),
        ("appreciations", "appreciations/"),
        ("conversations", "conversations/"),
    ],
)
def test_a_shortcut_opens_that_section_of_ones_space(alice_client, partnership, section, path):
    response = alice_client.get(f"/go/{section}/")
    assert response.status_code == 302
    assert response["Location"] == f"/p/{partnership.public_id}/{path}"


def test_with_several_spaces_a_shortcut_lets_one_choose(alice_client, alice, carol, partnership):
    make_partnership(alice, carol)
    assert alice_client.get("/go/agreements/")["Location"] == "/?all"


def test_without_a_space_a_shortcut_opens_the_spaces(alice_client, db):
    assert alice_client.get("/go/agreements/")["Location"] == "/?all"


def test_an_unknown_shortcut_is_a_404(alice_client, db):
    assert alice_client.get("/go/elsewhere/").status_code == 404


def test_a_shortcut_needs_sign_in(client, db):
    assert client.get("/go/agreements/")["Location"].startswith("/accounts/login/")


def test_signing_out_tells_the_browser_to_forget_what_it_kept(alice_client, alice):
    page = alice_client.get(reverse("account_logout")).content.decode()
    assert 'action="/accounts/logout/" data-forget' in page
    response = alice_client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_a_signed_out_visit_to_sign_out_forgets_nothing_it_did_not_need_to(client, db):
    assert "Clear-Site-Data" not in client.get(reverse("account_logout"))


def test_the_install_link_is_hidden_until_the_browser_offers_it(alice_client):
    body = alice_client.get(reverse("accounts:profile")).content.decode()
    assert '<li data-install hidden><button type="button" class="link-button">' in body
