"""Light, dark or the device's own colours, per person, right from the first paint."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

URL = reverse("accounts:profile")
CSS = Path(settings.BASE_DIR, "static", "css")


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_a_new_person_follows_their_device(alice_client):
    response = alice_client.get(URL)
    assert 'data-theme="system"' in html_tag(response)
    assert '<meta name="color-scheme" content="light dark">' in response.content.decode()


def test_signed_out_pages_follow_the_device(client, db):
    response = client.get(reverse("account_login"))
    assert 'data-theme="system"' in html_tag(response)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_chosen_colours_are_on_the_html_element_of_every_page(
    alice_client, alice, partnership, theme
):
    response = alice_client.post(URL, {"display_name": "Alice", "time_zone": "UTC", "theme": theme})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.theme == theme
    for url in (URL, reverse("couples:home", args=[partnership.public_id])):
        page = alice_client.get(url)
        assert f'data-theme="{theme}"' in html_tag(page)
        assert f'<meta name="color-scheme" content="{theme}">' in page.content.decode()


def test_an_unknown_theme_is_explained_and_nothing_changes(alice_client, alice):
    response = alice_client.post(
        URL, {"display_name": "Alice", "time_zone": "UTC", "theme": "neon"}
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    alice.refresh_from_db()
    assert alice.theme == "system"


def test_htmx_reloads_the_whole_page_when_the_colours_change(alice_client, htmx_headers):
    response = alice_client.post(
        URL, {"display_name": "Alice", "time_zone": "UTC", "theme": "dark"}, headers=htmx_headers
    )
    assert response["HX-Redirect"] == URL
    assert b"Saved." in alice_client.get(URL).content


def test_htmx_swaps_just_the_form_when_the_colours_stay(alice_client, htmx_headers):
    response = alice_client.post(
        URL, {"display_name": "Ali", "time_zone": "UTC", "theme": "system"}, headers=htmx_headers
    )
    assert "HX-Redirect" not in response
    assert response.content.decode().lstrip().startswith("<form")


# The stylesheet: each colour is written once as light-dark(light, dark); the html element's
# color-scheme (set from data-theme, or "light dark" to follow the device) picks one.


def palettes():
    text = (CSS / "app.css").read_text()
    pairs = re.findall(r"(--[\w-]+): light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)", text)
    return {name: light for name, light, _ in pairs}, {name: dark for name, _, dark in pairs}


def luminance(hex_colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(first, second):
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_colour_scheme_follows_the_choice_or_else_the_device():
    text = (CSS / "app.css").read_text()
    assert re.search(r":root \{[^}]*color-scheme: light dark;", text)
    assert ':root[data-theme="light"] { color-scheme: light; }' in text
    assert ':root[data-theme="dark"] { color-scheme: dark; }' in text


READABLE = [
    (fg, bg)
    for fg in ("--text", "--muted", "--accent", "--danger", "--ok")
    for bg in ("--bg", "--surface", "--accent-soft")
] + [("--accent-text", "--accent")]
# Hard moments in calm amber: readable on every background they sit on, and text on their wash.
READABLE += [("--tender", bg) for bg in ("--bg", "--surface", "--tender-soft")]
READABLE += [("--text", "--tender-soft")]


@pytest.mark.parametrize("name", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), READABLE)
def test_text_stays_readable(name, fg, bg):
    light, dark = palettes()
    colours = light if name == "light" else dark
    assert contrast(colours[fg], colours[bg]) >= 4.5, f"{fg} on {bg} in {name}"


def test_no_stylesheet_picks_dark_colours_behind_the_persons_back():
    # A prefers-color-scheme rule would turn dark even for someone who chose light.
    for path in CSS.glob("*.css"):
        assert "prefers-color-scheme" not in path.read_text(), path.name


def test_a_form_from_before_the_choice_existed_keeps_the_colours(alice_client, alice):
    alice.theme = "dark"
    alice.save(update_fields=["theme"])
    response = alice_client.post(URL, {"display_name": "Ali", "time_zone": "UTC"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.display_name, alice.theme) == ("Ali", "dark")


def test_the_choice_is_a_labelled_list_that_is_not_marked_optional(alice_client):
    body = alice_client.get(URL).content.decode()
    field = body[body.index('<label for="id_theme"') :]
    field = field[: field.index("</select>")]
    assert "(optional)" not in field
    assert '<option value="system" selected>Follow my device</option>' in field
