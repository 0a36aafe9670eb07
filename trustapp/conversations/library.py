"""The prompt library ships as TOML data files, one per topic, in `prompts/`.

`load_prompts()` makes the database match the files, keyed by slug: new prompts are
added, edited ones updated, removed ones retired (never deleted, since conversations
point at them). Conversations keep their own copy of the question, so editing a file
never rewrites a conversation that already happened. Safe to run any number of times.
"""

from pathlib import Path

from django.db import transaction
from django.db.models import F, OuterRef, Subquery

from trustapp.conversations.models import Conversation, Prompt, Topic
from trustapp.conversations.services import week_prompt_forget
from trustapp.lib.i18n import missing_languages, read_translations
from trustapp.lib.library import LibraryError, read_toml_files, sync
from trustapp.lib.library import slug as _slug
from trustapp.lib.library import text as _text

PROMPTS_DIR = Path(__file__).resolve().parent / "prompts"
DEPTHS = {choice.value for choice in Prompt.Depth}
TOPIC_FIELDS = ("title", "summary", "is_tender", "position", "is_active", "translations")
PROMPT_FIELDS = (
    "topic_id",
    "question",
    "note",
    "depth",
    "follow_ups",
    "position",
    "is_active",
    "translations",
)
TOPIC_TEXTS = ("title", "summary")
PROMPT_TEXTS = ("question", "note", "follow_ups")


def read_library(directory=PROMPTS_DIR):
    """Parse and check every topic file; returns a list of topic dicts with their prompts."""
    topics, topic_slugs, prompt_slugs = [], set(), set()
    for name, data in read_toml_files(directory):
        tender = data.get("tender", False)
        if not isinstance(tender, bool):
            raise LibraryError(f"{name}: 'tender' must be true or false")
        position = data.get("position", 0)
        if not isinstance(position, int) or position < 0:
            raise LibraryError(f"{name}: 'position' must be a whole number")
        topic = {
            "slug": _slug(data, name, topic_slugs),
            "title": _text(data, "title", name),
            "summary": _text(data, "summary", name),
            "is_tender": tender,
            "position": position,
            "prompts": [],
        }
        # The topic's own translations: the tables [de], [es] ... before the first prompt.
        topic["translations"] = read_translations(data, _texts_of(topic, TOPIC_TEXTS), name)
        raw_prompts = data.get("prompts")
        if not isinstance(raw_prompts, list) or not raw_prompts:
            raise LibraryError(f"{name}: a topic needs at least one [[prompts]] entry")
        for index, raw in enumerate(raw_prompts, start=1):
            where = f"{name}, prompt {index}"
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
            prompt = {
                "slug": _slug(raw, where, prompt_slugs),
                "question": _text(raw, "question", where),
                "note": _text(raw, "note", where),
                "depth": depth,
                "follow_ups": [" ".join(item.split()) for item in follow_ups],
                "position": index,
            }
            # [prompts.de] and the like, right after the prompt.
            prompt["translations"] = read_translations(raw, _texts_of(prompt, PROMPT_TEXTS), where)
            topic["prompts"].append(prompt)
        topics.append(topic)
    return topics


def _texts_of(entry, keys):
    return {key: entry[key] for key in keys}


def missing(directory=PROMPTS_DIR):
    """[(where, language, key)] for every text of the library lacking a language of
    settings.LANGUAGES (trustapp.lib.i18n.missing_languages)."""
    gaps = []
    for topic in read_library(directory):
        english = _texts_of(topic, TOPIC_TEXTS)
        gaps += missing_languages(topic["slug"], english, topic["translations"])
        for prompt in topic["prompts"]:
            english = _texts_of(prompt, PROMPT_TEXTS)
            gaps += missing_languages(prompt["slug"], english, prompt["translations"])
    return gaps


def _translate_earlier_conversations(using):
    """A conversation started before its prompt had translations takes its prompt's question
    in the other languages, once, while its English is still the prompt's (one query)."""
    prompt_translations = Prompt.objects.using(using).filter(pk=OuterRef("prompt_id"))
    (
        Conversation.objects.using(using)
        .filter(translations={}, question=F("prompt__question"))
        .exclude(prompt__translations={})
        .update(translations=Subquery(prompt_translations.values("translations")[:1]))
    )


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
                "translations": topic["translations"],
            }
            for topic in library
        }
        topics_created, topics_updated = sync(Topic, topic_rows, TOPIC_FIELDS, using)
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
                "translations": prompt["translations"],
            }
            for topic in library
            for prompt in topic["prompts"]
        }
        created, updated = sync(Prompt, prompt_rows, PROMPT_FIELDS, using)
        _translate_earlier_conversations(using)
    if topics_created or topics_updated or created or updated:
        week_prompt_forget()
    return {
        "topics_created": topics_created,
        "topics_updated": topics_updated,
        "prompts_created": created,
        "prompts_updated": updated,
    }
