"""The landing page: what a signed-out visitor sees at "/", light enough to arrive at once,
and "/" unchanged for someone signed in."""

from html.parser import HTMLParser

import brotli
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

# First load of a page, the typeface included (issue 25's target).
FIRST_LOAD_LIMIT = 60 * 1024
PROMISES = [
    "Free.",
    "Private.",
    "No tracking.",
    "No streaks, no scores.",
    "Either of you can leave.",
    "Your data is yours.",
]


class FirstLoad(HTMLParser):
    """What a browser fetches before the page is usable: stylesheets, preloads, icons,
    scripts, and images not marked to load lazily."""

    def __init__(self):
        super().__init__()
        self.fetched = []
        self.lazy = []
        self.images = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
            self.fetched.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.fetched.append(attrs["src"])
        elif tag == "img":
            self.images.append(attrs)
            (self.lazy if attrs.get("loading") == "lazy" else self.fetched).append(attrs["src"])


def parse(response):
    parser = FirstLoad()
    parser.feed(response.content.decode())
    return parser


def static_file(url):
    assert url.startswith(settings.STATIC_URL), url
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"{url} is not a static file"
    return open(path, "rb").read()


def on_the_wire(name, body):
    """Bytes transferred: text compressed as WhiteNoise serves it, fonts and pictures as is."""
    if name.endswith((".woff2", ".webp", ".png")):
        return len(body)
    return len(brotli.compress(body))


def first_load_bytes(response):
    page = parse(response)
    total = on_the_wire("page.html", response.content)
    for url in page.fetched:
        total += on_the_wire(url, static_file(url))
    return total


def test_signed_out_visitors_read_what_it_is_and_its_promises(client, db):
    body = client.get(reverse("home")).content.decode()
    for promise in PROMISES:
        assert f"<strong>{promise}</strong>" in body
    assert "Make your shared space" in body
    assert f'href="{reverse("safety")}"' in body


def test_it_shows_pictures_of_the_real_app_that_wait_until_scrolled_to(client, db):
    page = parse(client.get(reverse("home")))
    shots = [image for image in page.images if "landing-" in image["src"]]
    assert len(shots) >= 3
    for shot in shots:
        assert shot["src"].endswith(".webp")
        assert shot["loading"] == "lazy"
        assert int(shot["width"]) > 0 and int(shot["height"]) > 0
        assert len(shot["alt"]) > 20, shot  # a picture of the product says what it shows
        assert len(static_file(shot["src"])) < 40 * 1024
    decorative = [image for image in page.images if "landing-" not in image["src"]]
    assert decorative and all(image["alt"] == "" for image in decorative)


def test_every_picture_and_file_it_names_exists(client, db):
    page = parse(client.get(reverse("home")))
    for url in page.fetched + page.lazy:
        assert static_file(url)


def test_the_first_load_stays_under_60_kb_with_the_typeface(client, alice_client, partnership):
    for who, url in (
        (client, reverse("home")),
        (client, reverse("account_login")),
        (client, reverse("safety")),
        (alice_client, reverse("couples:home", args=[partnership.public_id])),
    ):
        response = who.get(url)
        assert response.status_code == 200
        assert any(src.endswith(".woff2") for src in parse(response).fetched)
        weight = first_load_bytes(response)
        assert weight < FIRST_LOAD_LIMIT, f"{url}: {weight / 1024:.1f} KB"


def test_signed_in_home_still_goes_to_the_space(alice_client, partnership):
    response = alice_client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == partnership.get_absolute_url()
