"""England's register of schools (Get Information About Schools), as imported by
`manage.py import_schools_register`: the directory leads search and "schools like
ours" compares. A row is matched to a school on Staffroom by its URN."""

from django.db import models

from hub.models.school import Phase


class RegisteredSchool(models.Model):
    urn = models.CharField("URN", max_length=10, unique=True)
    name = models.CharField(max_length=150)
    # Our phase (blank when the register's has no match, e.g. "Not applicable" for a
    # pupil referral unit); the register's own words are kept beside it.
    phase = models.CharField(max_length=20, choices=Phase.choices, blank=True)
    phase_name = models.CharField("phase in the register", max_length=60, blank=True)
    type_name = models.CharField("type of establishment", max_length=100, blank=True)
    local_authority = models.CharField(max_length=100, blank=True)
    region = models.CharField(max_length=60, blank=True)
    number_of_pupils = models.PositiveIntegerField(null=True, blank=True)
    percentage_fsm = models.DecimalField(
        "% free school meals", max_digits=4, decimal_places=1, null=True, blank=True
    )
    urban_rural = models.CharField(max_length=100, blank=True)
    trust = models.CharField(max_length=150, blank=True)
    status = models.CharField(max_length=60, blank=True)
    is_open = models.BooleanField(default=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "urn"]
        indexes = [
            # "Schools like ours": open schools of one phase in one region.
            models.Index(fields=["phase", "region", "is_open"], name="regschool_similar_idx"),
            # A lead's search, filtered by local authority or trust then sorted by name.
            models.Index(fields=["local_authority", "name"], name="regschool_la_idx"),
            models.Index(fields=["trust", "name"], name="regschool_trust_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.urn})"
