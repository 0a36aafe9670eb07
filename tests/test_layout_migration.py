"""Moving models between apps keeps every row.

The reminder models left checkins for notifications; downloads, personal copies and the
data choice left accounts and couples for privacy. A database filled under the old layout
is migrated forward, and the new models serve the very same rows.
"""

from datetime import time, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from trustapp.notifications.models import PartnerNotice, ReminderDelivery, ReminderPreference
from trustapp.privacy.models import DataExport, DataPrenup, PersonalCopy
from trustapp.privacy.prenup import prenup_of

pytestmark = [pytest.mark.embedded, pytest.mark.django_db(transaction=True)]

# The last migrations before the move; notifications and privacy did not exist yet.
BEFORE_THE_MOVE = [
    ("accounts", "0002_privacy"),
    ("couples", "0002_dataprenup"),
    ("checkins", "0003_item_version"),
    ("notifications", None),
    ("privacy", None),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([node for node in targets if node[1]]).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_layout(transactional_db, alice, bob, partnership):
    """Historical models of the old layout; the database is back at the newest afterwards.
    The people and their space are made first, with today's models, then the columns added
    since go with the migrations taken back."""
    old_apps = _migrate(BEFORE_THE_MOVE)
    yield old_apps
    _migrate(_latest())


def _fill_the_old_tables(old_apps, *, alice, bob, partnership):
    now = timezone.now().replace(microsecond=0)
    model = old_apps.get_model
    preference = model("checkins", "ReminderPreference").objects.create(
        user_id=alice.pk, cadence="monthly", day_of_month=31, local_time=time(7, 30),
        time_zone="Asia/Tokyo", next_run_at=now + timedelta(days=3),
    )  # fmt: skip
    delivery = model("checkins", "ReminderDelivery").objects.create(
        user_id=bob.pk, kind="digest", due_at=now, status="sent", attempts=2, sent_at=now
    )
    notice = model("checkins", "PartnerNotice").objects.create(
        recipient_id=bob.pk, partnership_id=partnership.pk, actor_id=alice.pk,
        kind="appreciation", subject="Alice noticed something", message="Thank you.",
        path="/p/x/appreciations/", due_at=now, delivery_id=delivery.pk,
    )  # fmt: skip
    export = model("accounts", "DataExport").objects.create(
        user_id=alice.pk, status="ready", expires_at=now + timedelta(days=1), rows=7,
        size=5, content=b"zip\x00!",
    )  # fmt: skip
    copy = model("accounts", "PersonalCopy").objects.create(
        user_id=bob.pk, scope="own", started_at=now - timedelta(days=90), ended_at=now,
        data={"appreciations": [{"what": "made tea"}]},
    )  # fmt: skip
    prenup = model("couples", "DataPrenup").objects.create(
        partnership_id=partnership.pk, choice="keep_all", agreed_at=now,
        proposed_choice="delete", proposed_by_id=bob.pk, proposed_at=now,
    )  # fmt: skip
    return {
        "preference": preference.pk,
        "delivery": delivery.pk,
        "notice": notice.pk,
        "export": export.pk,
        "copy": copy.pk,
        "prenup": prenup.pk,
        "now": now,
    }


def test_a_database_filled_by_the_old_layout_keeps_every_row(old_layout, alice, bob, partnership):
    content_type_before = ContentType.objects.get_by_natural_key("checkins", "reminderpreference")
    old = _fill_the_old_tables(old_layout, alice=alice, bob=bob, partnership=partnership)
    now = old["now"]

    _migrate(_latest())
    ContentType.objects.clear_cache()

    preference = ReminderPreference.objects.get(pk=old["preference"])
    assert (preference.user, preference.cadence, preference.day_of_month) == (alice, "monthly", 31)
    assert (preference.local_time, preference.time_zone) == (time(7, 30), "Asia/Tokyo")
    assert preference.next_run_at == now + timedelta(days=3)
    assert alice.reminder_preference == preference
    delivery = ReminderDelivery.objects.get(pk=old["delivery"])
    assert (delivery.user, delivery.kind, delivery.status, delivery.attempts) == (
        bob, "digest", "sent", 2
    )  # fmt: skip
    notice = PartnerNotice.objects.select_related("delivery").get(pk=old["notice"])
    assert (notice.recipient, notice.actor, notice.partnership) == (bob, alice, partnership)
    assert (notice.subject, notice.delivery) == ("Alice noticed something", delivery)
    assert list(delivery.notices.all()) == [notice]

    export = DataExport.objects.get(pk=old["export"])
    assert (export.user, export.rows, bytes(export.content)) == (alice, 7, b"zip\x00!")
    assert export.is_ready
    assert list(bob.personal_copies.all()) == [PersonalCopy.objects.get(pk=old["copy"])]
    assert bob.personal_copies.get().data == {"appreciations": [{"what": "made tea"}]}
    partnership.refresh_from_db()
    prenup = prenup_of(partnership)
    assert prenup.pk == old["prenup"] == DataPrenup.objects.get().pk
    assert (prenup.choice, prenup.proposed_choice) == ("keep_all", "delete")
    assert prenup.proposed_by == bob

    # Permissions and admin history follow the models: the same content type, relabelled.
    content_type = ContentType.objects.get_for_model(ReminderPreference)
    assert content_type.pk == content_type_before.pk
    assert content_type.app_label == "notifications"


def test_the_moved_models_keep_their_tables(db):
    assert {
        model._meta.label: model._meta.db_table
        for model in (
            ReminderPreference,
            ReminderDelivery,
            PartnerNotice,
            DataExport,
            PersonalCopy,
            DataPrenup,
        )
    } == {
        "notifications.ReminderPreference": "checkins_reminderpreference",
        "notifications.ReminderDelivery": "checkins_reminderdelivery",
        "notifications.PartnerNotice": "checkins_partnernotice",
        "privacy.DataExport": "accounts_dataexport",
        "privacy.PersonalCopy": "accounts_personalcopy",
        "privacy.DataPrenup": "couples_dataprenup",
    }
