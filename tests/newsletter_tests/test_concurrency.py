"""Fifty simultaneous signups for one address, each on its own thread and database connection.

Runs on SQLite and on PostgreSQL (DATABASE_URL=postgres://… pytest): the unique e-mail column and the
conditional updates, not timing, make the outcome one row and one e-mail."""

import threading

import pytest

from django.db import connection
from django.test import Client, override_settings

from newsletter.models import Subscriber

from .conftest import form_data

SIGNUPS = 50


@pytest.mark.django_db(transaction=True)
@override_settings(NEWSLETTER_RATE_LIMITS={"ip": "1000/h", "email": "1000/h"})
def test_fifty_concurrent_signups_for_one_address_leave_one_row_and_send_one_email(transactional_db, mailoutbox):
    data = form_data("Same.Person@example.org")
    start = threading.Barrier(SIGNUPS)
    statuses = []
    errors = []

    def sign_up(n):
        try:
            start.wait()
            # Half of them in another letter case: the normalised address is what must be unique.
            email = data["email"].swapcase() if n % 2 else data["email"]
            statuses.append(Client().post("/pl/newsletter/subscribe/", {**data, "email": email}).status_code)
        except Exception as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(SIGNUPS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert statuses == [302] * SIGNUPS
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().email == "same.person@example.org"
    assert len(mailoutbox) == 1
