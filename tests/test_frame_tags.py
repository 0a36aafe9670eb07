"""`{% frame_url %}` and `{% frame_static %}` give what `{% url %}` and `{% static %}` give."""

import pytest
from django.template import Context, Template
from django.templatetags.static import static
from django.test import override_settings
from django.urls import reverse, set_script_prefix

from trustapp.lib.frame_tags import frame_path

pytestmark = pytest.mark.embedded

SPACE_LINKS = [
    "couples:home",
    "questions:today",
    "agreements:list",
    "appreciations:log",
    "wins:index",
    "conversations:index",
    "checkins:current",
]


@pytest.mark.parametrize("public_id", ["AbC-d_e0123456789", "x"])
@pytest.mark.parametrize("view_name", SPACE_LINKS)
def test_a_link_into_a_space_is_the_reversed_path(view_name, public_id):
    assert frame_path(view_name, public_id) == reverse(view_name, args=[public_id])


@pytest.mark.parametrize("public_id", ["a b", "ü", "a%2F", "STAND-IN-FOR-AN-ID"])
def test_an_id_a_url_would_quote_is_reversed_as_usual(public_id):
    assert frame_path("agreements:list", public_id) == reverse("agreements:list", args=[public_id])


@pytest.mark.parametrize("view_name", ["home", "manifest", "service_worker", "safety"])
def test_a_site_link_is_the_reversed_path(view_name):
    assert frame_path(view_name) == reverse(view_name)


def test_the_tags_render_what_url_and_static_render():
    context = Context({"pid": "AbC-d_e0123456789"})
    ours = Template(
        "{% frame_url 'agreements:list' pid %} {% frame_url 'home' %}"
        " {% frame_static 'css/app.css' %}"
    )
    django = Template(
        "{% load static %}{% url 'agreements:list' pid %} {% url 'home' %}"
        " {% static 'css/app.css' %}"
    )
    assert ours.render(context) == django.render(context)


def test_a_site_served_under_a_prefix_links_under_it():
    frame_path("home"), frame_path("agreements:list", "abc")
    set_script_prefix("/trust/")
    try:
        assert frame_path("home") == reverse("home") == "/trust/"
        assert frame_path("agreements:list", "abc") == reverse("agreements:list", args=["abc"])
    finally:
        set_script_prefix("/")


def test_a_changed_static_url_is_followed():
    template = Template("{% frame_static 'css/app.css' %}")
    before = template.render(Context())
    with override_settings(STATIC_URL="/assets/"):
        assert template.render(Context()) == static("css/app.css")
        assert static("css/app.css").startswith("/assets/")
    assert template.render(Context()) == before
