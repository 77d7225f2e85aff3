"""Network-scale data for the benchmark: schools, networks, staff and the audit trail.

The features add their own rows through `register_scale_generator` (see
hub/registry.py); `manage.py seed_scale` runs them school chunk by chunk.
"""

import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType

from hub.lib.bulk import bulk_insert
from hub.models import AuditEntry, Network, Phase, Role, School, Staff, Status, Visibility
from hub.models.school import NetworkKind
from hub.registry import contribution_kinds

SCALE_URN_PREFIX = "SC"
SCALE_PASSWORD = "scale-bench-password-2026"
SCALE_EMAIL_DOMAIN = "scale.example"
SCHOOLS_PER_NETWORK = 10
# Roughly the shape of a primary school's staff, after the headteacher.
ROLE_WEIGHTS = [
    (Role.TEACHER, 45),
    (Role.TEACHING_ASSISTANT, 30),
    (Role.SUPPORT, 10),
    (Role.OFFICE, 8),
    (Role.SENIOR_LEADER, 7),
]
FIRST_NAMES = ["Amira", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harry", "Isla", "Jack"]
LAST_NAMES = ["Patel", "Smith", "Jones", "Khan", "Brown", "Okafor", "Wilson", "Evans", "Nowak"]


def contribution_state(rng: random.Random) -> tuple[str, str]:
    """Mostly shared in school, some opened to the trust, a few hidden."""
    status = Status.HIDDEN if rng.random() < 0.03 else Status.PUBLISHED
    roll = rng.random()
    visibility = (
        Visibility.PUBLIC
        if roll < 0.05
        else Visibility.NETWORK
        if roll < 0.2
        else Visibility.SCHOOL
    )
    return status, visibility


def scale_email(school_number: int, person: int) -> str:
    """s0001.p000@scale.example is school 1's headteacher (a moderator and admin)."""
    return f"s{school_number:04d}.p{person:03d}@{SCALE_EMAIL_DOMAIN}"


def already_seeded() -> bool:
    return School.objects.filter(urn__startswith=SCALE_URN_PREFIX).exists()


def create_schools(count: int, rng: random.Random) -> list[School]:
    phases = [Phase.PRIMARY] * 6 + [Phase.SECONDARY] * 3 + [Phase.SPECIAL]
    schools = [
        School(
            name=f"Scale School {number:04d}",
            urn=f"{SCALE_URN_PREFIX}{number:06d}",
            phase=rng.choice(phases),
            local_authority=f"Authority {number % 40:02d}",
            number_of_pupils=rng.randint(90, 1600),
        )
        for number in range(1, count + 1)
    ]
    return bulk_insert(School, schools)


def create_networks(schools: list[School]) -> int:
    """One trust per ten schools; returns rows written (networks and memberships)."""
    groups = [
        schools[start : start + SCHOOLS_PER_NETWORK]
        for start in range(0, len(schools), SCHOOLS_PER_NETWORK)
    ]
    networks = bulk_insert(
        Network,
        [Network(name=f"Scale Trust {n:03d}", kind=NetworkKind.TRUST) for n in range(len(groups))],
    )
    through = Network.schools.through
    members = [
        through(network_id=network.pk, school_id=school.pk)
        for network, group in zip(networks, groups, strict=True)
        for school in group
    ]
    bulk_insert(through, members)
    return len(networks) + len(members)


def create_staff(
    schools: list[School], per_school: int, rng: random.Random
) -> dict[int, list[Staff]]:
    """Staff for every school with ONE password hash (hashing 40,000 times would take hours)."""
    password = make_password(SCALE_PASSWORD)
    roles = [role for role, _ in ROLE_WEIGHTS]
    weights = [weight for _, weight in ROLE_WEIGHTS]
    people = []
    for number, school in enumerate(schools, start=1):
        for person in range(per_school):
            head = person == 0
            people.append(
                Staff(
                    email=scale_email(number, person),
                    full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {person:03d}",
                    school_id=school.pk,
                    role=Role.HEADTEACHER if head else rng.choices(roles, weights)[0],
                    is_moderator=head or person == 1,
                    is_school_admin=head,
                    password=password,
                )
            )
    by_school: dict[int, list[Staff]] = {school.pk: [] for school in schools}
    for member in bulk_insert(Staff, people):
        by_school[member.school_id].append(member)
    return by_school


def generate_audit(schools, staff_by_school, weeks, rng) -> int:
    """A "hide" entry in the audit log for every hidden contribution of these schools."""
    entries = []
    school_ids = [school.pk for school in schools]
    for kind in contribution_kinds():
        content_type = ContentType.objects.get_for_model(kind.model)
        hidden = kind.model.objects.filter(school_id__in=school_ids, status=Status.HIDDEN)
        for item in hidden.select_related(*kind.model.moderation_related):
            entries.append(
                AuditEntry(
                    school_id=item.school_id,
                    actor=staff_by_school[item.school_id][0],
                    action="hide",
                    content_type=content_type,
                    object_id=item.pk,
                    target_title=item.moderation_title()[:200],
                    from_status=Status.PUBLISHED,
                    to_status=Status.HIDDEN,
                    reason="Names a pupil; please share it again without the name.",
                    created_at=item.created_at + timedelta(hours=2),
                )
            )
    return len(bulk_insert(AuditEntry, entries))
