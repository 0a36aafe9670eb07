"""Both partners start the check-in at the same moment: one check-in opens."""

import threading

import pytest
from django.db import connection

from trustapp.checkins import services
from trustapp.checkins.models import AgendaItem, CheckIn

pytestmark = [pytest.mark.postgres_only]


def test_two_partners_arriving_at_once_open_one_check_in(transactional_db, partnership):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    barrier = threading.Barrier(2)
    opened, errors = [], []

    def arrive():
        try:
            barrier.wait()
            opened.append(services.checkin_start(partnership=partnership).pk)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=arrive) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert CheckIn.objects.count() == 1
    assert len(set(opened)) == 1


def test_two_partners_rewording_a_topic_at_once_never_lose_words(
    transactional_db, partnership, alice
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    item = AgendaItem.objects.create(partnership=partnership, added_by=alice, text="Chores")
    barrier = threading.Barrier(2)
    saved, told, errors = [], [], []

    def reword(text):
        try:
            barrier.wait()
            services.topic_edit(partnership=partnership, item=item, text=text, expected_version=1)
            saved.append(text)
        except services.ItemChanged as changed:
            told.append(changed.item.text)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=reword, args=(text,)) for text in ("Rota", "Fair share")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    # One saved; the other was shown those words instead of silently overwriting them.
    assert len(saved) == 1 and told == saved
    item.refresh_from_db()
    assert (item.text, item.version) == (saved[0], 2)
