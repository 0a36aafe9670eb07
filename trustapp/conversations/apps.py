from django.apps import AppConfig
from django.db.models.signals import post_migrate


def load_prompts_after_migrate(sender, using, apps=None, **kwargs):
    """Keep the prompt library in step with its data files after every `migrate`.

    It runs after all migrations (so it never meets an older table layout) and also
    after test flushes, which is how contenttypes and permissions come back too.
    """
    from trustapp.conversations.library import load_prompts
    from trustapp.conversations.models import Prompt, Topic
    from trustapp.lib.library import tables_are_current

    if not tables_are_current(apps, (Topic, Prompt)):
        return
    load_prompts(using=using)


class ConversationsConfig(AppConfig):
    name = "trustapp.conversations"
    label = "conversations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trustapp.conversations.cards import home_card, home_waiting
        from trustapp.conversations.services import prompts_of_the_week
        from trustapp.couples import cards
        from trustapp.notifications import content

        cards.add("conversations", "conversations/_home_card.html", home_card, waiting=home_waiting)
        post_migrate.connect(load_prompts_after_migrate, sender=self)
        # A reminder suggests the prompt of the week.
        content.provide("prompts_of_the_week", prompts_of_the_week)
