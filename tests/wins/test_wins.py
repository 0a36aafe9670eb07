"""Good news: one shares, the other answers with gladness and a question, and the one who
shared may keep that answer in the appreciation log."""

from django.utils import timezone

from tests.agreements.conftest import leave
from tests.wins.conftest import make_win, url
from trustapp.appreciations.models import Appreciation
from trustapp.privacy.rules import Scope
from trustapp.privacy.wins import export_partnership
from trustapp.wins.models import Win


def answered(win, text="So glad! How did it feel?"):
    Win.objects.filter(pk=win.pk).update(response=text, responded_at=timezone.now())
    win.refresh_from_db()
    return win


# Sharing


def test_alice_shares_good_news_and_bob_hears_of_it(alice_client, partnership, bob, notices):
    response = alice_client.post(url("share", partnership), {"text": "  I got the job!  "})
    win = Win.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#win-{win.pk}")
    assert win.text == "I got the job!"
    assert [(n["kind"], n["recipient"]) for n in notices] == [("win", bob)]


def test_empty_news_is_explained(alice_client, partnership):
    response = alice_client.post(url("share", partnership), {"text": "   "})
    assert response.status_code == 422
    assert "Write a few words about your good news." in response.content.decode()
    assert not Win.objects.exists()


def test_too_long_news_is_explained_and_kept(alice_client, partnership):
    response = alice_client.post(url("share", partnership), {"text": "hooray " * 60})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Please keep it under 300 characters" in body and "hooray hooray" in body


