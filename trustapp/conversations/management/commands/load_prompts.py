from django.core.management.base import BaseCommand, CommandError

from trustapp.conversations.library import LibraryError, load_prompts


class Command(BaseCommand):
    help = "Load the conversation prompts from their data files (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")

    def handle(self, *args, database, **options):
        try:
            counts = load_prompts(using=database)
        except LibraryError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                "Prompts loaded: {prompts_created} new, {prompts_updated} updated; "
                "topics: {topics_created} new, {topics_updated} updated.".format(**counts)
            )
        )
