from django.core.management.base import BaseCommand, CommandError

from trustapp.lib.library import LibraryError
from trustapp.questions.library import load_questions


class Command(BaseCommand):
    help = "Load the daily questions from their data files (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")

    def handle(self, *args, database, **options):
        try:
            counts = load_questions(using=database)
        except LibraryError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                "Questions loaded: {created} new, {updated} updated.".format(**counts)
            )
        )
