"""Rules of conversations, tested on the services directly."""

from datetime import date, timedelta

import pytest

from tests.conftest import make_partnership, make_user
from tests.conversations.conftest import ALICE_WORDS, BOB_WORDS, unlock_tender
from tests.support.notices import catch_notices
from trustapp.conversations import services
from trustapp.conversations.models import Conversation, Prompt

MONDAY = date(2026, 3, 2)


def test_the_tender_deck_opens_only_when_both_partners_opted_in(partnership, alice, bob):
    assert not services.tender_unlocked(partnership)
    services.tender_set(partnership=partnership, user=alice, on=True)
    assert not services.tender_unlocked(partnership)
    services.tender_set(partnership=partnership, user=bob, on=True)
    assert services.tender_unlocked(partnership)
    services.tender_set(partnership=partnership, user=bob, on=False)
    assert not services.tender_unlocked(partnership)


def test_a_partnership_without_a_second_partner_never_opens_the_tender_deck(alice):
    alone = make_partnership(alice)
    services.tender_set(partnership=alone, user=alice, on=True)
    assert not services.tender_unlocked(alone)


def test_the_prompt_of_the_week_is_the_same_all_week(partnership):
    picks = {
        services.prompt_of_the_week(partnership, today=MONDAY + timedelta(days=offset))
        for offset in range(7)
    }
    assert len(picks) == 1


def test_the_prompt_of_the_week_changes_from_week_to_week(partnership):
    picks = {
        services.prompt_of_the_week(partnership, today=MONDAY + timedelta(weeks=week)).pk
        for week in range(8)
    }
    assert len(picks) > 1


def test_the_prompt_of_the_week_differs_between_partnerships(partnership, carol, dave):
    other = make_partnership(carol, dave)
    weeks = [MONDAY + timedelta(weeks=week) for week in range(8)]
    ours = [services.prompt_of_the_week(partnership, today=day).pk for day in weeks]
    theirs = [services.prompt_of_the_week(other, today=day).pk for day in weeks]
    assert ours != theirs


def test_the_prompt_of_the_week_is_never_tender_unless_both_opted_in(partnership, alice):
    services.tender_set(partnership=partnership, user=alice, on=True)
    for week in range(120):
        pick = services.prompt_of_the_week(partnership, today=MONDAY + timedelta(weeks=week))
        assert not pick.topic.is_tender


def test_the_prompt_of_the_week_can_be_tender_once_both_opted_in(partnership):
    unlock_tender(partnership)
    picks = [
        services.prompt_of_the_week(partnership, today=MONDAY + timedelta(weeks=week))
        for week in range(120)
    ]
    assert any(pick.topic.is_tender for pick in picks)


def test_hiding_this_weeks_prompt_gives_both_partners_another(partnership, alice):
    pick = services.prompt_of_the_week(partnership, today=MONDAY)
    services.prompt_choose(partnership=partnership, user=alice, prompt=pick, hidden=True)
    other = services.prompt_of_the_week(partnership, today=MONDAY)
    assert other != pick


def test_hiding_another_prompt_keeps_this_weeks_pick(partnership, bob):
    pick = services.prompt_of_the_week(partnership, today=MONDAY)
    another = Prompt.objects.active().exclude(pk=pick.pk).first()
    services.prompt_choose(partnership=partnership, user=bob, prompt=another, hidden=True)
    assert services.prompt_of_the_week(partnership, today=MONDAY) == pick


def test_the_prompt_of_the_week_is_none_when_everything_is_hidden(partnership, alice):
    for prompt in Prompt.objects.all():
        services.prompt_choose(partnership=partnership, user=alice, prompt=prompt, hidden=True)
    assert services.prompt_of_the_week(partnership) is None


def test_the_batch_form_picks_what_the_single_form_picks(
    partnership, alice, carol, dave, django_assert_num_queries
):
    other = make_partnership(carol, dave)
    unlock_tender(other)
    services.prompt_choose(
        partnership=partnership,
        user=alice,
        prompt=services.prompt_of_the_week(partnership, today=MONDAY),
        hidden=True,
    )
    lonely = make_partnership(make_user("erin@example.com", "Erin"))
    everyone = [partnership, other, lonely]
    for space in everyone:
        space.member_list()  # loaded with the partnerships, as the reminder batch does
    for week in range(30):
        day = MONDAY + timedelta(weeks=week)
        with django_assert_num_queries(3):
            picks = services.prompts_of_the_week(everyone, today=day)
        for space in everyone:
            assert picks[space.pk] == services.prompt_of_the_week(space, today=day)
    assert services.prompts_of_the_week([]) == {}


def test_drawing_respects_depth_hides_and_the_tender_deck(partnership, alice):
    light = list(Prompt.objects.active().filter(depth="light", topic__is_tender=False))
    for prompt in light[1:]:
        services.prompt_choose(partnership=partnership, user=alice, prompt=prompt, hidden=True)
    for _ in range(5):
        assert services.prompt_draw(partnership=partnership, depth="light") == light[0]
    assert services.prompt_draw(partnership=partnership, depth="tender") is None


