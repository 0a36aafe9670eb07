from django.apps import AppConfig
from django.db.models.signals import post_migrate


def load_questions_after_migrate(sender, using, apps=None, **kwargs):
    """Keep the question library in step with its data files after every `migrate`
    (and after test flushes), like the conversation prompts."""
    from trustapp.lib.library import tables_are_current
    from trustapp.questions.library import load_questions
    from trustapp.questions.models import Question

    if tables_are_current(apps, (Question,)):
        load_questions(using=using)


class QuestionsConfig(AppConfig):
    name = "trustapp.questions"
    label = "questions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.couples import cards
        from trustapp.couples import memories as on_this_day
        from trustapp.notifications import content, tokens
        from trustapp.questions import emails
        from trustapp.questions.cards import home_card, home_waiting, memories

        cards.add("questions", "questions/_home_card.html", home_card, waiting=home_waiting)
        on_this_day.add("questions", memories)
        post_migrate.connect(load_questions_after_migrate, sender=self)
        # The day's question goes through the same outbox as reminders, written here.
        content.provide("question_emails", emails.question_emails)
        content.provide("question_push", emails.question_push)
        tokens.allow(emails.ANSWER_LINK, emails.ANSWER_LINK_LIFETIME)
        tokens.allow(emails.STOP_LINK, emails.STOP_LINK_LIFETIME)
