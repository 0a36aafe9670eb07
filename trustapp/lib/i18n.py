"""Languages: whose language a text is written in, and content in the reader's language.

- `recipient_language(user)`: a context manager; what is written inside it (an email, a
  push, a notice for a partner) is in that person's language: their profile's choice, else
  `fallback` (an invitee without an account: the inviter's or the page's language), else
  the site's default.
- `translated(obj, field)`: a content row's text (a prompt's question, a category's name)
  in the active language, falling back to English. Content rows keep English in their own
  columns and the other languages in a JSON column `translations`:
  {"de": {"question": "...", "follow_ups": [...]}, ...}, filled by the loaders from the
  sub-tables of the data files (`read_translations`).
"""

from collections.abc import Mapping

from django.conf import settings
from django.utils import translation
from django.utils.functional import lazy

from trustapp.lib.library import LibraryError, clean_text


def later(function, *args):
    """`function(*args)` as a lazy string: worked out only once a text is written, in the
    language active then (a choice's label, lowercased, inside a partner's notice)."""
    return lazy(function, str)(*args)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_of(user, fallback=None):
    """The language to write to `user` in: their choice, else `fallback`, else the default."""
    chosen = getattr(user, "language", "") if user is not None else ""
    for language in (chosen, fallback):
        if language and language in language_codes():
            return language
    return settings.LANGUAGE_CODE


def recipient_language(user, fallback=None):
    return translation.override(language_of(user, fallback))


def by_language(items, user_of):
    """[(language, items)]: `items` grouped by the language of `user_of(item)`, so a batch
    can be written one language at a time (`with translation.override(language)`)."""
    groups = {}
    for item in items:
        groups.setdefault(language_of(user_of(item)), []).append(item)
    return list(groups.items())


def active_language():
    """The active language's code without its region ("de" for "de-at")."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def translated(obj, field, language=None):
    """`obj`'s text `field` (an attribute, or a key of a dict) in `language`, the active one
    by default, or the English when that language has none."""
    language = language.split("-")[0] if language else active_language()
    if isinstance(obj, Mapping):
        english, translations = obj.get(field), obj.get("translations")
    else:
        english, translations = getattr(obj, field), getattr(obj, "translations", None)
    if language == settings.LANGUAGE_CODE or not translations:
        return english
    value = (translations.get(language) or {}).get(field)
    return value if value else english


def translations_of(entry, keys):
    """The part of an entry's translations holding only `keys`: what a copy keeps (a
    conversation keeps its prompt's question, in every language)."""
    return {
        language: {key: texts[key] for key in keys if texts.get(key)}
        for language, texts in (entry.translations or {}).items()
        if any(texts.get(key) for key in keys)
    }


def read_translations(raw, english, where):
    """{language: {key: text}} from the sub-tables of one data file entry.

    `raw` is the entry as read from TOML; `english` the entry's checked English texts, by
    key (a string, or a list of strings like follow_ups). A sub-table is named by a code of
    settings.LANGUAGES other than the default; it may hold only keys the English has, each a
    non-empty text (a list the same length as the English list). A missing sub-table or key
    is allowed here (the English shows); tests/test_languages.py asks for completeness."""
    found = {}
    for language in language_codes():
        if language == settings.LANGUAGE_CODE or language not in raw:
            continue
        table = raw[language]
        here = f"{where}, [{language}]"
        if not isinstance(table, dict):
            raise LibraryError(f"{here}: a translation is a table of the entry's texts")
        unknown = sorted(set(table) - set(english))
        if unknown:
            raise LibraryError(f"{here}: {', '.join(unknown)} is not a text of this entry")
        texts = {}
        for key, value in table.items():
            if isinstance(english[key], list):
                if not isinstance(value, list) or len(value) != len(english[key]):
                    raise LibraryError(
                        f"{here}: '{key}' needs {len(english[key])} entries, like the English"
                    )
                texts[key] = [clean_text(item, here, key) for item in value]
            else:
                texts[key] = clean_text(value, here, key)
        found[language] = texts
    return found


def missing_languages(where, english, translations):
    """[(where, language, key)] for each text the entry has in English but not in one of the
    other languages of settings.LANGUAGES: an entry is complete when this is empty."""
    return [
        (where, language, key)
        for language in language_codes()
        if language != settings.LANGUAGE_CODE
        for key, value in english.items()
        if value and not (translations or {}).get(language, {}).get(key)
    ]
