"""Content in every language: conversation topics and prompts, agreement categories and
ideas, today's questions and the helplines carry their translations beside the English in
the same data files (sub-tables by language code); the loaders check them and keep them in
a `translations` column, and every page shows them in the reader's language."""

import textwrap

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.conftest import client_for
from trustapp import views
from trustapp.agreements import library as agreements_library
from trustapp.agreements.models import Category, StarterAgreement
from trustapp.conversations import library as prompts_library
from trustapp.conversations import services as conversations
from trustapp.conversations.models import Conversation, Prompt, Topic
from trustapp.lib.i18n import translated
from trustapp.lib.library import LibraryError
from trustapp.questions import library as questions_library

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]

COMPLETE_TOPIC = """
    slug = "complete-topic"
    title = "Complete"
    summary = "Every word in every language."
    position = 1
    [de]
    title = "Vollständig"
    summary = "Jedes Wort in jeder Sprache."
    [es]
    title = "Completo"
    summary = "Cada palabra en cada idioma."
    [fr]
    title = "Complet"
    summary = "Chaque mot dans chaque langue."

    [[prompts]]
    slug = "complete-prompt"
    depth = "light"
    question = "What made you laugh this week?"
    note = "Small things count."
    follow_ups = ["Who was there?"]
    [prompts.de]
    question = "Was hat dich diese Woche zum Lachen gebracht?"
    note = "Kleine Dinge zählen."
    follow_ups = ["Wer war dabei?"]
    [prompts.es]
    question = "¿Qué te hizo reír esta semana?"
    note = "Las cosas pequeñas cuentan."
    follow_ups = ["¿Quién estaba?"]
    [prompts.fr]
    question = "Qu'est-ce qui t'a fait rire cette semaine ?"
    note = "Les petites choses comptent."
    follow_ups = ["Qui était là ?"]
"""

INCOMPLETE_TOPIC = """
    slug = "incomplete-topic"
    title = "Incomplete"
    summary = "German only, and the note is missing."
    position = 2
    [de]
    title = "Unvollständig"
    summary = "Nur Deutsch."

    [[prompts]]
    slug = "incomplete-prompt"
    depth = "light"
    question = "Where would you like to wake up tomorrow?"
    note = "Dream a little."
    [prompts.de]
    question = "Wo würdest du morgen gern aufwachen?"
"""


def described(gaps):
    shown = "\n".join(f"{where}: no {language} {key}" for where, language, key in gaps[:30])
    return f"{len(gaps)} texts lack a language:\n{shown}"


def write(directory, name, text):
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return directory


# -- Every item in every language ---------------------------------------------------------
# These fail until the translations of every data file are merged: that is the rule.


@pytest.mark.parametrize(
    "missing",
    [
        prompts_library.missing,
        agreements_library.missing,
        questions_library.missing,
        views.helplines_missing,
    ],
    ids=["prompts-and-topics", "agreement-categories-and-ideas", "questions", "helplines"],
)
def test_every_content_item_has_every_language(missing):
    gaps = missing()
    assert not gaps, described(gaps)


def test_the_completeness_check_finds_exactly_what_a_file_lacks(tmp_path):
    directory = write(tmp_path / "prompts", "01-complete.toml", COMPLETE_TOPIC)
    assert prompts_library.missing(directory) == []

    write(directory, "02-incomplete.toml", INCOMPLETE_TOPIC)

    gaps = prompts_library.missing(directory)
    assert ("incomplete-topic", "es", "title") in gaps
    assert ("incomplete-prompt", "de", "note") in gaps
    assert ("incomplete-prompt", "fr", "question") in gaps
    assert not [gap for gap in gaps if gap[0].startswith("complete-")]
    assert {gap[1] for gap in gaps} == set(OTHER_LANGUAGES)


