"""The database's planner statistics, gathered again after a bulk load.

A query planner picks its plans from statistics of the tables: without them SQLite guesses, and walked the whole
page tree (1.5–2 ms at 10,000 pages) to find a page of a small type — the partners index, the API page, the
newsletter page — that its own table names in a few microseconds. PostgreSQL's autovacuum gathers them in time;
SQLite never does by itself. The commands that write many rows at once (``load_content``, ``generate_demo_data``,
``rebuild_search_entries``) end with this; it takes well under a second at 10,000 pages.
"""

from django.db import connection


def refresh_planner_statistics(*models):
    """``ANALYZE`` the tables of ``models``, or the whole database without any (SQLite and PostgreSQL alike)."""
    with connection.cursor() as cursor:
        if not models:
            cursor.execute("ANALYZE")
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