def test_drawing_prefers_prompts_not_talked_about_yet(partnership, alice):
    prompts = list(Prompt.objects.active().filter(depth="light", topic__is_tender=False)[:2])
    for prompt in (
        Prompt.objects.active().filter(depth="light").exclude(pk__in=[p.pk for p in prompts])
    ):
        services.prompt_choose(partnership=partnership, user=alice, prompt=prompt, hidden=True)
    services.conversation_start(partnership=partnership, user=alice, prompt=prompts[0])
    for _ in range(5):
        assert services.prompt_draw(partnership=partnership, depth="light") == prompts[1]


def test_starting_a_prompt_twice_joins_the_open_conversation(partnership, alice, bob, prompt):
    first, created = services.conversation_start(partnership=partnership, user=alice, prompt=prompt)
    second, created_again = services.conversation_start(
        partnership=partnership, user=bob, prompt=prompt
    )
    assert created and not created_again
    assert first == second
    assert first.question == prompt.question


def test_a_tender_prompt_cannot_be_started_while_the_deck_is_closed(
    partnership, alice, tender_prompt
):
    with pytest.raises(services.ConversationError):
        services.conversation_start(partnership=partnership, user=alice, prompt=tender_prompt)


@pytest.fixture
def notices(monkeypatch):
    """What `notify_partner` was asked to tell (how it is delivered is not ours to test)."""
    return catch_notices(monkeypatch, services)


def test_the_first_answer_stays_private_and_notifies_the_partner(conversation, alice, bob, notices):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    conversation.refresh_from_db()
    assert conversation.revealed_at is None
    _mine, theirs = services.answers_for(conversation, bob)
    assert theirs.answered and theirs.text == ""
    assert len(notices) == 1
    notice = notices[0]
    assert notice["recipient"] == bob and notice["actor"] == alice
    assert notice["kind"] == "conversation_answered"
    assert "Alice answered" in str(notice["subject"])
    assert notice["path"] == conversation.get_absolute_url()
    # Neither the answer nor the (possibly tender) question travels in a notice.
    assert ALICE_WORDS not in str(notice["message"])
    assert conversation.question not in str(notice["message"])


def test_changing_an_answer_does_not_notify_again(conversation, alice, notices):
    services.answer_submit(conversation=conversation, user=alice, text="First")
    services.answer_submit(conversation=conversation, user=alice, text="Second")
    assert len(notices) == 1


def test_the_second_answer_reveals_both(conversation, alice, bob, notices):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    services.answer_submit(conversation=conversation, user=bob, text=BOB_WORDS)
    conversation.refresh_from_db()
    assert conversation.revealed_at is not None
    assert services.answers_for(conversation, alice)[1].text == BOB_WORDS
    assert services.answers_for(conversation, bob)[1].text == ALICE_WORDS
    assert notices[-1]["recipient"] == alice
    assert notices[-1]["kind"] == "conversation_revealed"
    assert BOB_WORDS not in str(notices[-1]["message"])


def test_an_answer_can_change_until_both_answered(conversation, alice, bob):
    services.answer_submit(conversation=conversation, user=alice, text="First thought")
    services.answer_submit(conversation=conversation, user=alice, text="Second thought")
    assert conversation.answers.get(user=alice).text == "Second thought"
    services.answer_submit(conversation=conversation, user=bob, text=BOB_WORDS)
    with pytest.raises(services.AlreadyRevealed):
        services.answer_submit(conversation=conversation, user=alice, text="Third")


def test_both_choosing_to_just_talk_opens_the_conversation(conversation, alice, bob):
    services.answer_submit(conversation=conversation, user=alice, just_talk=True)
    services.answer_submit(conversation=conversation, user=bob, just_talk=True)
    conversation.refresh_from_db()
    assert conversation.is_revealed
    assert services.answers_for(conversation, alice)[1].just_talk


def test_a_written_answer_is_never_given_to_someone_who_chose_to_just_talk(
    conversation, alice, bob
):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    services.answer_submit(conversation=conversation, user=bob, just_talk=True)
    conversation.refresh_from_db()
    _mine, alices = services.answers_for(conversation, bob)
    assert alices.kept_private and alices.text == ""
    assert services.answers_for(conversation, alice)[1].just_talk


@pytest.mark.parametrize("text", ["", "   ", "x" * (services.ANSWER_MAX_LENGTH + 1)])
def test_an_empty_or_huge_answer_is_refused(conversation, alice, text):
    with pytest.raises(services.ConversationError):
        services.answer_submit(conversation=conversation, user=alice, text=text)
    assert not conversation.answers.exists()


