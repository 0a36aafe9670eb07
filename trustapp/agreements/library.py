"""Load categories and starter agreements from the TOML files in data/, by slug.

Idempotent: running it again updates changed words and adds new entries; nothing a
partnership wrote is touched. Takes the model classes so a data migration can pass its
historical models.
"""

import tomllib
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
CATEGORY_FIELDS = ["name", "description", "position"]
STARTER_FIELDS = ["category", "title", "text", "why", "position"]


def read_library():
    categories = tomllib.loads((DATA_DIR / "categories.toml").read_text())["category"]
    starters = tomllib.loads((DATA_DIR / "starter_agreements.toml").read_text())["agreement"]
    return categories, starters


def _sync(model, rows, fields):
    """Create missing rows and update changed ones, in a handful of queries."""
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


def load_library(Category, StarterAgreement):
    """Returns {"categories": (created, updated), "starters": (created, updated)}."""
    categories, starters = read_library()
    category_rows = [
        {
            "slug": c["slug"],
            "name": c["name"],
            "description": c.get("description", ""),
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
            "why": s.get("why", ""),
            "position": index,
        }
        for index, s in enumerate(starters)
    ]
    starter_result = _sync(StarterAgreement, starter_rows, STARTER_FIELDS)
    return {"categories": category_result, "starters": starter_result}


def load():
    from trustapp.agreements.models import Category, StarterAgreement

    return load_library(Category, StarterAgreement)
