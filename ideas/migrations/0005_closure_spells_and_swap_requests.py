"""Closures become spells (one row per holiday), swaps become requests, staff may opt out.

Existing single-day closures are merged: days in a row with the same reason are
one spell, and a gap of only a weekend does not split it (a school that entered
weekdays only gets one "February half-term", not one per week). Swaps recorded
before this were done on the spot, so they count as accepted.
"""

from datetime import timedelta

from django.db import migrations, models
from django.db.models import F, Q


def _weekend_only_gap(last, day) -> bool:
    gap = [last + timedelta(days=n) for n in range(1, (day - last).days)]
    return all(d.weekday() >= 5 for d in gap)


def merge_days_into_spells(apps, schema_editor):
    Closure = apps.get_model("ideas", "Closure")
    current = None
    doomed = []
    for row in Closure.objects.order_by("school_id", "first_day"):
        row.last_day = row.first_day
        if (
            current is not None
            and current.school_id == row.school_id
            and current.reason.strip().lower() == row.reason.strip().lower()
            and _weekend_only_gap(current.last_day, row.first_day)
        ):
            current.last_day = row.first_day
            doomed.append(row.pk)
            continue
        if current is not None:
            current.save(update_fields=["last_day"])
        current = row
    if current is not None:
        current.save(update_fields=["last_day"])
    Closure.objects.filter(pk__in=doomed).delete()


def split_spells_into_days(apps, schema_editor):
    Closure = apps.get_model("ideas", "Closure")
    for spell in Closure.objects.exclude(last_day=F("first_day")).order_by("pk"):
        day = spell.first_day + timedelta(days=1)
        while day <= spell.last_day:
            Closure.objects.create(
                school_id=spell.school_id, first_day=day, last_day=day, reason=spell.reason
            )
            day += timedelta(days=1)
        spell.last_day = spell.first_day
        spell.save(update_fields=["last_day"])


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0009_share_invitations"),
        ("ideas", "0004_edition_export_task_id"),
    ]

    operations = [
        migrations.RenameModel("ClosureDate", "Closure"),
        migrations.RemoveConstraint(model_name="closure", name="closure_date_once_per_school"),
        migrations.RenameField("closure", "date", "first_day"),
        migrations.AddField("closure", "last_day", models.DateField(null=True)),
        migrations.RunPython(merge_days_into_spells, split_spells_into_days),
        migrations.AlterField("closure", "last_day", models.DateField()),
        migrations.AlterModelOptions("closure", {"ordering": ["first_day"]}),
        migrations.AddConstraint(
            model_name="closure",
            constraint=models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")), name="closure_ends_after_it_starts"
            ),
        ),
        migrations.AddIndex(
            model_name="closure",
            index=models.Index(fields=["school", "last_day"], name="closure_school_last_day_idx"),
        ),
        migrations.AlterField(
            "rotaoptout", "reason", models.CharField(blank=True, max_length=200)
        ),
        migrations.AddField("rotaoptout", "chosen_by_self", models.BooleanField(default=False)),
        migrations.AddField(
            "turnswap",
            "state",
            models.CharField(
                choices=[
                    ("pending", "Waiting for an answer"),
                    ("accepted", "Accepted"),
                    ("declined", "Declined"),
                    ("cancelled", "Withdrawn"),
                    ("expired", "Expired"),
                ],
                default="accepted",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            "turnswap",
            "state",
            models.CharField(
                choices=[
                    ("pending", "Waiting for an answer"),
                    ("accepted", "Accepted"),
                    ("declined", "Declined"),
                    ("cancelled", "Withdrawn"),
                    ("expired", "Expired"),
                ],
                default="pending",
                max_length=10,
            ),
        ),
        migrations.AddField("turnswap", "expires_at", models.DateTimeField(blank=True, null=True)),
        migrations.AddField("turnswap", "answered_at", models.DateTimeField(blank=True, null=True)),
        migrations.AddConstraint(
            model_name="turnswap",
            constraint=models.UniqueConstraint(
                condition=Q(state="pending"),
                fields=("first_turn",),
                name="turn_swap_one_open_request_per_turn",
            ),
        ),
        migrations.AddIndex(
            model_name="turnswap",
            index=models.Index(fields=["second_staff", "state"], name="turn_swap_asked_idx"),
        ),
        migrations.AddIndex(
            model_name="turnswap",
            index=models.Index(fields=["first_staff", "state"], name="turn_swap_asker_idx"),
        ),
    ]
