from django.core.management.base import BaseCommand
from django.db import transaction

from trustapp.agreements import library


class Command(BaseCommand):
    help = "Load agreement categories and starter agreements from trustapp/agreements/data/."

    def handle(self, *args, **options):
        with transaction.atomic():
            result = library.load()
        created, updated = result["starters"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Agreement library loaded: {created} starters added, {updated} updated."
            )
        )
