import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from hub.leaders.forms import PeriodForm
from hub.leaders.participation import participation
from hub.lib.terms import half_term_containing
from hub.models import Role, RoleGroup, ShareInvitation, Status
from hub.registry import contribution_kinds, participation_metrics
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory
from tests.hub.leaders.factories_participation import ReplyFactory, attended, many_notes, posted_at

LONDON = ZoneInfo("Europe/London")
IN_TERM = datetime(2026, 10, 7, 12, 0, tzinfo=LONDON)
BEFORE_TERM = datetime(2026, 8, 20, 12, 0, tzinfo=LONDON)
HALF = half_term_containing(timezone.localdate())[0]
AUTUMN = {"period": "custom", "start": "2026-09-01", "end": "2026-12-31"}


@pytest.fixture
def ta(school):
    return StaffFactory(school=school, full_name="Tariq Assistant", role=Role.TEACHING_ASSISTANT)


def counts_of(school):
    return participation(school=school, first_day=date(2026, 9, 1), last_day=date(2026, 12, 31))


def test_it_counts_each_kind_and_extra_metric_per_person(school, staff, ta):
    posted_at(NoteFactory(author=staff), IN_TERM)
    posted_at(NoteFactory(author=staff), IN_TERM)
    posted_at(ReplyFactory(author=ta), IN_TERM)
    attended(ta, IN_TERM)

    data = counts_of(school)

    rows = {row.member: row for row in data.people}
    assert rows[staff].count_of("leaders_app.note") == 2
    assert rows[staff].shared == 2
    assert rows[ta].count_of("leaders_app.reply") == 1
    assert rows[ta].count_of("leaders_app.attendance") == 1
    assert rows[ta].shared == 1


def test_it_leaves_out_drafts_hidden_work_other_schools_and_other_dates(school, staff, outsider):
    posted_at(NoteFactory(author=staff, status=Status.DRAFT), IN_TERM)
    posted_at(NoteFactory(author=staff, status=Status.HIDDEN), IN_TERM)
    posted_at(NoteFactory(author=staff), BEFORE_TERM)
    posted_at(NoteFactory(author=outsider), IN_TERM)

    data = counts_of(school)

    assert all(row.shared == 0 for row in data.people)
    assert outsider not in [row.member for row in data.people]


def test_attendance_alone_does_not_count_as_sharing(school, staff):
    attended(staff, IN_TERM)

    data = counts_of(school)

    assert staff in data.not_shared_yet


def test_role_groups_add_up_their_people(school, staff, ta, moderator):
    posted_at(NoteFactory(author=staff), IN_TERM)
    posted_at(NoteFactory(author=ta), IN_TERM)
    posted_at(NoteFactory(author=ta), IN_TERM)

    groups = {group.group: group for group in counts_of(school).groups}

    assert groups[RoleGroup.TEACHING_ASSISTANTS].counts["leaders_app.note"] == 2
    assert groups[RoleGroup.TEACHING_ASSISTANTS].sharers == 1
    assert groups[RoleGroup.TEACHERS].people == 1
    assert groups[RoleGroup.LEADERS].people == 1
    assert groups[RoleGroup.LEADERS].sharers == 0


def test_deactivated_staff_are_left_out_of_not_shared_yet(school, staff, ta):
    ta.is_active = False
    ta.save()

    data = counts_of(school)

    assert staff in data.not_shared_yet
    assert ta not in data.not_shared_yet
    assert ta not in [row.member for row in data.people]


def test_a_leaver_who_shared_still_appears_with_their_counts(school, ta):
    posted_at(NoteFactory(author=ta), IN_TERM)
    ta.is_active = False
    ta.save()

    rows = {row.member: row for row in counts_of(school).people}

    assert rows[ta].shared == 1
    assert counts_of(school).active_count == 0


def test_the_weekly_trend_has_a_point_for_every_week_of_the_range(school, staff, ta):
    posted_at(NoteFactory(author=staff), IN_TERM)
    posted_at(ReplyFactory(author=ta), IN_TERM)
    posted_at(NoteFactory(author=ta), IN_TERM)

    weeks = counts_of(school).weeks

    assert weeks[0].week.monday.isoformat() == "2026-08-31"
    assert weeks[-1].week.monday.isoformat() == "2026-12-28"
    busy = [point for point in weeks if point.contributions]
    assert [(p.week.monday.isoformat(), p.contributions, p.people) for p in busy] == [
        ("2026-10-05", 3, 2)
    ]


