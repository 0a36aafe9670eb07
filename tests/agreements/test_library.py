from trustapp.agreements import library
from trustapp.agreements.diff import word_diff
from trustapp.agreements.models import Category, StarterAgreement


def test_the_library_has_our_categories_and_at_least_forty_starters():
    slugs = set(Category.objects.values_list("slug", flat=True))
    assert {
        "communication",
        "privacy-and-devices",
        "time-together-and-apart",
        "friendships-and-connections",
        "intimacy",
        "conflict",
        "money-and-home",
        "health",
        "other",
    } <= slugs
    assert StarterAgreement.objects.count() >= 40


def test_loading_again_changes_nothing_and_repairs_edited_words():
    count = StarterAgreement.objects.count()
    StarterAgreement.objects.filter(slug="time-out").update(text="Edited by hand.")
    result = library.load()
    assert result["starters"] == (0, 1)
    assert StarterAgreement.objects.count() == count
    assert StarterAgreement.objects.get(slug="time-out").text.startswith("When an argument")
    assert library.load()["starters"] == (0, 0)


def test_the_command_loads_the_library():
    from django.core.management import call_command

    StarterAgreement.objects.filter(slug="time-out").delete()
    call_command("load_agreement_templates", verbosity=0)
    assert StarterAgreement.objects.filter(slug="time-out").exists()


def test_word_diff_marks_removed_and_added_words():
    html = word_diff("We call when late.", "We text when late.")
    assert "<del>" in html and "call" in html.split("<del>")[1].split("</del>")[0]
    assert "text" in html.split("<ins>")[1].split("</ins>")[0]
    assert html.endswith("when late.")


def test_word_diff_escapes_everything_it_shows():
    html = word_diff("a <b>bold</b> move", "a <script>alert(1)</script> move")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
