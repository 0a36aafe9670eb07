"""Two partners, two languages: Alice reads English, Bruno German.

Alice invites Bruno by email; Bruno, signed out on a 360 px phone, opens the invitation,
picks "Deutsch" in the switcher, signs up and joins, in German throughout. Bruno proposes a
starter agreement (its words in German) and Alice says yes; Alice appreciates something
Bruno did; Alice starts a conversation from a prompt and Bruno's answer reveals both, each
reading the prompt in their own language. Every email goes out in its reader's language,
and no German page is wider than the phone.

The German words asserted come from the German catalog (tests.test_languages.german), so
the test fails if the catalog lacks them. Production pass only: nothing in it depends on
the database or the broker, and it is the slowest journey.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import PASSWORD, make_partnership
from tests.notifications.conftest import set_preference
from tests.support.browser import assert_accessible, save_screenshot
from tests.support.mail import code_from_email, link_from_email, messages_to
from tests.test_languages import german
from trustapp.accounts.models import User
from trustapp.agreements.care import touches_checking
from trustapp.agreements.models import Agreement, StarterAgreement
from trustapp.conversations.models import Conversation, Prompt
from trustapp.lib.i18n import translated
from trustapp.notifications import services as notifications
from trustapp.notifications.models import PartnerNotice

pytestmark = [pytest.mark.browser, pytest.mark.production_only]

STARTER = "weekly-check-in"
PROMPT = "trust-in-one-sentence"
ALICE_WORDS = "Trust is knowing you will tell me, even when it is hard. (alice-words)"
BRUNO_WORDS = "Vertrauen heißt, dass ich nicht nachfragen muss. (bruno-words)"
NO_OVERFLOW = "document.documentElement.scrollWidth <= window.innerWidth"


def in_german(page, name):
    """Bruno's page: German, no wider than his phone, a screenshot to look at, no errors."""
    expect(page.locator("html")).to_have_attribute("lang", "de")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert page.evaluate(NO_OVERFLOW), f"{name} is {width[0]} px wide at {width[1]} px"
    assert_accessible(page)
    save_screenshot(page, f"languages-de-{name}")
    assert not page.js_errors, page.js_errors


def in_english(page):
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert not page.js_errors, page.js_errors


