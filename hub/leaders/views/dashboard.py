"""The participation dashboard: who has shared what, for moderators only."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from hub.decorators import moderator_required, school_page
from hub.fragments import Fragment, personal, render_fragment, school_fragment
from hub.leaders.encouragement import invitations_this_half_term
from hub.leaders.forms import PeriodForm
from hub.leaders.participation import Participation, participation
from hub.lib import spreadsheet
from hub.lib.links import pk_link
from hub.lib.svg_chart import PHONE_SHAPE, WIDE_SHAPE, ChartData, ChartShape, bar_line_chart
from hub.models import RoleGroup


def _participation_for(request: HttpRequest) -> tuple[PeriodForm, Participation, str]:
    school = request.user.school
    today = timezone.localdate(timezone=school.zone)
    form = PeriodForm(request.GET or None, today=today, this_term=school.term_on(today))
    first_day, last_day, label = form.days()
    return form, participation(school=school, first_day=first_day, last_day=last_day), label


def _trend_chart(data: Participation, *, shape: ChartShape = WIDE_SHAPE, chart_id="trend") -> str:
    chart = ChartData(
        labels=[f"{point.week.monday:%-d %b}" for point in data.weeks],
        bars=[point.contributions for point in data.weeks],
        bars_label="Contributions shared",
        line=[point.people for point in data.weeks],
        line_label="Staff who shared",
    )
    total = sum(chart.bars)
    busiest = max(data.weeks, key=lambda point: point.contributions, default=None)
    desc = f"{total} contributions over {len(data.weeks)} weeks."
    if busiest and busiest.contributions:
        desc += (
            f" The busiest week began {busiest.week.monday:%-d %B}, with {busiest.contributions}."
        )
    # Safe: bar_line_chart escapes every text it places in the SVG.
    return mark_safe(
        bar_line_chart(
            chart, title="Sharing week by week", desc=desc, chart_id=chart_id, shape=shape
        )
    )  # noqa: S308


@moderator_required
@school_page
def dashboard(request: HttpRequest) -> HttpResponse:
    school = request.user.school
    today = timezone.localdate(timezone=school.zone)

    def build() -> Fragment:
        form, data, label = _participation_for(request)
        invited = invitations_this_half_term(school=school, today=today)
        profile, invite = pk_link("hub:profile"), pk_link("hub:invite_to_share")
        context = {
            # Each person not shared yet, with this half-term's invitation if one was sent.
            "not_yet": [
                (member, invited.get(member.pk), profile(member.pk), invite(member.pk))
                for member in data.not_shared_yet
            ],
            "people": [(row, profile(row.member.pk)) for row in data.people],
            # Formatted here once rather than by a |date filter per row.
            "weeks": [(point, f"{point.week.monday:%-d %b %Y}") for point in data.weeks],
            "form": form,
            "data": data,
            "period_label": label,
            "chart": _trend_chart(data),
            "phone_chart": _trend_chart(data, shape=PHONE_SHAPE, chart_id="trend-phone"),
            "query": request.GET.urlencode(),
        }
        return Fragment(render_fragment("hub/leaders/_dashboard_body.html", context, request))

    # Only moderators reach it; the periods are counted from today.
    parts = [request.get_full_path(), today]
    body = school_fragment(school, "dashboard", build, parts=parts)
    mine = {f"self:{request.user.pk}"}
    return render(request, "hub/leaders/dashboard.html", {"body": personal(body, request, mine)})


@moderator_required
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    _form, data, _label = _participation_for(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"participation-{data.first_day:%Y-%m-%d}-to-{data.last_day:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Every text cell made inert for spreadsheets (a name like " =cmd|..."), after the
    # byte order mark that tells Excel the file is UTF-8, as the scrapbook's CSV does.
    writer = spreadsheet.writer(response)
    writer.writerow(
        ["Name", "Role", "Role group", "Active", *[c.label for c in data.columns], "Shared"]
    )
    for row in data.people:
        member = row.member
        writer.writerow(
            [
                member.name,
                member.get_role_display(),
                RoleGroup(member.role_group).label,
                "yes" if member.is_active else "left",
                *[row.count_of(c.key) for c in data.columns],
                row.shared,
            ]
        )
    return response
