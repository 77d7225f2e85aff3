from django.core.management import call_command

from hub.models import Role, School, Staff
from hub.people.demo import DEMO_LOGINS, DEMO_PASSWORD


def test_it_creates_a_demo_school_with_every_role_and_is_idempotent(db, capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    school = School.objects.get(urn="999001")
    staff = Staff.objects.filter(school=school)
    assert 28 <= staff.count() <= 35
    assert set(staff.values_list("role", flat=True)) == set(Role.values)
    assert staff.filter(is_moderator=True).exists()
    assert staff.filter(is_school_admin=True).exists()
    output = capsys.readouterr().out
    for _, email in DEMO_LOGINS:
        assert email in output
        assert Staff.objects.get(email=email).check_password(DEMO_PASSWORD)
    assert DEMO_PASSWORD in output
