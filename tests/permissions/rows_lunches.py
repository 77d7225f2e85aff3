import datetime as dt

from events.lunches.models import InputKind
from tests.events.lunches.factories import InputFactory, LunchFactory, TakeawayFactory, in_days
from tests.permissions.matrix import Row, World, everyone


def a_lunch(world: World) -> dict:
    return {"pk": LunchFactory(school=world.school).pk}


def a_past_lunch(world: World) -> dict:
    starts_at = in_days(-3)
    return {"pk": LunchFactory(school=world.school, starts_at=starts_at).pk}


def a_colleagues_input(world: World) -> dict:
    return {"pk": InputFactory(lunch=LunchFactory(school=world.school)).pk}


def lunch_details(world: World) -> dict:
    date = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    return {
        "date": date,
        "start_time": "12:15",
        "end_time": "13:00",
        "room": "Library",
        "capacity": "12",
        "theme": "",
    }


def an_input(world: World) -> dict:
    return {"title": "Dual coding", "kind": InputKind.FINDING, "summary": "What we found."}


def the_staff_members_takeaway(world: World) -> dict:
    lunch = LunchFactory(school=world.school, starts_at=in_days(-3))
    return {"pk": TakeawayFactory(lunch=lunch, author=world.people["staff"]).pk}


def an_upcoming_lunch_only(world: World) -> dict:
    LunchFactory(school=world.school)
    return {}


MODERATORS = everyone(403, moderator=200)

ROWS = [
    Row(
        "events:takeaway_follow_up",
        everyone(403, staff=200, outsider=404),
        kwargs=the_staff_members_takeaway,
        note="only the takeaway's author is asked how it went",
    ),
    Row(
        "events:takeaway_follow_up",
        everyone(403, staff=302, outsider=404),
        method="post",
        kwargs=the_staff_members_takeaway,
        data=lambda world: {"answer": "not_yet"},
    ),
    Row("events:lunches", everyone(200)),
    Row(
        "events:offer_input",
        everyone(302, outsider=200),
        kwargs=an_upcoming_lunch_only,
        note="to the school's next lunch with a free input slot; another school has none: told so",
    ),
    Row("events:lunch_archive", everyone(200)),
    Row("events:lunch_detail", everyone(200, outsider=404), kwargs=a_lunch),
    Row("events:lunch_ics", everyone(200, outsider=404), kwargs=a_lunch),
    Row("events:schedule_lunch", MODERATORS),
    Row(
        "events:schedule_lunch",
        everyone(403, moderator=302),
        method="post",
        data=lunch_details,
    ),
    Row("events:edit_lunch", everyone(403, moderator=200, outsider=404), kwargs=a_lunch),
    Row(
        "events:edit_lunch",
        everyone(403, moderator=302, outsider=404),
        method="post",
        kwargs=a_lunch,
        data=lunch_details,
    ),
    Row("events:sign_up", everyone(405, anonymous=405), kwargs=a_lunch),
    Row("events:sign_up", everyone(302, outsider=404), method="post", kwargs=a_lunch),
    Row("events:cancel_sign_up", everyone(302, outsider=404), method="post", kwargs=a_lunch),
    Row("events:volunteer_input", everyone(200, outsider=404), kwargs=a_lunch),
    Row(
        "events:volunteer_input",
        everyone(302, outsider=404),
        method="post",
        kwargs=a_lunch,
        data=an_input,
    ),
    Row(
        "events:add_takeaway",
        everyone(302, outsider=404),
        method="post",
        kwargs=a_past_lunch,
        data=lambda world: {"text": "Three recall questions a lesson."},
    ),
    Row(
        "events:add_resources",
        everyone(403, outsider=404),
        kwargs=a_colleagues_input,
        note="only the presenter adds slides or notes",
    ),
    Row("events:dietary_needs", everyone(200)),
    Row("events:my_calendar", everyone(200)),
    Row("events:reset_calendar_feed", everyone(302), method="post"),
    Row("events:revoke_calendar_feed", everyone(302), method="post"),
    Row(
        "events:calendar_feed",
        everyone(404, anonymous=404),
        kwargs=lambda world: {"token": "forged-token"},
        note="a forged token is a 404 for everyone",
    ),
]


def an_input_with_a_file(world: World) -> dict:
    from django.core.files.base import ContentFile

    item = InputFactory(lunch=LunchFactory(school=world.school))
    item.file.save("slides.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return {"pk": item.pk}


ROWS.append(
    Row("events:download_input_file", everyone(200, outsider=404), kwargs=an_input_with_a_file)
)
