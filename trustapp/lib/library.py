"""Content that ships as TOML data files and is kept in the database by slug.

Used by the conversation prompts and the daily questions: each app reads and checks its own
files, then `sync` makes a table match them. New rows are added, changed ones updated, and
rows whose entry is gone are retired (never deleted: past answers point at them), so a
loader is safe to run any number of times.
"""

import re
import tomllib
from pathlib import Path

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class LibraryError(ValueError):
    """A data file is not shaped the way the loader needs; the message names the file."""


def read_toml_files(directory):
    """(file name, parsed data) for every `*.toml` in `directory`, in name order."""
    for path in sorted(Path(directory).glob("*.toml")):
        with path.open("rb") as handle:
            try:
                yield path.name, tomllib.load(handle)
            except tomllib.TOMLDecodeError as error:
                raise LibraryError(f"{path.name}: {error}") from error


def clean_text(value, where, key):
    """`value` as one line of text, or a LibraryError naming where it was."""
    if not isinstance(value, str) or not value.strip():
        raise LibraryError(f"{where}: '{key}' must be a non-empty string")
    return " ".join(value.split())


def text(data, key, where):
    return clean_text(data.get(key), where, key)


def check_slug(slug, where, seen):
    """`slug` if it is lowercase words joined by dashes and not in `seen` (then added)."""
    if not isinstance(slug, str) or not SLUG.match(slug) or len(slug) > 80:
        raise LibraryError(f"{where}: slug {slug!r} must be lowercase words joined by dashes")
    if slug in seen:
        raise LibraryError(f"{where}: slug {slug!r} is used twice")
    seen.add(slug)
    return slug


def slug(data, where, seen):
    return check_slug(text(data, "slug", where), where, seen)


def sync(model, rows, fields, using):
    """Create or update `rows` (dicts keyed by slug) and retire what the files dropped.

    Returns (created, updated)."""
    existing = {obj.slug: obj for obj in model._default_manager.using(using).all()}
    to_create, to_update = [], []
    for key, values in rows.items():
        obj = existing.pop(key, None)
        if obj is None:
            to_create.append(model(slug=key, **values))
            continue
        if any(getattr(obj, field) != values[field] for field in fields):
            for field in fields:
                setattr(obj, field, values[field])
            to_update.append(obj)
    for obj in existing.values():
        if obj.is_active:
            obj.is_active = False
            to_update.append(obj)
    model._default_manager.using(using).bulk_create(to_create)
    model._default_manager.using(using).bulk_update(to_update, fields)
    return len(to_create), len(to_update)


def tables_are_current(apps, models):
    """After `migrate`: whether the tables of `models` exist in their current shape.

    A loader connected to post_migrate runs after every migrate, also a partial one (or
    one back to before the app existed), where it must not touch the tables yet."""
    if apps is None:
        return True
    for model in models:
        try:
            state = apps.get_model(model._meta.label)
        except LookupError:
            return False
        current = {field.column for field in model._meta.concrete_fields}
        if current - {field.column for field in state._meta.concrete_fields}:
            return False
    return True