def test_the_question_check_finds_a_missing_language(tmp_path):
    directory = write(
        tmp_path / "questions",
        "01-curious.toml",
        """
        theme = "curious"
        title = { en = "Curious", de = "Neugierig", es = "Curiosidad", fr = "Curiosité" }
        [questions.full]
        en = "What made you smile?"
        de = "Was hat dich zum Lächeln gebracht?"
        es = "¿Qué te hizo sonreír?"
        fr = "Qu'est-ce qui t'a fait sourire ?"
        [questions.half]
        en = "Which song is stuck in your head?"
        de = "Welches Lied geht dir nicht aus dem Kopf?"
        """,
    )

    assert questions_library.missing(directory) == [("half", "es", "text"), ("half", "fr", "text")]


# -- The loaders read the sub-tables and check them ---------------------------------------


def test_the_prompt_loader_keeps_each_translation_and_loading_again_changes_nothing(tmp_path, db):
    directory = write(tmp_path / "prompts", "01-complete.toml", COMPLETE_TOPIC)

    prompts_library.load_prompts(directory)
    again = prompts_library.load_prompts(directory)

    prompt = Prompt.objects.get(slug="complete-prompt")
    assert prompt.translations["de"] == {
        "question": "Was hat dich diese Woche zum Lachen gebracht?",
        "note": "Kleine Dinge zählen.",
        "follow_ups": ["Wer war dabei?"],
    }
    assert Topic.objects.get(slug="complete-topic").translations["fr"]["title"] == "Complet"
    assert again == {
        "topics_created": 0,
        "topics_updated": 0,
        "prompts_created": 0,
        "prompts_updated": 0,
    }


def test_a_corrected_translation_is_loaded_by_slug(tmp_path, db):
    directory = write(tmp_path / "prompts", "01-complete.toml", COMPLETE_TOPIC)
    prompts_library.load_prompts(directory)
    write(
        directory,
        "01-complete.toml",
        COMPLETE_TOPIC.replace("Kleine Dinge zählen.", "Auch Kleinigkeiten zählen."),
    )

    counts = prompts_library.load_prompts(directory)

    assert counts["prompts_updated"] == 1
    assert Prompt.objects.get(slug="complete-prompt").translations["de"]["note"] == (
        "Auch Kleinigkeiten zählen."
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            [('note = "Kleine Dinge zählen."', 'depth = "tief"')],
            r"\[de\]: depth is not a text of this entry",
        ),
        (
            [('follow_ups = ["Wer war dabei?"]', 'follow_ups = ["Wer?", "Wann?"]')],
            r"\[de\]: 'follow_ups' needs 1 entries, like the English",
        ),
        (
            [("question = \"Qu'est-ce qui t'a fait rire cette semaine ?\"", 'question = ""')],
            r"\[fr\]: 'question' must be a non-empty string",
        ),
        (
            [
                ("[prompts.es]\n", "[prompts.unused]\n"),
                ('follow_ups = ["Who was there?"]\n', 'follow_ups = ["Who was there?"]\nes = 3\n'),
            ],
            r"\[es\]: a translation is a table",
        ),
    ],
    ids=["unknown-key", "follow-up-count", "empty-text", "not-a-table"],
)
def test_a_malformed_translation_is_refused_with_where_it_is(tmp_path, change, message):
    text = textwrap.dedent(COMPLETE_TOPIC)
    for old, new in change:
        assert old in text
        text = text.replace(old, new, 1)
    directory = write(tmp_path / "prompts", "01-complete.toml", "")
    (directory / "01-complete.toml").write_text(text, encoding="utf-8")

    with pytest.raises(LibraryError, match=r"01-complete.toml, prompt 1, " + message):
        prompts_library.read_library(directory)


def test_a_question_in_a_language_we_do_not_offer_is_refused(tmp_path):
    directory = write(
        tmp_path / "questions",
        "01-curious.toml",
        """
        theme = "curious"
        title = { en = "Curious" }
        [questions.one]
        en = "What made you smile?"
        it = "Cosa ti ha fatto sorridere?"
        """,
    )

    with pytest.raises(LibraryError, match="'it' is not one of our languages"):
        questions_library.read_library(directory)


