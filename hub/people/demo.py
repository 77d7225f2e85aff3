"""The fictional demo school: Oakfield Primary and its staff."""

import io
import random

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from hub.models import EmailPreference, Network, Notification, Role, School, Staff
from hub.registry import contribution_kinds, demo_seeders

DEMO_PASSWORD = "staffroom-demo"
DEMO_DOMAIN = "oakfield.example"

# (email name, full name, display name, role, job title, moderator, admin)
DEMO_STAFF = [
    ("head", "Helen Okafor", "Mrs Okafor", Role.HEADTEACHER, "Headteacher", True, False),
    ("deputy", "Daniel Price", "Mr Price", Role.SENIOR_LEADER, "Deputy headteacher", True, False),
    ("office", "Olivia Grant", "", Role.OFFICE, "School business manager", False, True),
    ("teacher", "Tom Ellis", "Mr Ellis", Role.TEACHER, "Year 4 teacher", False, False),
    ("ta", "Aisha Khan", "", Role.TEACHING_ASSISTANT, "HLTA, Key Stage 1", False, False),
    ("support", "Sam Murphy", "", Role.SUPPORT, "Site manager", False, False),
    ("senco", "Rachel Adeyemi", "Ms Adeyemi", Role.SENIOR_LEADER, "SENCo", True, False),
    ("eyfs", "Grace Lin", "Miss Lin", Role.TEACHER, "Reception teacher", False, False),
    ("y1", "Priya Shah", "Mrs Shah", Role.TEACHER, "Year 1 teacher", False, False),
    ("y2", "Ben Carter", "Mr Carter", Role.TEACHER, "Year 2 teacher", False, False),
    ("y3", "Chloe Walsh", "Miss Walsh", Role.TEACHER, "Year 3 teacher", False, False),
    ("y5", "Marcus Reid", "Mr Reid", Role.TEACHER, "Year 5 teacher", False, False),
    ("y6", "Fatima Noor", "Mrs Noor", Role.TEACHER, "Year 6 teacher", False, False),
    ("music", "Oliver Brooks", "Mr Brooks", Role.TEACHER, "Music lead", False, False),
    ("pe", "Jade Thompson", "Miss Thompson", Role.TEACHER, "PE lead", False, False),
    ("ta2", "Lucy Evans", "", Role.TEACHING_ASSISTANT, "Teaching assistant, Year 1", False, False),
    (
        "ta3",
        "Hannah Wright",
        "",
        Role.TEACHING_ASSISTANT,
        "Teaching assistant, Year 3",
        False,
        False,
    ),
    (
        "ta4",
        "Kwame Mensah",
        "",
        Role.TEACHING_ASSISTANT,
        "Teaching assistant, Year 5",
        False,
        False,
    ),
    ("ta5", "Sophie Turner", "", Role.TEACHING_ASSISTANT, "1:1 support assistant", False, False),
    ("ta6", "Zara Hussain", "", Role.TEACHING_ASSISTANT, "Nursery nurse", False, False),
    ("lunch", "Maureen Kelly", "", Role.SUPPORT, "Senior midday supervisor", False, False),
    ("cook", "Pete Russo", "", Role.SUPPORT, "School cook", False, False),
    ("it", "Ravi Patel", "", Role.SUPPORT, "IT technician", False, False),
    ("library", "Ellen Fraser", "", Role.SUPPORT, "Librarian", False, False),
    ("mentor", "Nadia Ali", "", Role.SUPPORT, "Learning mentor", False, False),
    ("clerk", "Janet Hughes", "", Role.OFFICE, "Office administrator", False, False),
    ("data", "Callum Stewart", "", Role.OFFICE, "Data manager", False, True),
    ("finance", "Irene Bell", "", Role.OFFICE, "Finance officer", False, False),
    ("phase", "George Hall", "Mr Hall", Role.SENIOR_LEADER, "Key Stage 2 lead", True, False),
    (
        "ect",
        "Amy Collins",
        "Miss Collins",
        Role.TEACHER,
        "Early career teacher, Year 2",
        False,
        False,
    ),
]

