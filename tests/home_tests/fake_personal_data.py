"""A personal-data handler for the tests: stores rows in memory and records what it was asked."""

from datetime import timedelta

#: The rows this fake "app" stores: {"email": …, "created": datetime, "confirmed": bool}.
ROWS = []
CALLS = []


def purge_expired(now):
    CALLS.append(("purge_expired", now))
    expired = [row for row in ROWS if not row["confirmed"] and row["created"] < now - timedelta(days=30)]
    for row in expired:
        ROWS.remove(row)
    return {"fake.unconfirmed": len(expired)}


def export(email):
    CALLS.append(("export", email))
    return {"rows": [{"email": row["email"], "created": row["created"]} for row in ROWS if row["email"] == email]}


def erase(email):
    CALLS.append(("erase", email))
    matching = [row for row in ROWS if row["email"] == email]
    for row in matching:
        ROWS.remove(row)
    return {"fake.rows": len(matching)}
