"""The prompt library ships as TOML data files, one per topic, in `prompts/`.

`load_prompts()` makes the database match the files, keyed by slug: new prompts are
added, edited ones updated, removed ones retired (never deleted, since conversations
point at them). Conversations keep their own copy of the question, so editing a file
never rewrites a conversation that already happened. Safe to run any number of times.
"""

import re
import tomllib
from pathlib import Path

from django.db import transaction

from trustapp.conversations.models import Prompt, Topic
from trustapp.conversations.services import week_prompt_forget

PROMPTS_DIR = Path(__file__).resolve().parent / "prompts"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DEPTHS = {choice.value for choice in Prompt.Depth}
TOPIC_FIELDS = ("title", "summary", "is_tender", "position", "is_active")
PROMPT_FIELDS = ("topic_id", "question", "note", "depth", "follow_ups", "position", "is_active")


class LibraryError(ValueError):
    """A data file is not shaped the way the loader needs; the message names the file."""


def _text(data, key, where):
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LibraryError(f"{where}: '{key}' must be a non-empty string")
    return " ".join(value.split())


def _slug(data, where, seen):
    slug = _text(data, "slug", where)
    if not SLUG.match(slug) or len(slug) > 80:
        raise LibraryError(f"{where}: slug {slug!r} must be lowercase words joined by dashes")
    if slug in seen:
        raise LibraryError(f"{where}: slug {slug!r} is used twice")
    seen.add(slug)
    return slug


def read_library(directory=PROMPTS_DIR):
    """Parse and check every topic file; returns a list of topic dicts with their prompts."""
    topics, topic_slugs, prompt_slugs = [], set(), set()
    for path in sorted(Path(directory).glob("*.toml")):
        with path.open("rb") as handle:
            try:
                data = tomllib.load(handle)
            except tomllib.TOMLDecodeError as error:
                raise LibraryError(f"{path.name}: {error}") from error
        tender = data.get("tender", False)
        if not isinstance(tender, bool):
            raise LibraryError(f"{path.name}: 'tender' must be true or false")
        position = data.get("position", 0)
        if not isinstance(position, int) or position < 0:
            raise LibraryError(f"{path.name}: 'position' must be a whole number")
        topic = {
            "slug": _slug(data, path.name, topic_slugs),
            "title": _text(data, "title", path.name),
            "summary": _text(data, "summary", path.name),
            "is_tender": tender,
            "position": position,
            "prompts": [],
        }
        raw_prompts = data.get("prompts")
        if not isinstance(raw_prompts, list) or not raw_prompts:
            raise LibraryError(f"{path.name}: a topic needs at least one [[prompts]] entry")
        for index, raw in enumerate(raw_prompts, start=1):
            where = f"{path.name}, prompt {index}"
            depth = raw.get("depth")
            if depth not in DEPTHS:
                raise LibraryError(f"{where}: depth must be one of {sorted(DEPTHS)}")
            if depth == Prompt.Depth.TENDER and not tender:
                raise LibraryError(f"{where}: a tender prompt belongs in a tender topic")
            follow_ups = raw.get("follow_ups", [])
            if not isinstance(follow_ups, list) or not all(
                isinstance(item, str) and item.strip() for item in follow_ups
            ):
                raise LibraryError(f"{where}: follow_ups must be a list of non-empty strings")
            topic["prompts"].append(
                {
                    "slug": _slug(raw, where, prompt_slugs),
                    "question": _text(raw, "question", where),
                    "note": _text(raw, "note", where),
                    "depth": depth,
                    "follow_ups": [" ".join(item.split()) for item in follow_ups],
                    "position": index,
                }
            )
        topics.append(topic)
    return topics


def _sync(model, rows, fields, using):
    """Create or update `rows` (dicts keyed by slug) and retire what the files dropped."""
    existing = {obj.slug: obj for obj in model._default_manager.using(using).all()}
    to_create, to_update = [], []
    for slug, values in rows.items():
        obj = existing.pop(slug, None)
        if obj is None:
            to_create.append(model(slug=slug, **values))
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


def load_prompts(directory=PROMPTS_DIR, *, using="default"):
    """Make topics and prompts match the data files. Returns counts of what changed."""
    library = read_library(directory)
    with transaction.atomic(using=using):
        topic_rows = {
            topic["slug"]: {
                "title": topic["title"],
                "summary": topic["summary"],
                "is_tender": topic["is_tender"],
                "position": topic["position"],
                "is_active": True,
            }
            for topic in library
        }
        topics_created, topics_updated = _sync(Topic, topic_rows, TOPIC_FIELDS, using)
        topic_ids = dict(Topic.objects.using(using).values_list("slug", "pk"))
        prompt_rows = {
            prompt["slug"]: {
                "topic_id": topic_ids[topic["slug"]],
                "question": prompt["question"],
                "note": prompt["note"],
                "depth": prompt["depth"],
                "follow_ups": prompt["follow_ups"],
                "position": prompt["position"],
                "is_active": True,
            }
            for topic in library
            for prompt in topic["prompts"]
        }
        created, updated = _sync(Prompt, prompt_rows, PROMPT_FIELDS, using)
    if topics_created or topics_updated or created or updated:
        week_prompt_forget()
    return {
        "topics_created": topics_created,
        "topics_updated": topics_updated,
        "prompts_created": created,
        "prompts_updated": updated,
    }