def test_htmx_gets_the_list_with_the_news(alice_client, partnership, htmx_headers):
    response = alice_client.post(
        url("share", partnership), {"text": "Finished the marathon"}, headers=htmx_headers
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="wins">') and "Finished the marathon" in body


def test_sharing_needs_post(alice_client, partnership):
    assert alice_client.get(url("share", partnership)).status_code == 405


# Answering


def test_bob_is_invited_to_be_glad_and_ask(bob_client, partnership, alice_news):
    body = bob_client.get(url("detail", partnership, alice_news.pk)).content.decode()
    assert "Be glad with them, then ask" in body
    assert url("respond", partnership, alice_news.pk) in body


def test_alice_is_not_asked_to_answer_her_own_news(alice_client, partnership, alice_news):
    body = alice_client.get(url("detail", partnership, alice_news.pk)).content.decode()
    assert "Be glad with them" not in body
    assert "Their answer will show here." in body


def test_bob_answers_once_and_alice_hears(bob_client, partnership, alice, alice_news, notices):
    answer_url = url("respond", partnership, alice_news.pk)
    response = bob_client.post(answer_url, {"response": "Wonderful! What was the call like?"})
    assert response.status_code == 302
    alice_news.refresh_from_db()
    assert alice_news.response == "Wonderful! What was the call like?"
    assert [(n["kind"], n["recipient"]) for n in notices] == [("win_response", alice)]
    again = bob_client.post(answer_url, {"response": "And another"})
    assert again.status_code == 409
    assert "You have already answered this one." in again.content.decode()
    alice_news.refresh_from_db()
    assert alice_news.response == "Wonderful! What was the call like?"


def test_alice_cannot_answer_her_own_news(alice_client, partnership, alice_news):
    response = alice_client.post(url("respond", partnership, alice_news.pk), {"response": "Yay"})
    assert response.status_code == 409
    alice_news.refresh_from_db()
    assert not alice_news.has_response


def test_an_empty_answer_is_explained(bob_client, partnership, alice_news):
    response = bob_client.post(url("respond", partnership, alice_news.pk), {"response": " "})
    assert response.status_code == 422
    assert "Write a few glad words" in response.content.decode()


def test_htmx_gets_the_answer_in_place(bob_client, partnership, alice_news, htmx_headers):
    response = bob_client.post(
        url("respond", partnership, alice_news.pk), {"response": "Yes!!"}, headers=htmx_headers
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="win">') and "You answered" in body


# Keeping the answer


def test_alice_keeps_bobs_answer_as_an_appreciation_of_bob(
    alice_client, partnership, alice, bob, alice_news
):
    answered(alice_news)
    response = alice_client.post(url("keep", partnership, alice_news.pk))
    assert response.status_code == 302
    appreciation = Appreciation.objects.get()
    assert (appreciation.author, appreciation.recipient) == (alice, bob)
    assert "I got the job!" in appreciation.text and "How did it feel?" in appreciation.text
    assert appreciation.quality_values() == ["supportive"] and appreciation.is_shared
    alice_client.post(url("keep", partnership, alice_news.pk))
    assert Appreciation.objects.count() == 1
    page = alice_client.get(url("detail", partnership, alice_news.pk)).content.decode()
    assert "Kept in your appreciation log." in page


def test_only_the_one_who_shared_may_keep_it(bob_client, partnership, alice_news):
    answered(alice_news)
    assert bob_client.post(url("keep", partnership, alice_news.pk)).status_code == 409
    assert not Appreciation.objects.exists()


def test_nothing_to_keep_before_an_answer(alice_client, partnership, alice_news):
    assert alice_client.post(url("keep", partnership, alice_news.pk)).status_code == 409
    assert not Appreciation.objects.exists()


# Reading, scoping, the archive


def test_the_list_shows_both_partners_news(bob_client, partnership, alice, bob):
    make_win(partnership, alice, "Alice passed her exam")
    make_win(partnership, bob, "Bob fixed the bike")
    body = bob_client.get(url("index", partnership)).content.decode()
    assert "Alice passed her exam" in body and "Bob fixed the bike" in body
    assert "Answer Alice" in body


def test_the_list_pages_back(bob_client, partnership, alice):
    for index in range(25):
        make_win(partnership, alice, f"News number {index}")
    first = bob_client.get(url("index", partnership)).content.decode()
    assert "News number 24" in first and "News number 4<" not in first
    assert "?before=" in first
    cursor = first.split("?before=")[1].split('"')[0]
    second = bob_client.get(url("index", partnership) + f"?before={cursor}").content.decode()
    assert "News number 4<" in second and "News number 24" not in second


def test_the_home_card_asks_bob_to_answer(bob_client, partnership, alice_news):
    body = bob_client.get(partnership.get_absolute_url()).content.decode()
    assert "Alice has good news:" in body and alice_news.get_absolute_url() in body


def test_an_outsider_gets_404_everywhere(carol_client, partnership, alice_news):
    for name in ("index", "detail"):
        args = [alice_news.pk] if name == "detail" else []
        assert carol_client.get(url(name, partnership, *args)).status_code == 404
    for name in ("respond", "keep"):
        assert carol_client.post(url(name, partnership, alice_news.pk)).status_code == 404
    assert carol_client.post(url("share", partnership), {"text": "x"}).status_code == 404


def test_a_former_partner_reads_but_cannot_write(bob_client, partnership, alice_news):
    leave(partnership)
    assert bob_client.get(url("detail", partnership, alice_news.pk)).status_code == 200
    response = bob_client.post(url("respond", partnership, alice_news.pk), {"response": "Yay"})
    assert response.status_code == 403
    assert bob_client.post(url("share", partnership), {"text": "x"}).status_code == 403


def test_the_download_holds_news_and_answers_by_scope(partnership, alice, bob, alice_news):
    answered(alice_news, "Proud of you")
    [seen_by_bob] = export_partnership(partnership, bob, Scope.SEEN)
    assert seen_by_bob["by"] == "partner" and seen_by_bob["text"] == "I got the job!"
    assert seen_by_bob["answer"] == "Proud of you"
    [own_of_bob] = export_partnership(partnership, bob, Scope.OWN)
    assert "text" not in own_of_bob and own_of_bob["answer"] == "Proud of you"
    [own_of_alice] = export_partnership(partnership, alice, Scope.OWN)
    assert own_of_alice["text"] == "I got the job!" and "answer" not in own_of_alice
