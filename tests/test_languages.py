"""Languages (issue 26): English, German, Spanish and French.

Pages speak the profile's language (signed in) or the browser's and the switcher's (signed
out); every email, push and partner notice speaks its reader's; dates follow the language.
The content rules (every prompt, question, agreement idea and helpline in every language)
are in tests/test_content_languages.py, the two-partner journey in
tests/browser/test_languages_journey.py.
"""

import importlib
import re
import shutil
from datetime import date
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import Context, Template
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.accounts.test_signup import sign_up
from tests.conftest import client_for
from trustapp.accounts.models import User
from trustapp.formats import NAMES

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def german(msgid):
    """`msgid` as the German catalog has it; fails when the catalog lacks it, so what a test
    asserts is always something a German reader really sees."""
    with translation.override("de"):
        text = gettext(msgid)
    assert text != msgid, f"the German catalog has no translation of {msgid!r}"
    return text


def html_lang(response):
    match = re.search(r'<html lang="([^"]*)"', response.content.decode())
    return match and match.group(1)


# -- Settings and catalogs ----------------------------------------------------------------


def test_four_languages_each_named_in_its_own_words():
    assert settings.LANGUAGES == [
        ("en", "English"),
        ("de", "Deutsch"),
        ("es", "Español"),
        ("fr", "Français"),
    ]


def test_every_language_but_english_has_a_catalog():
    assert [path.parent.parent.name for path in CATALOGS] == sorted(OTHER_LANGUAGES)


def catalog_problems(path):
    """The messages of a .po file that a reader would see in English: empty or fuzzy."""
    catalog = polib.pofile(str(path))
    problems = [f"fuzzy: {entry.msgid!r}" for entry in catalog.fuzzy_entries()]
    for entry in catalog:
        if entry.obsolete or entry.fuzzy:
            continue
        strings = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if not strings or not all(string.strip() for string in strings):
            problems.append(f"empty: {entry.msgid!r}")
    return problems


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.parent.parent.name)
def test_no_catalog_leaves_a_message_empty_or_fuzzy(path):
    problems = catalog_problems(path)
    assert not problems, f"{len(problems)} in {path.relative_to(ROOT)}:\n" + "\n".join(
        problems[:40]
    )


def test_the_catalog_check_catches_an_empty_a_fuzzy_and_an_empty_plural(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Kept"\nmsgstr "Gehalten"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Guessed"\nmsgstr "Geraten"\n\n'
        'msgid "one day"\nmsgid_plural "%(count)s days"\nmsgstr[0] "ein Tag"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )

    assert catalog_problems(path) == [
        "fuzzy: 'Guessed'",
        "empty: 'Empty'",
        "empty: 'one day'",
    ]


def test_compilemessages_compiles_every_catalog_cleanly(tmp_path, monkeypatch):
    """Django's compilemessages (GNU msgfmt --check-format) on a copy of the catalogs."""
    for path in CATALOGS:
        target = tmp_path / "locale" / path.relative_to(ROOT / "locale")
        target.parent.mkdir(parents=True)
        shutil.copy(path, target)
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("compilemessages", verbosity=0)
    compiled = sorted(tmp_path.glob("locale/*/LC_MESSAGES/django.mo"))
    assert [path.parent.parent.name for path in compiled] == sorted(OTHER_LANGUAGES)


def test_the_compiled_catalogs_stay_out_of_git():
    assert "*.mo" in (ROOT / ".gitignore").read_text().splitlines()
    assert "**/*.mo" in (ROOT / ".dockerignore").read_text().splitlines()


def test_make_install_and_the_image_compile_the_catalogs():
    makefile = (ROOT / "Makefile").read_text()
    assert "install: .venv/.synced $(CATALOGS:.po=.mo)" in makefile
    assert "manage.py compilemessages" in makefile
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "gettext" in dockerfile and "msgfmt --check-format" in dockerfile
    assert "COPY --from=messages /locale /app/locale" in dockerfile


# -- Dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_language_names_every_date_format(language):
    module = importlib.import_module(f"trustapp.formats.{language}.formats")
    assert [name for name in NAMES if not getattr(module, name, "")] == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Monday 7 December 2026 · 7 December"),
        ("de", "Montag, 7. Dezember 2026 · 7. Dezember"),
        ("es", "lunes 7 de diciembre de 2026 · 7 de diciembre"),
        ("fr", "lundi 7 décembre 2026 · 7 décembre"),
    ],
)
def test_dates_read_naturally_in_each_language(language, expected):
    template = Template('{{ day|date:"WEEKDAY_LONG_DATE" }} · {{ day|date:"DAY_MONTH" }}')
    with translation.override(language):
        assert template.render(Context({"day": date(2026, 12, 7)})) == expected


def test_no_template_spells_out_a_date_shape():
    """A shape like "j F Y" reads wrongly in German ("7 Dezember"): templates name one."""
    shapes = re.compile(r'\|date:"(?![A-Z_]+"|Y-m-d")')
    found = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.*")
        if path.suffix in (".html", ".txt") and shapes.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


# -- Pages: the switcher, the browser's language, the profile's ---------------------------


def test_a_signed_out_page_offers_every_language_without_javascript(client, db):
    page = client.get(reverse("home")).content.decode()

    form = re.search(r'<form class="language-switcher"[^>]*>(.*?)</form>', page, re.S)
    assert form, "no language switcher on the landing page"
    assert f'action="{reverse("set_language")}"' in form.group(0)
    assert 'hx-boost="false"' in form.group(0)
    for code, name in settings.LANGUAGES:
        assert f'<button type="submit" name="language" value="{code}" lang="{code}"' in form.group(
            1
        )
        assert f">{name}</button>" in form.group(1)
    assert 'name="next" value="/"' in form.group(1)


