from django.core.management.base import BaseCommand

from trustapp.lib import vapid


class Command(BaseCommand):
    help = "Print a new VAPID private key, for VAPID_PRIVATE_KEY in production's .env."

    def handle(self, *args, **options):
        self.stdout.write(vapid.new_private_key())
