"""Allauth's and Django's own words on our account pages speak as we do (issue 26).

Their catalogs address the reader formally (German "Sie", Spanish "usted", French "vous");
trustapp/accounts/borrowed_words.py puts the words that reach our pages into our catalog,
translated informally. These tests render the sign-in and sign-up pages with bad input, so
an allauth or Django upgrade that brings a new formal sentence is caught where we show it.
"""

import html
import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.accounts.helpers import sign_in
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent

# Words only the formal address uses. "ihr"/"euch" (German) and "vous deux" (French) speak
# to the couple and are ours; the sign-in and sign-up pages have no reason for "su" either.
FORMAL = {
    "de": r"\b(Sie|Ihnen|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b",
    "es": r"\b(usted|ustedes|Su|introduzca|Introduzca|ingrese|Ingrese|asegúrese|inténtelo|"
    r"Inténtelo|utilice|Utilice|indique|ha indicado)\b",
    "fr": r"\b(vous|Vous|votre|Votre|vos|Vos|veuillez|Veuillez|saisissez|Saisissez)\b",
}
LANGUAGES = sorted(FORMAL)


def visible_words(response):
    """What a reader sees or hears: text, placeholders and labels, not markup or scripts."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.DOTALL)
    attributes = re.findall(r'(?:placeholder|aria-label|title|value)="([^"]*)"', body)
    text = re.sub(r"<[^>]+>", " ", body)
    return html.unescape(" ".join([text, *attributes])).replace("vous deux", "")


def assert_informal(response, language):
    found = sorted(set(re.findall(FORMAL[language], visible_words(response))))
    assert not found, f"formal address on the page in {language}: {found}"


def informal(language, msgid):
    """`msgid` as our catalog says it; fails if allauth's or Django's wording would show."""
    with translation.override(language):
        text = gettext(msgid)
    assert text != msgid
    return text


def signed_out(client, language):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client


SIGN_UP_MISTAKES = {
    "empty": {},
    "not-an-email-and-different-passwords": {
        "email": "sam@",
        "password1": PASSWORD,
        "password2": PASSWORD + "x",
        "time_zone": "UTC",
    },
    "weak-password": {
        "email": "sam@example.com",
        "password1": "12345678",
        "password2": "12345678",
        "time_zone": "UTC",
    },
    "short-password-like-the-email": {
        "email": "samuel@example.com",
        "password1": "samuel",
        "password2": "samuel",
        "time_zone": "UTC",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("mistake", sorted(SIGN_UP_MISTAKES))
def test_sign_up_mistakes_are_told_informally(client, db, language, mistake):
    response = signed_out(client, language).post(
        reverse("account_signup"), SIGN_UP_MISTAKES[mistake]
    )
    assert response.status_code == 200
    assert_informal(response, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_up_says_the_borrowed_words_in_our_voice(client, db, language):
    body = visible_words(
        signed_out(client, language).post(
            reverse("account_signup"), SIGN_UP_MISTAKES["not-an-email-and-different-passwords"]
        )
    )
    assert informal(language, "You must type the same password each time.") in body
    assert informal(language, "Password (again)") in body
    assert informal(language, "Enter a valid email address.") in body
    body = visible_words(client.post(reverse("account_signup"), SIGN_UP_MISTAKES["empty"]))
    assert informal(language, "This field is required.") in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_in_mistakes_are_told_informally(client, alice, language):
    client = signed_out(client, language)
    assert_informal(client.get(reverse("account_login")), language)
    assert_informal(client.post(reverse("account_login"), {}), language)
    response = client.post(reverse("account_login"), {"login": "alice@", "password": "x"})
    assert_informal(response, language)
    wrong = {"login": "alice@example.com", "password": "not-it"}
    response = sign_in(client, password=wrong["password"])
    assert_informal(response, language)
    message = "The email address and/or password you specified are not correct."
    assert informal(language, message) in visible_words(response)
    for _attempt in range(6):  # ACCOUNT_RATE_LIMITS: 5 failures per 5 minutes per address
        response = client.post(reverse("account_login"), wrong)
    assert informal(language, "Too many failed login attempts. Try again later.") in (
        visible_words(response)
    )
    assert_informal(response, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_borrowed_word_has_an_informal_translation(language):
    catalog = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    borrowed = [
        entry
        for entry in catalog
        if any(path.endswith("borrowed_words.py") for path, _line in entry.occurrences)
    ]
    assert len(borrowed) > 40
    for entry in borrowed:
        strings = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        assert all(strings) and not entry.fuzzy, entry.msgid
        for string in strings:
            assert not re.search(FORMAL[language], string), (entry.msgid, string)