@pytest.mark.parametrize(
    "name", ["account_login", "account_signup", "account_reset_password", "safety"]
)
def test_every_entrance_page_has_the_switcher(client, db, name):
    assert 'class="language-switcher"' in client.get(reverse(name)).content.decode()


def test_a_signed_in_page_has_no_switcher_the_profile_has_the_choice(alice_client):
    assert 'class="language-switcher"' not in alice_client.get(reverse("home")).content.decode()


def test_choosing_a_language_signed_out_keeps_it_for_the_next_pages(client, db):
    response = client.post(
        reverse("set_language"), {"language": "de", "next": reverse("account_login")}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    page = client.get(reverse("account_login"))
    assert html_lang(page) == "de"
    assert page["Content-Language"] == "de"
    assert german("Welcome back") in page.content.decode()
    assert re.search(r'value="de" lang="de" class="link-button" aria-current="true"', page.text)
    # Each name stays in its own language, whatever the page's ("English", not "Englisch").
    assert 'lang="en" class="link-button">English</button>' in page.text


def test_a_signed_out_page_follows_the_browsers_language(client, db):
    page = client.get(reverse("account_login"), headers={"accept-language": "de-AT,de;q=0.9"})

    assert html_lang(page) == "de"
    assert german("Welcome back") in page.content.decode()
    assert "Accept-Language" in page["Vary"]


def test_a_language_we_do_not_speak_falls_back_to_english(client, db):
    page = client.get(reverse("account_login"), headers={"accept-language": "ja"})

    assert html_lang(page) == "en"


def test_switching_to_an_unknown_language_changes_nothing(client, db):
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/"})

    assert response.status_code == 302
    assert html_lang(client.get("/")) == "en"


def test_the_switcher_never_sends_anyone_to_another_site(client, db):
    response = client.post(
        reverse("set_language"), {"language": "de", "next": "https://elsewhere.example/"}
    )

    assert response.status_code == 302
    assert "elsewhere.example" not in response["Location"]


def test_a_signed_in_person_reads_their_profiles_language_whatever_the_browser(alice):
    alice.language = "de"
    alice.save(update_fields=["language"])
    client = client_for(alice)

    page = client.get(reverse("home"), headers={"accept-language": "fr"})

    assert html_lang(page) == "de"
    assert page["Content-Language"] == "de"
    assert german("Account") in page.content.decode()


def test_a_blank_profile_language_follows_the_browser(alice_client):
    page = alice_client.get(reverse("home"), headers={"accept-language": "de"})

    assert html_lang(page) == "de"


def test_the_profile_offers_each_language_in_its_own_words(alice_client):
    page = alice_client.get(reverse("accounts:profile")).content.decode()

    select = re.search(r'<select name="language"[^>]*>(.*?)</select>', page, re.S)
    assert select, "no language choice on the profile page"
    assert '<option value="" selected>' in select.group(1)
    for code, name in settings.LANGUAGES:
        assert f'<option value="{code}" lang="{code}">{name}</option>' in select.group(1)


def test_choosing_a_language_in_the_profile_changes_every_page(alice, alice_client):
    data = {"display_name": "Alice", "time_zone": "Europe/Berlin", "theme": "system"}

    response = alice_client.post(reverse("accounts:profile"), {**data, "language": "de"})

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.language == "de"
    page = alice_client.get(response["Location"])
    assert html_lang(page) == "de"
    # "Saved" is said in the language just chosen.
    assert german("Saved. Times now show in %(zone)s.") % {"zone": "Europe/Berlin"} in page.text


def test_with_htmx_a_new_language_reloads_the_whole_page(alice, alice_client, htmx_headers):
    data = {"display_name": "Alice", "time_zone": "Europe/Berlin", "theme": "system"}

    response = alice_client.post(
        reverse("accounts:profile"), {**data, "language": "fr"}, headers=htmx_headers
    )

    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("accounts:profile")


def test_a_language_that_is_not_offered_is_refused_kindly(alice, alice_client):
    data = {"display_name": "Alice", "time_zone": "Europe/Berlin", "theme": "system"}

    response = alice_client.post(reverse("accounts:profile"), {**data, "language": "xx"})

    assert response.status_code == 200
    assert "language" in response.context["form"].errors
    alice.refresh_from_db()
    assert alice.language == ""


def test_a_profile_form_from_before_the_choice_keeps_the_language(alice, alice_client):
    alice.language = "es"
    alice.save(update_fields=["language"])

    alice_client.post(
        reverse("accounts:profile"),
        {"display_name": "Alice", "time_zone": "Europe/Berlin", "theme": "system"},
    )

    alice.refresh_from_db()
    assert alice.language == "es"


def test_a_language_chosen_before_signing_up_becomes_the_profiles(client, db):
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})

    sign_up(client, email="camille@example.com")

    assert User.objects.get(email="camille@example.com").language == "fr"


def test_signing_up_with_a_german_browser_keeps_german(client, db):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"

    sign_up(client, email="jonas@example.com")

    assert User.objects.get(email="jonas@example.com").language == "de"


def test_signing_up_in_the_default_language_follows_the_browser_later(client, db):
    sign_up(client, email="sam@example.com")

    assert User.objects.get(email="sam@example.com").language == ""
