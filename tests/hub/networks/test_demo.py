"""seed_demo: the Northshire Learning Trust with three schools, two leads and a register."""

from django.core.management import call_command

from hub.directory.selectors import most_like, yardstick_of
from hub.models import Network, RegisteredSchool, School, Staff
from hub.networks.demo import NETWORK_LOGINS
from hub.people.demo import DEMO_PASSWORD


def test_the_demo_trust_has_three_schools_and_leads_and_is_idempotent(db, capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    trust = Network.objects.get(name="Northshire Learning Trust")
    assert sorted(trust.schools.values_list("name", flat=True)) == [
        "Brookside Nursery School",
        "Oakfield Primary School",
        "Riverside Academy",
    ]
    assert sorted(trust.leads.values_list("email", flat=True)) == [
        "head@oakfield.example",
        "head@riverside.example",
    ]
    output = capsys.readouterr().out
    for _, email in NETWORK_LOGINS:
        assert email in output
        assert Staff.objects.get(email=email).check_password(DEMO_PASSWORD)
    assert RegisteredSchool.objects.count() == 12
    oakfield = School.objects.get(urn="999001")
    assert [row.name for row in most_like(yardstick_of(oakfield))][:2] == [
        "Hilltop Primary School",
        "Meadowbank Primary Academy",
    ]
