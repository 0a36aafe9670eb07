"""Browsing the prompt library: the start page, topics, prompts, drawing, stars, hides
and the tender-topics switch."""

import pytest
from django.utils.html import escape

from tests.conftest import make_partnership
from tests.conversations.conftest import unlock_tender, url
from trustapp.conversations import services
from trustapp.conversations.models import Prompt, PromptChoice, TenderOptIn, Topic


def test_the_start_page_shows_the_week_prompt_a_draw_form_and_topics(alice_client, partnership):
    response = alice_client.get(url("index", partnership))
    assert response.status_code == 200
    body = response.content.decode()
    week = services.prompt_of_the_week(partnership)
    assert escape(week.question) in body
    assert url("draw", partnership) in body
    for topic in Topic.objects.all():
        assert escape(topic.title) in body
    assert "opens once you have both turned tender topics on" in body


@pytest.mark.embedded
def test_the_start_page_lists_topics_in_their_order_with_their_prompt_counts(
    alice_client, alice, partnership, prompt
):
    PromptChoice.objects.create(partnership=partnership, user=alice, prompt=prompt, hidden=True)
    body = alice_client.get(url("index", partnership)).content.decode()
    topics = list(Topic.objects.filter(is_active=True).order_by("position", "title"))
    links = [f'href="{url("topic", partnership, topic.slug)}"' for topic in topics]
    assert [body.index(link) for link in links] == sorted(body.index(link) for link in links)
    shown = prompt.topic.prompts.filter(is_active=True).count() - 1  # the one alice hid
    card = body[body.index(links[topics.index(prompt.topic)]) :]
    assert f"{shown} prompts" in card[: card.index("</li>")]


def test_both_partners_see_the_same_prompt_of_the_week(alice_client, bob_client, partnership):
    week = services.prompt_of_the_week(partnership)
    for client in (alice_client, bob_client):
        assert escape(week.question) in client.get(url("index", partnership)).content.decode()


def test_the_start_page_lists_conversations_in_progress(
    bob_client, alice, partnership, conversation
):
    services.answer_submit(conversation=conversation, user=alice, text="Mine")
    body = bob_client.get(url("index", partnership)).content.decode()
    assert conversation.question in body
    assert "Alice answered, your turn" in body


def test_the_start_page_waits_for_a_partner(alice_client, alice):
    alone = make_partnership(alice)
    response = alice_client.get(url("index", alone))
    assert response.status_code == 200
    assert "once your partner joins" in response.content.decode()


def test_the_start_page_rejects_post(alice_client, partnership):
    assert alice_client.post(url("index", partnership)).status_code == 405


def test_a_topic_lists_its_prompts_with_depths(alice_client, partnership):
    response = alice_client.get(url("topic", partnership, "boundaries"))
    assert response.status_code == 200
    body = response.content.decode()
    for prompt in Prompt.objects.filter(topic__slug="boundaries"):
        assert escape(prompt.question) in body
    assert "depth-light" in body and "depth-deeper" in body


def test_an_unknown_topic_is_404(alice_client, partnership):
    assert alice_client.get(url("topic", partnership, "nope")).status_code == 404


def test_a_topic_leaves_out_prompts_i_hid(alice_client, alice, partnership, prompt):
    services.prompt_choose(partnership=partnership, user=alice, prompt=prompt, hidden=True)
    body = alice_client.get(url("topic", partnership, prompt.topic.slug)).content.decode()
    assert prompt.question not in body


def test_the_prompt_page_previews_the_question_note_and_follow_ups(
    alice_client, partnership, prompt
):
    response = alice_client.get(url("prompt", partnership, prompt.slug))
    assert response.status_code == 200
    body = response.content.decode()
    assert prompt.question in body and prompt.note in body
    for follow_up in prompt.follow_ups:
        assert follow_up in body
    assert url("start", partnership, prompt.slug) in body


def test_the_prompt_page_links_to_an_open_conversation(alice_client, partnership, conversation):
    body = alice_client.get(url("prompt", partnership, conversation.prompt.slug)).content.decode()
    assert "Continue this conversation" in body
    assert url("conversation", partnership, conversation.pk) in body


def test_a_tender_prompt_page_carries_the_gentle_note(alice_client, partnership, tender_prompt):
    unlock_tender(partnership)
    body = alice_client.get(url("prompt", partnership, tender_prompt.slug)).content.decode()
    assert "A couples therapist can help" in body
    assert 'href="/safety/"' in body


@pytest.mark.parametrize("depth", ["light", "deeper", "any"])
def test_drawing_leads_to_a_prompt_at_that_depth(alice_client, partnership, depth):
    response = alice_client.get(url("draw", partnership) + f"?depth={depth}")
    assert response.status_code == 302
    slug = response["Location"].split("/prompts/")[1].split("/")[0]
    prompt = Prompt.objects.get(slug=slug)
    assert not prompt.topic.is_tender
    if depth != "any":
        assert prompt.depth == depth
    page = alice_client.get(response["Location"]).content.decode()
    assert "Draw another" in page