def test_a_german_and_an_english_partner_each_read_their_own_language(
    browser_page, live_server, transactional_db, alice
):
    space = make_partnership(alice)
    pid = space.public_id
    set_preference(alice, activity_emails="each")
    alice_page = browser_page(alice)

    # Alice invites Bruno by email: he has no account, so it comes in Alice's English.
    alice_page.goto(reverse("couples:invite", args=[pid]))
    alice_page.get_by_label("Your partner's email").fill("bruno@example.com")
    alice_page.get_by_role("button", name="Make a link").click()
    expect(alice_page.locator("#invite-link")).to_be_visible()
    in_english(alice_page)
    [invitation_email] = messages_to("bruno@example.com")
    assert invitation_email.subject == "Alice invited you to a shared space on Trustapp"
    link = urlsplit(link_from_email("bruno@example.com", "/invite/")).path

    # Bruno, signed out on a small phone with an English browser, switches to German.
    bruno_page = browser_page(phone=True)
    bruno_page.set_viewport_size({"width": 360, "height": 780})
    bruno_page.goto(link)
    expect(bruno_page.get_by_role("heading", name="Alice invited you")).to_be_visible()
    switcher = bruno_page.locator("form.language-switcher")
    switcher.get_by_role("button", name="Deutsch").focus()
    bruno_page.keyboard.press("Enter")  # the keyboard alone will do
    invited = german("%(name)s invited you") % {"name": "Alice"}
    expect(bruno_page.get_by_role("heading", name=invited)).to_be_visible()
    expect(switcher.locator("button[aria-current=true]")).to_have_attribute("lang", "de")
    in_german(bruno_page, "01-invitation")

    bruno_page.get_by_role("link", name=german("Create an account to join")).click()
    expect(bruno_page.get_by_role("heading", name=german("Make an account"))).to_be_visible()
    in_german(bruno_page, "02-sign-up")
    bruno_page.locator("input[name=email]").fill("bruno@example.com")
    bruno_page.locator("input[name=display_name]").fill("Bruno")
    bruno_page.locator("input[name=password1]").fill(PASSWORD)
    bruno_page.locator("input[name=password2]").fill(PASSWORD)
    bruno_page.locator("main form button[type=submit]").last.click()
    expect(bruno_page.locator("input[name=code]")).to_be_visible()
    in_german(bruno_page, "03-code")
    code_email = messages_to("bruno@example.com")[-1]
    assert german("Your code to finish signing up") in code_email.subject
    bruno_page.locator("input[name=code]").fill(code_from_email("bruno@example.com"))
    bruno_page.locator("main form button[type=submit]").first.click()

    expect(bruno_page.get_by_role("heading", name=invited)).to_be_visible()
    bruno_page.get_by_role("button", name=german("Accept and join")).click()
    expect(bruno_page.get_by_role("link", name=german("Agreements")).first).to_be_visible()
    in_german(bruno_page, "04-home")
    bruno = User.objects.get(email="bruno@example.com")
    assert bruno.language == "de"  # chosen signed out, kept as his profile's language
    set_preference(bruno, activity_emails="each")

    # Bruno proposes a starter agreement, in German words; Alice says yes in English.
    starter = StarterAgreement.objects.get(slug=STARTER)
    title_de = translated(starter, "title", "de")
    assert title_de != starter.title
    assert not touches_checking(title_de, translated(starter, "text", "de"))
    bruno_page.goto(reverse("agreements:library", args=[pid]))
    expect(bruno_page.get_by_role("heading", name=title_de)).to_be_visible()
    in_german(bruno_page, "05-agreement-ideas")
    bruno_page.goto(reverse("agreements:propose", args=[pid]) + f"?template={STARTER}")
    expect(bruno_page.locator("input[name=title]")).to_have_value(title_de)
    category_de = translated(starter.category, "name", "de")
    expect(bruno_page.locator("select[name=category] option:checked")).to_have_text(category_de)
    in_german(bruno_page, "06-propose")
    bruno_page.get_by_role("button", name=german("Propose it"), exact=True).click()
    proposed = german("Proposed. It waits for %(name)s to read and answer.") % {"name": "Alice"}
    expect(bruno_page.get_by_text(proposed)).to_be_visible()
    in_german(bruno_page, "07-proposed")

    agreement = Agreement.objects.get()
    alice_page.goto(agreement.get_absolute_url())
    expect(alice_page.get_by_role("heading", name="Proposed by Bruno")).to_be_visible()
    alice_page.get_by_role("button", name="I agree", exact=True).click()
    expect(alice_page.get_by_text("It is in force for both of you now.")).to_be_visible()
    in_english(alice_page)

    bruno_page.goto(agreement.get_absolute_url())
    expect(bruno_page.locator(".ag-status-in_force").first).to_be_visible()
    in_german(bruno_page, "08-agreement-in-force")

    # Alice appreciates something Bruno did; he reads it on a German page.
    alice_page.goto(reverse("appreciations:log", args=[pid]))
    alice_page.get_by_label("What did Bruno do?").fill("Made soup when I was ill.")
    alice_page.get_by_role("button", name="Share with Bruno").click()
    expect(alice_page.get_by_text("Shared with Bruno. Thank you for noticing.")).to_be_visible()
    in_english(alice_page)
    bruno_page.goto(reverse("appreciations:log", args=[pid]))
    expect(bruno_page.get_by_text("Made soup when I was ill.")).to_be_visible()
    in_german(bruno_page, "09-appreciations")

    # A conversation from a prompt: each reads the prompt in their own language.
    prompt = Prompt.objects.get(slug=PROMPT)
    question_de = translated(prompt, "question", "de")
    assert question_de != prompt.question
    alice_page.goto(reverse("conversations:prompt", args=[pid, PROMPT]))
    alice_page.get_by_role("button", name="Talk about this one").click()
    alice_page.get_by_label("Your answer").fill(ALICE_WORDS)
    alice_page.get_by_role("button", name="Save my answer").click()
    expect(alice_page.locator("#conversation-status")).to_contain_text("Waiting for Bruno")
    in_english(alice_page)

    conversation = Conversation.objects.get()
    bruno_page.goto(reverse("conversations:index", args=[pid]))
    expect(bruno_page.get_by_role("link", name=question_de).first).to_be_visible()
    in_german(bruno_page, "10-conversations")
    bruno_page.goto(conversation.get_absolute_url())
    expect(bruno_page.get_by_role("heading", name=question_de, level=1)).to_be_visible()
    bruno_page.get_by_label(german("Your answer")).fill(BRUNO_WORDS)
    bruno_page.get_by_role("button", name=german("Save my answer")).click()
    expect(bruno_page.locator(".answer-theirs")).to_contain_text("alice-words")
    in_german(bruno_page, "11-conversation-revealed")

    alice_page.goto(conversation.get_absolute_url())
    expect(alice_page.get_by_role("heading", name=prompt.question, level=1)).to_be_visible()
    expect(alice_page.locator(".answer-theirs")).to_contain_text("bruno-words")
    in_english(alice_page)

    # Bruno's profile, where the language can change again.
    bruno_page.goto(reverse("accounts:profile"))
    expect(bruno_page.locator("select[name=language]")).to_have_value("de")
    in_german(bruno_page, "12-profile")

    # Each partner's news is written in their own language, and comes by email so.
    notifications.partner_notices_dispatch()
    for person, expected in (
        (
            bruno,
            {
                german("%(name)s said yes to an agreement") % {"name": "Alice"},
                german("%(name)s appreciated something you did") % {"name": "Alice"},
                german("%(name)s answered a conversation prompt") % {"name": "Alice"},
            },
        ),
        (alice, {"Bruno proposed an agreement", "Bruno answered too"}),
    ):
        notices = PartnerNotice.objects.filter(recipient=person)
        assert expected <= {notice.subject for notice in notices}
        emails = "\n".join(m.subject + "\n" + m.body for m in messages_to(person.email))
        for notice in notices:
            assert notice.message in emails
    for message in mail.outbox:
        html = dict((kind, body) for body, kind in message.alternatives).get("text/html", "")
        if "bruno@example.com" in message.to and html and message is not invitation_email:
            assert re.search(r'<html lang="de">', html), message.subject
        if "alice@example.com" in message.to and html:
            assert '<html lang="en">' in html, message.subject
