from datetime import date, timedelta

from django.utils import timezone

from tests.appreciations.conftest import make_appreciation
from trustapp.appreciations import services
from trustapp.appreciations.models import ReadMarker


def test_shared_since_lists_shared_ones_in_one_query(
    partnership, alice, bob, django_assert_num_queries
):
    """Their people are the members the caller has loaded already: no join for them."""
    now = timezone.now()
    make_appreciation(partnership, alice, bob, "Before", shared_at=now - timedelta(days=8))
    make_appreciation(partnership, bob, alice, "After", shared_at=now - timedelta(days=1))
    make_appreciation(partnership, alice, bob, "Private", shared=False)
    with django_assert_num_queries(1):
        found = list(services.shared_since(partnership, now - timedelta(days=7)))
        assert [(a.text, a.author_id, a.recipient_id) for a in found] == [
            ("After", bob.pk, alice.pk)
        ]


def test_shared_since_counts_a_note_from_the_moment_it_was_shared(partnership, alice, bob):
    old_note = make_appreciation(
        partnership,
        alice,
        bob,
        "Old note",
        shared=False,
        created_at=timezone.now() - timedelta(days=30),
    )
    since = timezone.now() - timedelta(days=1)
    assert list(services.shared_since(partnership, since)) == []
    services.appreciation_share(appreciation=old_note)
    assert list(services.shared_since(partnership, since)) == [old_note]


def test_new_for_counts_only_shared_ones_from_the_partner(partnership, alice, bob):
    make_appreciation(partnership, alice, bob, "For bob")
    make_appreciation(partnership, alice, bob, "Private for bob", shared=False)
    make_appreciation(partnership, bob, alice, "For alice")
    assert services.new_for(partnership, bob) == 1
    assert services.new_for(partnership, alice) == 1


def test_new_for_starts_again_after_the_reader_opens_the_log(partnership, alice, bob):
    make_appreciation(partnership, alice, bob)
    services.mark_seen(partnership, bob)
    assert services.new_for(partnership, bob) == 0
    make_appreciation(partnership, alice, bob, "Another")
    assert services.new_for(partnership, bob) == 1


def test_opening_the_log_tells_what_is_new_then_nothing_on_a_reload(
    partnership, alice, bob, django_assert_num_queries
):
    services.open_log(partnership, bob)
    for index in range(7):
        make_appreciation(partnership, alice, bob, f"News {index}")
    make_appreciation(partnership, alice, bob, "Private for bob", shared=False)
    visit = services.open_log(partnership, bob, limit=5)
    assert visit.new_count == 7
    assert [a.text for a in visit.new_list] == [f"News {index}" for index in (6, 5, 4, 3, 2)]
    again = services.open_log(partnership, bob)  # settles the highlight, once
    assert (again.new_count, again.new_list) == (0, [])
    assert again.since > visit.since
    with django_assert_num_queries(2):  # the marker and the count; nothing new, no list
        assert services.open_log(partnership, bob).since == again.since


def test_each_reader_has_their_own_marker(partnership, alice, bob):
    make_appreciation(partnership, alice, bob)
    make_appreciation(partnership, bob, alice)
    services.mark_seen(partnership, alice)
    assert services.new_for(partnership, alice) == 0
    assert services.new_for(partnership, bob) == 1


def test_mark_seen_keeps_the_visit_start_for_the_next_pages(partnership, bob):
    first = services.mark_seen(partnership, bob)
    assert first == services.EPOCH
    second_visit_start = services.mark_seen(partnership, bob)
    assert second_visit_start > first
    assert services.highlight_since(partnership, bob) == second_visit_start


def test_new_for_is_one_query(partnership, alice, bob, django_assert_num_queries):
    make_appreciation(partnership, alice, bob)
    with django_assert_num_queries(1):
        services.new_for(partnership, bob)


def test_new_counts_agree_with_new_for_for_many_people_in_one_query(
    partnership, other_partnership, alice, bob, carol, dave, django_assert_num_queries
):
    make_appreciation(partnership, alice, bob)
    make_appreciation(partnership, alice, bob, "Another")
    make_appreciation(partnership, bob, alice, "Private", shared=False)
    make_appreciation(other_partnership, dave, carol)
    make_appreciation(other_partnership, carol, dave)
    services.mark_seen(other_partnership, dave)
    pairs = [
        (partnership.pk, alice.pk),
        (partnership.pk, bob.pk),
        (other_partnership.pk, carol.pk),
        (other_partnership.pk, dave.pk),
    ]
    with django_assert_num_queries(1):
        counts = services.new_counts(pairs)
    assert counts == {(partnership.pk, bob.pk): 2, (other_partnership.pk, carol.pk): 1}
    by_pair = {
        (p.pk, u.pk): services.new_for(p, u)
        for p in (partnership, other_partnership)
        for u in p_members(p)
    }
    assert {pair: count for pair, count in by_pair.items() if count} == counts
    assert services.new_counts([(partnership.pk, bob.pk)]) == {(partnership.pk, bob.pk): 2}
    assert services.new_counts([]) == {}


def p_members(partnership):
    return [membership.user for membership in partnership.member_list()]


def test_weekly_counts_group_by_monday_weeks_in_one_query(
    partnership, alice, bob, django_assert_num_queries
):
    today = date(2026, 3, 18)
    make_appreciation(partnership, alice, bob, happened_on=date(2026, 3, 16))  # Monday
    make_appreciation(partnership, alice, bob, happened_on=date(2026, 3, 15))  # Sunday before
    make_appreciation(partnership, bob, alice, happened_on=date(2026, 3, 18))
    with django_assert_num_queries(1):
        weeks = services.weekly_counts(partnership, [alice, bob], today)
    assert len(weeks) == 12
    assert weeks[-1] == {"start": date(2026, 3, 16), "counts": [1, 1]}
    assert weeks[-2] == {"start": date(2026, 3, 9), "counts": [1, 0]}
    assert weeks[0]["start"] == date(2025, 12, 29)


def test_appreciation_create_needs_a_partner(alice, db):
    from tests.conftest import make_partnership

    alone = make_partnership(alice)
    try:
        services.appreciation_create(
            partnership=alone, author=alice, text="Hi", happened_on=date.today()
        )
    except services.AppreciationError as error:
        assert "partner" in str(error)
    else:
        raise AssertionError("expected an AppreciationError")


def test_a_reload_with_nothing_new_writes_nothing(partnership, alice, bob):
    make_appreciation(partnership, alice, bob)
    services.mark_seen(partnership, bob)
    services.mark_seen(partnership, bob)  # settles the highlight of this visit
    marker = ReadMarker.objects.get(user=bob)
    services.mark_seen(partnership, bob)
    assert ReadMarker.objects.get(user=bob).seen_at == marker.seen_at
