"""Two demo partners in a shared space, with a little sample content from each app."""

from importlib import import_module

from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from trustapp.accounts.models import User
from trustapp.couples.models import Membership, Partnership

DEMO_PASSWORD = "trust-demo-2026"
DEMO_PEOPLE = [
    ("alice@example.com", "Alice", "Europe/Berlin"),
    ("bob@example.com", "Bob", "Europe/Berlin"),
]


class Command(BaseCommand):
    help = "Create the demo partners Alice and Bob (password: trust-demo-2026)."

    def handle(self, *args, **options):
        with transaction.atomic():
            alice, bob = (self._person(*person) for person in DEMO_PEOPLE)
            existing = (
                Partnership.objects.active()
                .filter(memberships__user=alice)
                .filter(memberships__user=bob)
            )
            if existing.exists():
                self.stdout.write("The demo partners already exist.")
                return
            partnership = Partnership.objects.create()
            Membership.objects.create(partnership=partnership, user=alice, slot=1)
            Membership.objects.create(partnership=partnership, user=bob, slot=2)
            # Each app may have a `demo.py` with `seed(partnership, alice, bob)`, found the
            # way Django finds `admin.py`: couples imports none of the apps above it.
            for config in apps.get_app_configs():
                if module_has_submodule(config.module, "demo"):
                    import_module(f"{config.name}.demo").seed(partnership, alice, bob)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo partners ready: alice@example.com and bob@example.com, "
                f"password {DEMO_PASSWORD}"
            )
        )

    def _person(self, email, name, zone):
        user, created = User.objects.get_or_create(
            email=email, defaults={"display_name": name, "time_zone": zone}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user