def test_drawing_with_a_nonsense_depth_explains(alice_client, partnership):
    response = alice_client.get(url("draw", partnership) + "?depth=bottomless", follow=True)
    assert "Please pick one of the depths" in response.content.decode()


def test_drawing_rejects_post(alice_client, partnership):
    assert alice_client.post(url("draw", partnership)).status_code == 405


def test_drawing_when_nothing_is_left_explains(alice_client, alice, partnership):
    for prompt in Prompt.objects.filter(depth="light"):
        services.prompt_choose(partnership=partnership, user=alice, prompt=prompt, hidden=True)
    response = alice_client.get(url("draw", partnership) + "?depth=light", follow=True)
    assert "no prompt left to draw" in response.content.decode()


def test_starring_without_javascript_redirects_back(alice_client, alice, partnership, prompt):
    back = url("topic", partnership, prompt.topic.slug)
    response = alice_client.post(
        url("star", partnership, prompt.slug), {"starred": "1", "next": back}
    )
    assert response.status_code == 302 and response["Location"] == back
    assert PromptChoice.objects.get(user=alice, prompt=prompt).starred
    assert prompt.question in alice_client.get(url("starred", partnership)).content.decode()


def test_starring_refuses_an_outside_next_url(alice_client, partnership, prompt):
    response = alice_client.post(
        url("star", partnership, prompt.slug), {"starred": "1", "next": "https://evil.example/"}
    )
    assert response["Location"] == url("prompt", partnership, prompt.slug)


def test_starring_with_htmx_returns_the_buttons(alice_client, partnership, prompt, htmx_headers):
    response = alice_client.post(
        url("star", partnership, prompt.slug), {"starred": "1"}, headers=htmx_headers
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<div class="prompt-actions">')
    assert "Remove star" in body


def test_stars_are_private_to_each_partner(alice_client, bob_client, partnership, prompt):
    alice_client.post(url("star", partnership, prompt.slug), {"starred": "1"})
    assert prompt.question not in bob_client.get(url("starred", partnership)).content.decode()


def test_a_star_without_a_value_is_refused(alice_client, partnership, prompt, htmx_headers):
    response = alice_client.post(url("star", partnership, prompt.slug), {}, headers=htmx_headers)
    assert response.status_code == 400
    assert not PromptChoice.objects.exists()


def test_star_rejects_get(alice_client, partnership, prompt):
    assert alice_client.get(url("star", partnership, prompt.slug)).status_code == 405


def test_hiding_and_showing_again(alice_client, alice, partnership, prompt, htmx_headers):
    response = alice_client.post(
        url("hide", partnership, prompt.slug), {"hidden": "1"}, headers=htmx_headers
    )
    assert "Show again" in response.content.decode()
    assert prompt.question in alice_client.get(url("hidden", partnership)).content.decode()
    alice_client.post(url("hide", partnership, prompt.slug), {"hidden": "0"})
    assert not PromptChoice.objects.get(user=alice, prompt=prompt).hidden
    assert prompt.question not in alice_client.get(url("hidden", partnership)).content.decode()


def test_hide_rejects_get(alice_client, partnership, prompt):
    assert alice_client.get(url("hide", partnership, prompt.slug)).status_code == 405


def test_the_tender_page_explains_and_turns_the_deck_on(alice_client, alice, partnership):
    body = alice_client.get(url("tender", partnership)).content.decode()
    assert "Jealousy" in body and "A couples therapist can help" in body
    assert 'href="/safety/"' in body
    response = alice_client.post(url("tender", partnership), {"on": "1"}, follow=True)
    assert TenderOptIn.objects.filter(user=alice).exists()
    assert "They open once your partner does too" in response.content.decode()


def test_the_tender_page_does_not_tell_you_your_partners_choice_first(
    bob_client, alice, partnership
):
    services.tender_set(partnership=partnership, user=alice, on=True)
    body = bob_client.get(url("tender", partnership)).content.decode()
    assert "Tender topics are off for you." in body
    assert "Alice" not in body.split("<main")[1].split("</main>")[0]


def test_the_second_partner_opting_in_opens_the_deck(bob_client, alice, partnership):
    services.tender_set(partnership=partnership, user=alice, on=True)
    response = bob_client.post(url("tender", partnership), {"on": "1"}, follow=True)
    assert "open for both of you" in response.content.decode()


def test_the_tender_switch_refuses_nonsense(alice_client, partnership):
    response = alice_client.post(url("tender", partnership), {"on": "maybe"}, follow=True)
    assert "That did not work" in response.content.decode()
    assert not TenderOptIn.objects.exists()


@pytest.mark.parametrize("name", ["index", "starred", "hidden", "history"])
def test_read_only_pages_reject_post(alice_client, partnership, name):
    assert alice_client.post(url(name, partnership)).status_code == 405


def test_the_tender_page_rejects_put(alice_client, partnership):
    assert alice_client.put(url("tender", partnership)).status_code == 405
