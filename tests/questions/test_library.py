"""The question library: data files loaded by slug, safe to load again, checked."""

import pytest
from django.core.management import call_command

from trustapp.lib.library import LibraryError
from trustapp.questions.library import LIBRARY_DIR, load_questions, read_library
from trustapp.questions.models import Question

pytestmark = pytest.mark.django_db


def test_the_library_holds_more_than_a_year_of_questions_each_in_english():
    rows = read_library()
    assert len(rows) >= 365
    assert all(row["texts"]["en"] for row in rows.values())
    themes = {row["theme"] for row in rows.values()}
    assert themes == {"curious", "playful", "memories", "dreams", "this-or-that", "your-world"}
    words = [row["texts"]["en"] for row in rows.values()]
    assert len(set(words)) == len(words), "a question is in the library twice"


def test_the_questions_are_in_the_database_after_migrate():
    assert Question.objects.filter(is_active=True).count() == len(read_library())


def test_loading_again_changes_nothing():
    assert load_questions() == {"created": 0, "updated": 0}


def test_the_command_loads_them_and_says_what_changed(capsys):
    Question.objects.filter(slug="tea-or-coffee").update(texts={"en": "Old words"})
    call_command("load_questions")
    assert "0 new, 1 updated" in capsys.readouterr().out
    assert Question.objects.get(slug="tea-or-coffee").text == "Tea or coffee, and why?"


def test_a_question_gone_from_the_files_is_retired_not_deleted(tmp_path):
    (tmp_path / "one.toml").write_text(
        'theme = "curious"\n[questions.tea-or-coffee]\nen = "Tea or coffee, and why?"\n'
        'de = "Tee oder Kaffee, und warum?"\n'
    )
    load_questions(tmp_path)
    assert Question.objects.filter(is_active=True).count() == 1
    kept = Question.objects.get(slug="tea-or-coffee")
    assert kept.texts == {"en": "Tea or coffee, and why?", "de": "Tee oder Kaffee, und warum?"}
    assert Question.objects.filter(is_active=False).count() >= 364
    load_questions(LIBRARY_DIR)
    assert not Question.objects.filter(is_active=False).exists()


def test_a_translation_is_shown_in_its_language_and_english_otherwise():
    from django.utils import translation

    question = Question(texts={"en": "Tea or coffee?", "de": "Tee oder Kaffee?"})
    with translation.override("de"):
        assert question.text == "Tee oder Kaffee?"
    with translation.override("fr"):
        assert question.text == "Tea or coffee?"


@pytest.mark.parametrize(
    "content, problem",
    [
        ('theme = "x"\n[questions.a-b]\nde = "Nur Deutsch"\n', "English words"),
        ('theme = "x"\n[questions.Bad_Slug]\nen = "Hi?"\n', "lowercase words"),
        ('theme = "x"\n[questions.a-b]\nen = "  "\n', "non-empty"),
        ('theme = "x"\n', "at least one"),
        ("theme = \n", "one.toml"),
    ],
)
def test_a_broken_file_is_refused_with_a_message_naming_it(tmp_path, content, problem):
    (tmp_path / "one.toml").write_text(content)
    with pytest.raises(LibraryError, match=problem):
        read_library(tmp_path)


def test_a_slug_used_in_two_files_is_refused(tmp_path):
    (tmp_path / "a.toml").write_text('theme = "a"\n[questions.same]\nen = "One?"\n')
    (tmp_path / "b.toml").write_text('theme = "b"\n[questions.same]\nen = "Two?"\n')
    with pytest.raises(LibraryError, match="used twice"):
        read_library(tmp_path)