DEMO_LOGINS = [
    ("Headteacher (moderator)", f"head@{DEMO_DOMAIN}"),
    ("Senior leader (moderator)", f"deputy@{DEMO_DOMAIN}"),
    ("School admin (office)", f"office@{DEMO_DOMAIN}"),
    ("Teacher", f"teacher@{DEMO_DOMAIN}"),
    ("Teaching assistant", f"ta@{DEMO_DOMAIN}"),
    ("Support staff", f"support@{DEMO_DOMAIN}"),
]


@transaction.atomic
def seed_demo_school() -> School:
    school, _ = School.objects.update_or_create(
        urn="999001",
        defaults={
            "name": "Oakfield Primary School",
            "phase": "primary",
            "local_authority": "Northshire",
            "number_of_pupils": 412,
        },
    )
    neighbour, _ = School.objects.update_or_create(
        urn="999002",
        defaults={
            "name": "Riverside Academy",
            "phase": "secondary",
            "local_authority": "Northshire",
        },
    )
    if not school.logo:
        school.logo.save("demo-logo.png", ContentFile(demo_logo()))
    network, _ = Network.objects.get_or_create(name="Northshire Learning Trust")
    network.schools.add(school, neighbour)
    staff = [_demo_staff(school, row) for row in DEMO_STAFF]
    rng = random.Random(2026)
    for seeder in demo_seeders():
        seeder.seed(school=school, staff=staff, rng=rng)
    return school


def demo_logo() -> bytes:
    """A drawn school badge (an oak tree on a shield), as a school's logo would be."""
    image = Image.new("RGBA", (400, 460), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon([(20, 20), (380, 20), (380, 250), (200, 440), (20, 250)], fill=(31, 78, 121))
    draw.polygon([(40, 40), (360, 40), (360, 242), (200, 410), (40, 242)], fill=(245, 241, 228))
    draw.rectangle((185, 220, 215, 340), fill=(110, 72, 40))
    for box in ((110, 90, 230, 210), (170, 70, 290, 190), (130, 150, 270, 250)):
        draw.ellipse(box, fill=(46, 125, 50))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _demo_staff(school: School, row: tuple) -> Staff:
    local, full_name, display, role, title, moderator, admin = row
    email = f"{local}@{DEMO_DOMAIN}"
    staff = Staff.objects.filter(email=email).first()
    if staff is None:
        staff = Staff.objects.create_user(email, DEMO_PASSWORD, full_name=full_name)
    staff.school = school
    staff.full_name = full_name
    staff.display_name = display
    staff.role = role
    staff.job_title = title
    staff.is_moderator = moderator
    staff.is_school_admin = admin
    # The head runs the school's settings (hub.access.may_change_school_settings).
    staff.manages_settings = local == "head"
    staff.phase = "primary"
    staff.save()
    return staff


def seed_notifications(*, school, staff, rng) -> None:
    """A few unread notifications about people's own shared work; idempotent."""
    from django.contrib.contenttypes.models import ContentType

    from hub.models import NoticeKind

    for person in staff[3:6]:
        if Notification.objects.filter(recipient=person).exists():
            continue
        for kind in contribution_kinds():
            work = kind.model.objects.published().filter(author=person).first()
            if work is not None and hasattr(work, "get_absolute_url"):
                Notification.objects.create(
                    recipient=person,
                    kind=NoticeKind.CELEBRATED,
                    message=f"Mrs Okafor celebrated your {kind.label.lower()}",
                    target_type=ContentType.objects.get_for_model(work),
                    target_id=work.pk,
                )
    weekly = [person.pk for person in staff[15:25]]
    type(staff[0]).objects.filter(pk__in=weekly).update(email_preference=EmailPreference.WEEKLY)
