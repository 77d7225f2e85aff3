"""Reads for twilights: what a person may see is their networks' twilights, nothing more."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from events.twilights.models import PlaceState, TablePlan, Twilight, TwilightRole, TwilightSignUp
from hub.networks.access import networks_of
from hub.registry import network_post_its


def twilights_for(staff) -> QuerySet:
    """Twilights of the networks this person's school belongs to or they lead."""
    return Twilight.objects.filter(network__in=networks_of(staff).values("pk"))


def with_counts(twilights: QuerySet) -> QuerySet:
    live = Q(sign_ups__state=PlaceState.CONFIRMED)
    return twilights.select_related("network", "host_school").annotate(
        presenter_count=Count("sign_ups", filter=live & Q(sign_ups__role=TwilightRole.PRESENTER)),
        participant_count=Count(
            "sign_ups", filter=live & Q(sign_ups__role=TwilightRole.PARTICIPANT)
        ),
    )


def twilight_or_404(staff, pk, queryset: QuerySet | None = None) -> Twilight:
    queryset = queryset if queryset is not None else Twilight.objects.all()
    try:
        return (
            queryset.filter(network__in=networks_of(staff).values("pk"))
            .select_related("network", "host_school")
            .get(pk=pk)
        )
    except (Twilight.DoesNotExist, ValueError, TypeError):
        raise Http404("No twilight found.") from None


def my_states(staff, twilight_ids) -> dict[int, TwilightSignUp]:
    places = TwilightSignUp.objects.filter(twilight_id__in=list(twilight_ids), staff=staff).exclude(
        state=PlaceState.CANCELLED
    )
    return {place.twilight_id: place for place in places}


@dataclass
class TwilightPage:
    presenters: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    waitlist: list = field(default_factory=list)
    mine: TwilightSignUp | None = None
    my_waitlist_position: int | None = None
    draw: object = None
    draw_count: int = 0
    earlier_draws: list = field(default_factory=list)
    running_order: list = field(default_factory=list)
    plan: TablePlan | None = None
    free_places: int = 0
    free_presenter_slots: int = 0

    @property
    def schools(self) -> list:
        seen = {place.staff.school for place in self.presenters + self.participants}
        return sorted((school for school in seen if school), key=lambda school: school.name)


def twilight_page(twilight: Twilight, viewer) -> TwilightPage:
    """Everything the twilight page shows, in a fixed number of queries: the places
    with each person's school, the draws, and the table plan."""
    places = list(
        twilight.sign_ups.exclude(state=PlaceState.CANCELLED).select_related("staff__school")
    )
    page = TwilightPage()
    for entry in places:
        if entry.state == PlaceState.WAITLISTED:
            page.waitlist.append(entry)
        elif entry.is_presenter:
            page.presenters.append(entry)
        else:
            page.participants.append(entry)
        if entry.staff_id == viewer.pk:
            page.mine = entry
    if page.mine in page.waitlist:
        page.my_waitlist_position = page.waitlist.index(page.mine) + 1
    draws = list(twilight.draws.select_related("drawn_by"))
    page.draw_count = len(draws)
    page.draw = draws[0] if draws else None
    page.earlier_draws = draws[1:]
    hook = network_post_its()
    for entry in page.presenters:
        # Afterwards each idea is a post-it on the network: its card links to it.
        entry.post_it_url = hook.url_of(entry.post_it_id) if hook and entry.post_it_id else ""
    page.running_order = running_order(page.draw, page.presenters)
    page.plan = TablePlan.objects.filter(twilight=twilight).first()
    page.free_places = max(twilight.capacity - len(page.participants), 0)
    page.free_presenter_slots = max(twilight.presenter_cap - len(page.presenters), 0)
    return page


def running_order(draw, presenters: list) -> list:
    """The presenters in the drawn order; anyone who signed up since comes after, in
    sign-up order (marked `after_draw`); anyone who cancelled is left out."""
    if draw is None:
        return []
    by_id = {entry.pk: entry for entry in presenters}
    ordered = [by_id[pk] for pk in draw.order if pk in by_id]
    later = [entry for entry in presenters if entry.pk not in set(draw.order)]
    for entry in later:
        entry.after_draw = True
    return ordered + later


def plan_view(plan: TablePlan, places: list) -> dict:
    """The table plan as pages show it: per table (each round's people) and per person
    (their table each round). `places` are the twilight's confirmed places."""
    by_id = {entry.pk: entry for entry in places}
    tables = []
    for number, presenter_id in enumerate(plan.tables):
        rounds = []
        for round_index in range(plan.rounds):
            seated = [
                by_id[int(pid)]
                for pid, row in plan.seats.items()
                if row[round_index] == number and int(pid) in by_id
            ]
            rounds.append(sorted(seated, key=lambda entry: entry.staff.name))
        tables.append(
            {"number": number + 1, "presenter": by_id.get(presenter_id), "rounds": rounds}
        )
    people = []
    for pid, row in plan.seats.items():
        if int(pid) in by_id:
            seats = [{"table": t + 1, "presenter": by_id.get(plan.tables[t])} for t in row]
            people.append({"entry": by_id[int(pid)], "seats": seats})
    people.sort(key=lambda person: person["entry"].staff.name.lower())
    return {"tables": tables, "people": people, "round_numbers": range(1, plan.rounds + 1)}
