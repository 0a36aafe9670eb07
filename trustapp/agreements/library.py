"""Load categories and starter agreements from the TOML files in data/, by slug.

Idempotent: running it again updates changed words and adds new entries; nothing a
partnership wrote is touched. Takes the model classes so a data migration can pass its
historical models (one from before `translations` existed just leaves them out). Runs
after every `migrate` (apps.py), so a translation added to a file arrives with a deploy.

Each entry's translations are sub-tables named by language, right after it:

    [[category]]
    slug = "communication"
    name = "Communication"
    description = "How we tell each other things, big and small."
    [category.de]
    name = "Kommunikation"
    description = "..."
"""

import tomllib
from pathlib import Path

from trustapp.lib.i18n import missing_languages, read_translations
from trustapp.lib.library import LibraryError, clean_text

DATA_DIR = Path(__file__).resolve().parent / "data"
CATEGORY_FIELDS = ["name", "description", "position"]
STARTER_FIELDS = ["category", "title", "text", "why", "position"]
CATEGORY_TEXTS = ("name", "description")
STARTER_TEXTS = ("title", "text", "why")


def _read(directory, name, key):
    path = Path(directory) / name
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get(key)
    except tomllib.TOMLDecodeError as error:
        raise LibraryError(f"{name}: {error}") from error
    if not isinstance(entries, list) or not entries:
        raise LibraryError(f"{name}: needs at least one [[{key}]] entry")
    return entries


def _english(entry, keys, where, required):
    return {
        key: clean_text(entry.get(key), where, key) if key in required or entry.get(key) else ""
        for key in keys
    }


def read_library(directory=DATA_DIR):
    """(categories, starters): each a list of checked dicts with their `translations`."""
    categories, starters = [], []
    for index, raw in enumerate(_read(directory, "categories.toml", "category")):
        where = f"categories.toml, {raw.get('slug', index + 1)}"
        english = _english(raw, CATEGORY_TEXTS, where, required={"name"})
        translations = read_translations(raw, english, where)
        categories.append({"slug": raw.get("slug"), **english, "translations": translations})
    for index, raw in enumerate(_read(directory, "starter_agreements.toml", "agreement")):
        where = f"starter_agreements.toml, {raw.get('slug', index + 1)}"
        english = _english(raw, STARTER_TEXTS, where, required={"title", "text"})
        translations = read_translations(raw, english, where)
        starters.append(
            {
                "slug": raw.get("slug"),
                "category": raw.get("category"),
                **english,
                "translations": translations,
            }
        )
    return categories, starters


def missing(directory=DATA_DIR):
    """[(where, language, key)] for each text lacking a language of settings.LANGUAGES."""
    categories, starters = read_library(directory)
    gaps = []
    for entries, keys in ((categories, CATEGORY_TEXTS), (starters, STARTER_TEXTS)):
        for entry in entries:
            english = {key: entry[key] for key in keys}
            gaps += missing_languages(entry["slug"], english, entry["translations"])
    return gaps


def _has_translations(model):
    return any(field.name == "translations" for field in model._meta.get_fields())


def _sync(model, rows, fields):
    """Create missing rows and update changed ones, in a handful of queries."""
    if not _has_translations(model):
        rows = [{k: v for k, v in row.items() if k != "translations"} for row in rows]
    else:
        fields = [*fields, "translations"]
    existing = {obj.slug: obj for obj in model.objects.filter(slug__in=[r["slug"] for r in rows])}
    create, update = [], []
    for row in rows:
        obj = existing.get(row["slug"])
        if obj is None:
            create.append(model(**row))
            continue
        changed = False
        for field in fields:
            current = getattr(obj, field + "_id" if field == "category" else field)
            wanted = row[field].pk if field == "category" else row[field]
            if current != wanted:
                setattr(obj, field, row[field])
                changed = True
        if changed:
            update.append(obj)
    model.objects.bulk_create(create)
    if update:
        model.objects.bulk_update(update, fields)
    return len(create), len(update)


def load_library(Category, StarterAgreement, directory=DATA_DIR):
    """Returns {"categories": (created, updated), "starters": (created, updated)}."""
    categories, starters = read_library(directory)
    category_rows = [
        {
            "slug": c["slug"],
            "name": c["name"],
            "description": c["description"],
            "translations": c["translations"],
            "position": index,
        }
        for index, c in enumerate(categories)
    ]
    category_result = _sync(Category, category_rows, CATEGORY_FIELDS)
    by_slug = {c.slug: c for c in Category.objects.all()}
    starter_rows = [
        {
            "slug": s["slug"],
            "category": by_slug[s["category"]],
            "title": s["title"],
            "text": s["text"],
            "why": s["why"],
            "translations": s["translations"],
            "position": index,
        }
        for index, s in enumerate(starters)
    ]
    starter_result = _sync(StarterAgreement, starter_rows, STARTER_FIELDS)
    return {"categories": category_result, "starters": starter_result}


def load():
    from trustapp.agreements.models import Category, StarterAgreement

    return load_library(Category, StarterAgreement)