def test_the_agreement_loader_keeps_translations_and_loads_idempotently(tmp_path, db):
    directory = tmp_path / "agreements"
    write(
        directory,
        "categories.toml",
        """
        [[category]]
        slug = "communication"
        name = "Communication"
        description = "How we tell each other things."
        [category.de]
        name = "Kommunikation"
        description = "Wie wir einander Dinge sagen."
        """,
    )
    write(
        directory,
        "starter_agreements.toml",
        """
        [[agreement]]
        slug = "say-it-small"
        category = "communication"
        title = "We mention small things while they are small"
        text = "We say so within a day or two."
        [agreement.de]
        title = "Wir sprechen Kleines an, solange es klein ist"
        text = "Wir sagen es innerhalb von ein, zwei Tagen."
        """,
    )

    agreements_library.load_library(Category, StarterAgreement, directory)
    again = agreements_library.load_library(Category, StarterAgreement, directory)

    assert again == {"categories": (0, 0), "starters": (0, 0)}
    starter = StarterAgreement.objects.get(slug="say-it-small")
    assert translated(starter, "title", "de") == "Wir sprechen Kleines an, solange es klein ist"
    assert translated(starter, "title", "fr") == "We mention small things while they are small"
    category = Category.objects.get(slug="communication")
    assert translated(category, "name", "de") == "Kommunikation"
    assert ("say-it-small", "es", "text") in agreements_library.missing(directory)


def test_an_agreement_translation_with_a_text_the_idea_lacks_is_refused(tmp_path):
    directory = tmp_path / "agreements"
    write(directory, "categories.toml", '[[category]]\nslug = "c"\nname = "C"\n')
    write(
        directory,
        "starter_agreements.toml",
        """
        [[agreement]]
        slug = "a"
        category = "c"
        title = "T"
        text = "X"
        [agreement.fr]
        category = "autre"
        """,
    )

    with pytest.raises(LibraryError, match=r"starter_agreements.toml, a, \[fr\]: category is not"):
        agreements_library.read_library(directory)


# -- The one accessor ------------------------------------------------------------------------


def test_translated_follows_the_active_language_and_falls_back_to_english():
    entry = {"about": "Help by phone.", "translations": {"de": {"about": "Hilfe am Telefon."}}}

    with translation.override("de"):
        assert translated(entry, "about") == "Hilfe am Telefon."
    with translation.override("fr"):
        assert translated(entry, "about") == "Help by phone."
    assert translated(entry, "about", "de-at") == "Hilfe am Telefon."
    assert translated({"about": "Plain."}, "about", "de") == "Plain."


# -- Pages show content in each reader's language ---------------------------------------------


@pytest.fixture
def prompt_in_german(db):
    prompt = Prompt.objects.get(slug="trust-in-one-sentence")
    prompt.translations = {
        "de": {
            "question": "Wie würdest du Vertrauen in einem Satz beschreiben?",
            "note": "Es gibt keine richtige Antwort.",
            "follow_ups": ["Hat sich dein Satz verändert?", "Welches Wort zählt am meisten?"],
        }
    }
    prompt.save(update_fields=["translations"])
    return prompt


@pytest.fixture
def bob_in_german(bob):
    bob.language = "de"
    bob.save(update_fields=["language"])
    return bob


def test_a_prompt_page_is_in_each_readers_language(
    partnership, alice_client, bob_in_german, prompt_in_german
):
    path = reverse("conversations:prompt", args=[partnership.public_id, prompt_in_german.slug])

    german_page = client_for(bob_in_german).get(path).content.decode()
    english_page = alice_client.get(path).content.decode()

    assert "Wie würdest du Vertrauen in einem Satz beschreiben?" in german_page
    assert "Es gibt keine richtige Antwort." in german_page
    assert "Welches Wort zählt am meisten?" in german_page
    assert prompt_in_german.question in english_page
    assert "Vertrauen" not in english_page


