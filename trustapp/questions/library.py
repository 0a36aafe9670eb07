"""The question library ships as TOML data files, one per theme, in `library/`.

Each question is a table keyed by its slug, holding its words per language:

    [questions.first-concert]
    en = "What was the first concert or show you went to?"

English is required; a translation goes beside it under its language code. `load_questions`
makes the database match the files by slug (see trustapp/lib/library.py): safe to run again.
A day already asked keeps its own copy of the words.
"""

from pathlib import Path

from django.db import transaction

from trustapp.lib.i18n import language_codes
from trustapp.lib.library import LibraryError, check_slug, clean_text, read_toml_files, sync
from trustapp.questions.models import Question

LIBRARY_DIR = Path(__file__).resolve().parent / "library"
FIELDS = ("theme", "texts", "position", "is_active")


def _texts(raw, where):
    if not isinstance(raw, dict) or "en" not in raw:
        raise LibraryError(f'{where}: a question needs its English words, as en = "..."')
    texts = {}
    for language, words in raw.items():
        if language not in language_codes():
            raise LibraryError(
                f"{where}: {language!r} is not one of our languages ({', '.join(language_codes())})"
            )
        texts[language] = clean_text(words, where, language)
    return texts


def _title(data, name):
    """A theme's name per language: title = { en = "Curious", de = "Neugierig", ... }."""
    return _texts(data.get("title"), f"{name}: title")


def missing(directory=LIBRARY_DIR):
    """[(where, language, "text")] for every question or theme title lacking a language of
    settings.LANGUAGES."""
    found = [
        (f"{name}: title", _title(data, name) if "title" in data else {})
        for name, data in read_toml_files(directory)
    ]
    found += [(slug, row["texts"]) for slug, row in read_library(directory).items()]
    return [
        (where, language, "text")
        for where, texts in found
        for language in language_codes()
        if not texts.get(language)
    ]


def read_library(directory=LIBRARY_DIR):
    """{slug: row} for every question in every theme file, checked."""
    rows, themes, slugs = {}, set(), set()
    for name, data in read_toml_files(directory):
        theme = check_slug(data.get("theme"), f"{name}: theme", themes)
        if "title" in data:
            _title(data, name)
        questions = data.get("questions")
        if not isinstance(questions, dict) or not questions:
            raise LibraryError(f"{name}: a theme needs at least one [questions.<slug>] entry")
        for position, (slug, raw) in enumerate(questions.items(), start=1):
            where = f"{name}, {slug}"
            rows[check_slug(slug, where, slugs)] = {
                "theme": theme,
                "texts": _texts(raw, where),
                "position": position,
                "is_active": True,
            }
    return rows


def load_questions(directory=LIBRARY_DIR, *, using="default"):
    """Make the questions match the data files. Returns counts of what changed."""
    rows = read_library(directory)
    with transaction.atomic(using=using):
        created, updated = sync(Question, rows, FIELDS, using)
    return {"created": created, "updated": updated}