def test_taking_an_answer_back_erases_its_words_for_the_partner(revealed, alice, bob):
    services.answer_withdraw(conversation=revealed, user=alice)
    answer = revealed.answers.get(user=alice)
    assert answer.text == "" and answer.is_withdrawn
    _mine, alices = services.answers_for(revealed, bob)
    assert alices.withdrawn and alices.text == ""


def test_an_answer_cannot_be_taken_back_before_the_reveal(conversation, alice):
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    with pytest.raises(services.ConversationError):
        services.answer_withdraw(conversation=conversation, user=alice)


def test_talking_about_it_needs_the_reveal_first(conversation, alice):
    with pytest.raises(services.ConversationError):
        services.conversation_mark_talked(conversation=conversation, user=alice)


def test_marking_talked_keeps_a_takeaway_and_frees_the_prompt_for_a_new_talk(
    revealed, partnership, alice, bob, prompt
):
    services.conversation_mark_talked(conversation=revealed, user=bob, takeaway="  We ask.  ")
    revealed.refresh_from_db()
    assert revealed.talked_by == bob and revealed.takeaway == "We ask."
    assert revealed.takeaway_version == 1
    again, created = services.conversation_start(partnership=partnership, user=alice, prompt=prompt)
    assert created and again != revealed


def test_a_takeaway_edit_based_on_an_old_version_is_refused(revealed, alice, bob):
    services.conversation_mark_talked(conversation=revealed, user=alice, takeaway="First")
    services.takeaway_save(conversation=revealed, user=bob, text="Bob's words", version=1)
    with pytest.raises(services.TakeawayConflict) as error:
        services.takeaway_save(conversation=revealed, user=alice, text="Alice's", version=1)
    assert error.value.version == 2
    assert Conversation.objects.get(pk=revealed.pk).takeaway == "Bob's words"


def test_links_into_features_that_do_not_exist_are_none(partnership):
    assert services.link_with_params("nothing:here", partnership, text="x") is None
    assert "text=x" in services.link_with_params("conversations:index", partnership, text="x")


def test_one_person_in_two_partnerships_keeps_them_apart(alice, partnership, prompt):
    carol = make_user("carol2@example.com", "Carol")
    second = make_partnership(alice, carol)
    services.prompt_choose(partnership=partnership, user=alice, prompt=prompt, starred=True)
    services.tender_set(partnership=partnership, user=alice, on=True)
    assert not second.prompt_choices.exists()
    assert not services.tender_opted_in(second, alice)


def test_the_week_prompt_is_kept_in_the_cache_until_what_it_depends_on_changes(
    partnership, alice, bob, django_assert_num_queries
):
    pick = services.prompt_of_the_week(partnership, today=MONDAY)
    with django_assert_num_queries(0):
        assert services.prompt_of_the_week(partnership, today=MONDAY) == pick
    services.prompt_choose(partnership=partnership, user=bob, prompt=pick, hidden=True)
    after_hide = services.prompt_of_the_week(partnership, today=MONDAY)
    assert after_hide != pick
    unlock_tender(partnership)
    picks = {
        services.prompt_of_the_week(partnership, today=MONDAY + timedelta(weeks=w)).pk
        for w in range(60)
    }
    assert any(Prompt.objects.get(pk=pk).topic.is_tender for pk in picks)
    Prompt.objects.filter(pk=after_hide.pk).update(is_active=False)
    services.week_prompt_forget()  # what loading the library does when something changed
    assert services.prompt_of_the_week(partnership, today=MONDAY) != after_hide


def test_taking_an_answer_back_before_the_talk_lets_its_author_answer_again(revealed, alice, bob):
    services.answer_withdraw(conversation=revealed, user=alice)
    revealed.refresh_from_db()
    assert not revealed.is_revealed  # bob's answer is private again until alice answers
    mine, bobs = services.answers_for(revealed, alice)
    assert mine is None and bobs.answered and bobs.text == ""
    _bobs_own, alices = services.answers_for(revealed, bob)
    assert not alices.answered and alices.withdrawn and alices.text == ""
    state = services.with_answer_state(Conversation.objects.filter(pk=revealed.pk), bob).get()
    assert state.i_answered and not state.partner_answered

    services.answer_submit(conversation=revealed, user=alice, text="Said better this time.")
    revealed.refresh_from_db()
    assert revealed.is_revealed
    _mine, alices = services.answers_for(revealed, bob)
    assert alices.text == "Said better this time." and not alices.withdrawn


def test_taking_an_answer_back_after_the_talk_keeps_the_conversation_closed(revealed, alice, bob):
    services.conversation_mark_talked(conversation=revealed, user=bob)
    services.answer_withdraw(conversation=revealed, user=alice)
    revealed.refresh_from_db()
    assert revealed.is_revealed
    _mine, alices = services.answers_for(revealed, bob)
    assert alices.withdrawn and alices.text == ""
