"""On PostgreSQL, trigram indexes for the directory search (a lead's "find schools to
invite"): its name, local authority and region filters are `icontains`, which Django
writes as `UPPER(column::text) LIKE UPPER('%…%')`; without these indexes each search
reads every one of the register's ~50,000 rows twice (the count and the page).

pg_trgm ships with PostgreSQL, but creating an extension needs a privileged role: where
that is refused, the migration leaves the search as it was (correct, only slower) and
an administrator can run `CREATE EXTENSION pg_trgm` and migrate this one again. SQLite
has nothing to do.
"""

from django.db import DatabaseError, migrations, transaction

TABLE = "hub_registeredschool"
INDEXES = {
    "regschool_name_trgm": "UPPER(name::text) gin_trgm_ops",
    "regschool_area_trgm": (
        "UPPER(local_authority::text) gin_trgm_ops, UPPER(region::text) gin_trgm_ops"
    ),
    "regschool_trust_trgm": "UPPER(trust::text) gin_trgm_ops",
}


def add_trigram_indexes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:
        return
    for name, columns in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} USING gin ({columns})")


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0020_network_joining_and_schools_register"),
    ]

    operations = [
        migrations.RunPython(add_trigram_indexes, drop_trigram_indexes),
    ]