def test_a_conversation_shows_its_prompt_in_each_partners_own_language(
    partnership, alice, alice_client, bob_in_german, prompt_in_german
):
    conversation, _created = conversations.conversation_start(
        partnership=partnership, user=alice, prompt=prompt_in_german
    )
    path = conversation.get_absolute_url()

    german_page = client_for(bob_in_german).get(path).content.decode()
    english_page = alice_client.get(path).content.decode()

    assert "<h1>Wie würdest du Vertrauen in einem Satz beschreiben?</h1>" in german_page
    assert f"<h1>{prompt_in_german.question}</h1>" in english_page
    # The conversation keeps its own copy: a later edit of the file changes neither.
    Prompt.objects.filter(pk=prompt_in_german.pk).update(translations={})
    assert "Wie würdest du Vertrauen" in client_for(bob_in_german).get(path).content.decode()


def test_the_agreement_ideas_are_in_the_readers_language_and_so_is_the_proposal_form(
    partnership, bob_in_german
):
    StarterAgreement.objects.filter(slug="say-it-small").update(
        translations={"de": {"title": "Kleines ansprechen, solange es klein ist"}}
    )
    Category.objects.filter(slug="communication").update(
        translations={"de": {"name": "Kommunikation"}}
    )
    client = client_for(bob_in_german)

    library = client.get(reverse("agreements:library", args=[partnership.public_id]))
    propose = client.get(
        reverse("agreements:propose", args=[partnership.public_id]) + "?template=say-it-small"
    )

    assert "Kleines ansprechen, solange es klein ist" in library.content.decode()
    assert ">Kommunikation</h2>" in library.content.decode()
    assert 'value="Kleines ansprechen, solange es klein ist"' in propose.content.decode()
    assert '<option value="communication" selected>Kommunikation</option>' in propose.text


def test_the_safety_page_shows_a_helpline_in_the_readers_language(client, db, monkeypatch):
    found = {
        "checked": views.helplines()["checked"],
        "lines": [
            {
                "country": "Germany",
                "name": "Hilfetelefon",
                "about": "Help for women, day and night.",
                "phone": "116 016",
                "dial": "116016",
                "website": "https://www.hilfetelefon.de/",
                "site": "www.hilfetelefon.de",
                "translations": {
                    "de": {"country": "Deutschland", "about": "Hilfe für Frauen, rund um die Uhr."}
                },
            }
        ],
        "directories": [],
    }
    monkeypatch.setattr(views, "helplines", lambda: found)

    german_page = client.get(reverse("safety"), headers={"accept-language": "de"}).content
    english_page = client.get(reverse("safety"), headers={"accept-language": "en"}).content

    assert "Hilfe für Frauen, rund um die Uhr." in german_page.decode()
    assert "<h3>Deutschland</h3>" in german_page.decode()
    assert "Help for women, day and night." in english_page.decode()


def test_a_conversation_from_before_the_translations_takes_them_when_they_arrive(
    partnership, alice, bob_in_german, tmp_path
):
    directory = write(tmp_path / "prompts", "01-complete.toml", INCOMPLETE_TOPIC)
    prompts_library.load_prompts(directory)
    prompt = Prompt.objects.get(slug="incomplete-prompt")
    conversation, _created = conversations.conversation_start(
        partnership=partnership, user=alice, prompt=prompt
    )
    assert conversation.translations == {"de": {"question": prompt.translations["de"]["question"]}}
    Conversation.objects.filter(pk=conversation.pk).update(translations={})  # as before
    write(directory, "01-complete.toml", INCOMPLETE_TOPIC.replace("[prompts.de]", "[prompts.fr]"))

    prompts_library.load_prompts(directory)

    conversation.refresh_from_db()
    assert translated(conversation, "question", "fr") == "Wo würdest du morgen gern aufwachen?"
    assert translated(conversation, "question", "de") == prompt.question
