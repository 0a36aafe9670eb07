"""Both partners open the check-in page at the same moment: one check-in opens."""

import threading

import pytest
from django.db import connection

from trustapp.checkins import services
from trustapp.checkins.models import CheckIn

pytestmark = [pytest.mark.postgres_only]


def test_two_partners_arriving_at_once_open_one_check_in(transactional_db, partnership):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    barrier = threading.Barrier(2)
    opened, errors = [], []

    def arrive():
        try:
            barrier.wait()
            opened.append(services.current_checkin(partnership).pk)
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
