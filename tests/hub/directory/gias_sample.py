"""A small register in the GIAS "edubasealldata" format: the real file's column names
(a few of its ~140, in its order, with columns we do not read between them), its
Windows-1252 encoding, blank numbers and closed schools. Generated, never a copy."""

import csv
import io
import random

COLUMNS = [
    "URN",
    "LA (code)",
    "LA (name)",
    "EstablishmentNumber",
    "EstablishmentName",
    "TypeOfEstablishment (code)",
    "TypeOfEstablishment (name)",
    "EstablishmentStatus (code)",
    "EstablishmentStatus (name)",
    "PhaseOfEducation (code)",
    "PhaseOfEducation (name)",
    "NumberOfPupils",
    "PercentageFSM",
    "Trusts (code)",
    "Trusts (name)",
    "GOR (code)",
    "GOR (name)",
    "UrbanRural (code)",
    "UrbanRural (name)",
    "Postcode",
]

REGIONS = ["North West", "North East", "London", "South West", "East of England"]
AUTHORITIES = {"North West": "Lancashire", "North East": "Durham", "London": "Camden"}
PHASES = ["Primary", "Primary", "Secondary", "Nursery", "Not applicable", "16 plus"]


def register_row(urn: int, **overrides) -> dict:
    row = {column: "" for column in COLUMNS}
    region = REGIONS[urn % len(REGIONS)]
    row.update(
        {
            "URN": str(urn),
            "LA (name)": AUTHORITIES.get(region, "Somerset"),
            "EstablishmentName": f"School {urn}",
            "TypeOfEstablishment (name)": "Academy converter",
            "EstablishmentStatus (name)": "Open",
            "PhaseOfEducation (name)": "Primary",
            "NumberOfPupils": "210",
            "PercentageFSM": "18.0",
            "GOR (name)": region,
            "UrbanRural (name)": "(England/Wales) Urban city and town",
        }
    )
    row.update(overrides)
    return row


def random_rows(count: int, *, seed: int = 19, first_urn: int = 100000):
    rng = random.Random(seed)
    for urn in range(first_urn, first_urn + count):
        yield register_row(
            urn,
            **{
                "PhaseOfEducation (name)": rng.choice(PHASES),
                "NumberOfPupils": rng.choice(["", str(rng.randint(20, 1800))]),
                "PercentageFSM": rng.choice(["", f"{rng.uniform(0, 70):.1f}"]),
                "EstablishmentStatus (name)": rng.choice(["Open", "Open", "Closed"]),
                "Trusts (name)": rng.choice(["", "Northshire Learning Trust"]),
            },
        )


def csv_text(rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_register(path, rows) -> None:
    path.write_bytes(csv_text(rows).encode("cp1252"))


def lines_of(rows):
    """The register as a stream of lines, made one row at a time."""
    yield csv_text([])
    for row in rows:
        yield csv_text([row]).split("\r\n", 1)[1]
