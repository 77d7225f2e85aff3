"""The demo network: the Northshire Learning Trust, three schools and two leads."""

from hub.models import Network, Role, School, Staff
from hub.models.school import NetworkKind
from hub.people.demo import DEMO_PASSWORD

TRUST_NAME = "Northshire Learning Trust"
# (URN, name, phase, pupils); Oakfield (999001) and Riverside (999002) are made by
# hub.people.demo, whose numbers this only completes.
DEMO_SCHOOLS = [
    ("999002", "Riverside Academy", "secondary", 940),
    ("999003", "Brookside Nursery School", "nursery", 96),
]
# (email, full name, display name, role, job title, URN, moderator, admin, settings)
DEMO_NEIGHBOURS = [
    (
        "head@riverside.example",
        "Samuel Adebayo",
        "Mr Adebayo",
        Role.HEADTEACHER,
        "Principal",
        "999002",
        True,
        False,
        True,
    ),
    (
        "office@riverside.example",
        "Kerry Doyle",
        "",
        Role.OFFICE,
        "Office manager",
        "999002",
        False,
        True,
        False,
    ),
    (
        "teacher@riverside.example",
        "Imran Qureshi",
        "Mr Qureshi",
        Role.TEACHER,
        "Head of geography",
        "999002",
        False,
        False,
        False,
    ),
    (
        "head@brookside.example",
        "Rosa Jenkins",
        "Mrs Jenkins",
        Role.HEADTEACHER,
        "Head of nursery",
        "999003",
        True,
        True,
        True,
    ),
]
NETWORK_LOGINS = [
    ("Riverside Academy principal (network lead)", "head@riverside.example"),
    ("Brookside Nursery head", "head@brookside.example"),
]


def _neighbour(row: tuple) -> Staff:
    email, full_name, display, role, title, urn, moderator, admin, settings = row
    person = Staff.objects.filter(email=email).first()
    if person is None:
        person = Staff.objects.create_user(email, DEMO_PASSWORD, full_name=full_name)
    person.school = School.objects.get(urn=urn)
    person.full_name, person.display_name = full_name, display
    person.role, person.job_title = role, title
    person.is_moderator, person.is_school_admin, person.manages_settings = (
        moderator,
        admin,
        settings,
    )
    person.phase = person.school.phase
    person.save()
    return person


def seed_network(*, school, staff, rng) -> None:
    """Three schools in the trust, led by Oakfield's head and Riverside's principal."""
    members = [school]
    for urn, name, phase, pupils in DEMO_SCHOOLS:
        member, _ = School.objects.update_or_create(
            urn=urn,
            defaults={
                "name": name,
                "phase": phase,
                "local_authority": "Northshire",
                "number_of_pupils": pupils,
            },
        )
        members.append(member)
    neighbours = [_neighbour(row) for row in DEMO_NEIGHBOURS]
    network, _ = Network.objects.get_or_create(name=TRUST_NAME)
    network.kind = NetworkKind.TRUST
    network.save(update_fields=["kind"])
    network.schools.add(*members)
    head = next(person for person in staff if person.email.startswith("head@"))
    network.leads.add(head, neighbours[0])
