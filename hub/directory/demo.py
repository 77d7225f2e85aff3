"""A small register of schools for the demo: the trust's three schools and their
neighbours in the North West, some on Staffroom and most not yet."""

from decimal import Decimal

from hub.models import Phase, RegisteredSchool

REGION = "North West"
# (URN, name, phase, pupils, % FSM, local authority, trust)
DEMO_REGISTER = [
    (
        "999001",
        "Oakfield Primary School",
        Phase.PRIMARY,
        412,
        "21.4",
        "Northshire",
        "Northshire Learning Trust",
    ),
    (
        "999002",
        "Riverside Academy",
        Phase.SECONDARY,
        940,
        "24.0",
        "Northshire",
        "Northshire Learning Trust",
    ),
    (
        "999003",
        "Brookside Nursery School",
        Phase.NURSERY,
        96,
        "",
        "Northshire",
        "Northshire Learning Trust",
    ),
    ("999011", "Hilltop Primary School", Phase.PRIMARY, 398, "19.8", "Northshire", ""),
    ("999012", "St Anne’s C of E Primary School", Phase.PRIMARY, 210, "12.5", "Northshire", ""),
    (
        "999013",
        "Meadowbank Primary Academy",
        Phase.PRIMARY,
        455,
        "27.1",
        "Lancashire",
        "Pennine Schools Trust",
    ),
    ("999014", "Canal Side Primary School", Phase.PRIMARY, 630, "33.0", "Lancashire", ""),
    ("999015", "Moorview Community Primary", Phase.PRIMARY, 180, "8.9", "Cumbria", ""),
    ("999016", "Northshire High School", Phase.SECONDARY, 1210, "18.2", "Northshire", ""),
    (
        "999017",
        "Ashworth Academy",
        Phase.SECONDARY,
        870,
        "29.5",
        "Lancashire",
        "Pennine Schools Trust",
    ),
    ("999018", "Little Acorns Nursery School", Phase.NURSERY, 72, "", "Lancashire", ""),
    ("999019", "Fellside Special School", Phase.SPECIAL, 120, "41.0", "Cumbria", ""),
]
PHASE_NAMES = {
    Phase.PRIMARY: "Primary",
    Phase.SECONDARY: "Secondary",
    Phase.NURSERY: "Nursery",
    Phase.SPECIAL: "Not applicable",
}


def seed_register(*, school, staff, rng) -> None:
    for urn, name, phase, pupils, fsm, authority, trust in DEMO_REGISTER:
        RegisteredSchool.objects.update_or_create(
            urn=urn,
            defaults={
                "name": name,
                "phase": phase,
                "phase_name": PHASE_NAMES[phase],
                "type_name": "Academy converter" if trust else "Community school",
                "local_authority": authority,
                "region": REGION,
                "number_of_pupils": pupils,
                "percentage_fsm": Decimal(fsm) if fsm else None,
                "urban_rural": "(England/Wales) Urban city and town",
                "trust": trust,
                "status": "Open",
                "is_open": True,
            },
        )