def test_moderators_see_the_counts_the_not_yet_list_and_the_chart(client_for, moderator, staff):
    posted_at(NoteFactory(author=moderator), IN_TERM)

    response = client_for(moderator).get(reverse("hub:dashboard"), AUTUMN)

    assert response.status_code == 200
    page = response.content.decode()
    assert "1 of 2</strong> staff shared something" in page
    assert "Only moderators see this list" in page
    assert "Alice Teacher" in page
    assert '<svg class="svg-chart"' in page
    assert '<title id="trend-title">' in page
    assert "Show the numbers as a table" in page
    assert "style=" not in page


def test_staff_get_a_friendly_403(client_for, staff):
    response = client_for(staff).get(reverse("hub:dashboard"))

    assert response.status_code == 403
    assert "for your school&#x27;s moderators" in response.content.decode()


def test_a_range_ending_before_it_starts_says_so_next_to_the_field(client_for, moderator):
    response = client_for(moderator).get(
        reverse("hub:dashboard"), {"period": "custom", "start": "2026-10-01", "end": "2026-09-01"}
    )

    assert response.status_code == 200
    assert "The last day must be on or after the first day." in response.content.decode()


def test_the_csv_has_a_row_per_person_and_defuses_formulas(client_for, moderator, school):
    sneaky = StaffFactory(school=school, full_name="=HYPERLINK(1)")
    posted_at(NoteFactory(author=sneaky), IN_TERM)

    response = client_for(moderator).get(reverse("hub:dashboard_csv"), AUTUMN)

    assert response["Content-Type"].startswith("text/csv")
    assert "participation-2026-09-01-to-2026-12-31.csv" in response["Content-Disposition"]
    # The byte order mark, as in the scrapbook's CSV: Excel then reads names as UTF-8.
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Name", "Role", "Role group", "Active"]
    assert "Notes" in rows[0]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["'=HYPERLINK(1)"][-1] == "1"
    assert by_name["Helen Head"][-1] == "0"


@pytest.mark.parametrize("contributions,people", [(50, 30), (2000, 300)])
def test_the_dashboard_runs_a_constant_number_of_queries(
    client_for, moderator, school, django_assert_max_num_queries, contributions, people
):
    staff = StaffFactory.create_batch(people, school=school)
    many_notes(authors=staff, count=contributions // 2, moment=IN_TERM)
    for person in staff[:10]:
        posted_at(ReplyFactory(author=person), IN_TERM)
        attended(person, IN_TERM)
    # Invitations to share for some who have not shared: the "invited on" dates.
    for person in staff[-(people // 3) :]:
        ShareInvitation.objects.create(
            school=school, recipient=person, sent_by=moderator, message="Hi", half_term_start=HALF
        )
    client = client_for(moderator)
    # Session, user, school, staff, unread count, this half-term's invitations; then one
    # per kind and per extra metric.
    bound = 7 + len(contribution_kinds()) + len(participation_metrics())

    with django_assert_max_num_queries(bound):
        response = client.get(reverse("hub:dashboard"), AUTUMN)
    with django_assert_max_num_queries(bound):
        client.get(reverse("hub:dashboard_csv"), AUTUMN)

    assert response.status_code == 200


def test_the_default_period_is_this_term_so_far():
    form = PeriodForm(None, today=date(2026, 11, 23))

    assert form.days() == (date(2026, 9, 1), date(2026, 11, 23), "This term (Autumn term 2026)")


def test_in_the_summer_holiday_the_default_is_the_last_12_weeks():
    first, last, label = PeriodForm(None, today=date(2026, 8, 20)).days()

    assert (first, last, label) == (date(2026, 5, 29), date(2026, 8, 20), "Last 12 weeks")


def test_last_term_means_the_term_before_this_one():
    form = PeriodForm({"period": "last_term"}, today=date(2026, 11, 23))

    assert form.days()[:2] == (date(2026, 4, 6), date(2026, 7, 31))


def test_a_range_over_400_days_is_refused():
    form = PeriodForm(
        {"period": "custom", "start": "2024-01-01", "end": "2026-01-01"}, today=date(2026, 1, 5)
    )

    assert not form.is_valid()
    assert "at most 400 days" in form.errors["end"][0]
