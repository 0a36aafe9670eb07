"""The prompt library: the data files are well formed and load idempotently by slug."""

import shutil

import pytest
from django.core.management import call_command

from trustapp.conversations import services
from trustapp.conversations.library import (
    PROMPTS_DIR,
    LibraryError,
    load_prompts,
    read_library,
)
from trustapp.conversations.models import Conversation, Prompt, Topic

TENDER_TOPICS = {"jealousy", "past-hurts", "rebuilding-after-a-breach"}


def test_the_data_files_hold_at_least_80_prompts_across_12_topics():
    library = read_library()
    assert len(library) >= 12
    assert sum(len(topic["prompts"]) for topic in library) >= 80


def test_every_prompt_has_a_unique_slug_and_no_empty_text():
    library = read_library()
    slugs = [prompt["slug"] for topic in library for prompt in topic["prompts"]]
    assert len(slugs) == len(set(slugs))
    for topic in library:
        assert topic["title"].strip() and topic["summary"].strip()
        for prompt in topic["prompts"]:
            assert prompt["question"].strip()
            assert prompt["note"].strip()
            assert prompt["depth"] in {"light", "deeper", "tender"}
            assert all(item.strip() for item in prompt["follow_ups"])


def test_each_file_is_one_topic_and_every_depth_is_used():
    files = sorted(PROMPTS_DIR.glob("*.toml"))
    assert len(files) == len(read_library())
    depths = {prompt["depth"] for topic in read_library() for prompt in topic["prompts"]}
    assert depths == {"light", "deeper", "tender"}


def test_jealousy_past_hurts_and_rebuilding_are_tender_and_nothing_else_is():
    tender = {topic["slug"] for topic in read_library() if topic["is_tender"]}
    assert tender == TENDER_TOPICS


def test_the_library_is_loaded_after_migrate(db):
    assert Topic.objects.filter(is_active=True).count() == len(read_library())
    assert Prompt.objects.active().count() >= 80


def test_loading_twice_changes_nothing(db):
    counts = load_prompts()
    assert counts == {
        "topics_created": 0,
        "topics_updated": 0,
        "prompts_created": 0,
        "prompts_updated": 0,
    }


def copy_library(tmp_path):
    target = tmp_path / "prompts"
    shutil.copytree(PROMPTS_DIR, target)
    return target


def test_editing_a_file_updates_the_prompt_but_not_past_conversations(
    tmp_path, partnership, alice, prompt
):
    conversation, _created = services.conversation_start(
        partnership=partnership, user=alice, prompt=prompt
    )
    original = prompt.question
    directory = copy_library(tmp_path)
    path = directory / "01-what-trust-means.toml"
    path.write_text(path.read_text().replace(original, "What does trust feel like to you?"))

    counts = load_prompts(directory)

    assert counts["prompts_updated"] == 1 and counts["prompts_created"] == 0
    prompt.refresh_from_db()
    assert prompt.question == "What does trust feel like to you?"
    conversation.refresh_from_db()
    assert conversation.question == original
    assert Conversation.objects.count() == 1


def test_a_prompt_removed_from_the_files_is_retired_not_deleted(tmp_path, conversation, prompt):
    directory = copy_library(tmp_path)
    path = directory / "01-what-trust-means.toml"
    text = path.read_text()
    start = text.index('[[prompts]]\nslug = "trust-in-one-sentence"')
    end = text.index("[[prompts]]", start + 5)
    path.write_text(text[:start] + text[end:])

    load_prompts(directory)

    prompt.refresh_from_db()
    assert prompt.is_active is False
    assert Conversation.objects.filter(pk=conversation.pk).exists()
    assert not Prompt.objects.active().filter(slug=prompt.slug).exists()


def test_a_new_prompt_in_a_file_is_added(tmp_path, db):
    directory = copy_library(tmp_path)
    path = directory / "12-patience.toml"
    path.write_text(
        path.read_text() + '\n[[prompts]]\nslug = "patience-new-one"\ndepth = "light"\n'
        'question = "What made you smile today?"\nnote = "Keep it short."\n'
    )
    assert load_prompts(directory)["prompts_created"] == 1
    assert Prompt.objects.get(slug="patience-new-one").topic.slug == "patience-and-consistency"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('slug = "x"\ntitle = "T"\nsummary = "S"\n', "at least one"),
        (
            'slug = "x"\ntitle = "T"\nsummary = "S"\n[[prompts]]\nslug = "p"\n'
            'depth = "light"\nquestion = " "\nnote = "n"\n',
            "'question' must be a non-empty string",
        ),
        (
            'slug = "x"\ntitle = "T"\nsummary = "S"\n[[prompts]]\nslug = "p"\n'
            'depth = "tender"\nquestion = "q"\nnote = "n"\n',
            "tender prompt belongs in a tender topic",
        ),
        (
            'slug = "Not A Slug"\ntitle = "T"\nsummary = "S"\n',
            "lowercase words joined by dashes",
        ),
        (
            'slug = "x"\ntitle = "T"\nsummary = "S"\n[[prompts]]\nslug = "trust-in-one-sentence"\n'
            'depth = "light"\nquestion = "q"\nnote = "n"\n',
            "used twice",
        ),
        ("this is = not [toml", "99-bad.toml"),
    ],
)
def test_a_malformed_file_is_refused_with_its_name(tmp_path, bad, message):
    directory = copy_library(tmp_path)
    (directory / "99-bad.toml").write_text(bad)
    with pytest.raises(LibraryError, match=message.replace("[", r"\[")):
        read_library(directory)


def test_the_management_command_loads_the_prompts(db, capsys):
    Prompt.objects.filter(slug="trust-in-one-sentence").update(question="Changed by hand")
    call_command("load_prompts")
    assert "1 updated" in capsys.readouterr().out
    assert Prompt.objects.get(slug="trust-in-one-sentence").question != "Changed by hand"
