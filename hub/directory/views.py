"""A lead finds schools to invite; school leaders see the schools most like theirs."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hub.access import may_change_school_settings
from hub.directory import selectors
from hub.directory.access import is_school_leader
from hub.directory.forms import DirectorySearchForm
from hub.models import RegisteredSchool
from hub.networks.access import led_network_or_404
from hub.networks.selectors import networks_led_by, school_networks

PER_PAGE = 25


@login_required
def find_schools(request: HttpRequest, pk: int) -> HttpResponse:
    network = led_network_or_404(request.user, pk)
    form = DirectorySearchForm(request.GET or None)
    filters = form.filters()
    page = None
    directory_empty = False
    if filters is not None:
        paginator = Paginator(selectors.search(**filters), PER_PAGE)
        page = paginator.get_page(request.GET.get("page"))
        page.object_list = selectors.with_staffroom_ids(page.object_list)
        if not page.object_list:
            directory_empty = not RegisteredSchool.objects.exists()
        standing = selectors.standing_with(network, [row.staffroom_id for row in page])
        for row in page:
            row.standing = standing.get(row.staffroom_id, "")
    context = {
        "network": network,
        "form": form,
        "page": page,
        "directory_empty": directory_empty,
    }
    return render(request, "hub/directory/find_schools.html", context)


@login_required
def schools_like_ours(request: HttpRequest) -> HttpResponse:
    if not is_school_leader(request.user):
        raise PermissionDenied("This page is for your school's leaders.")
    school = request.user.school
    mine = selectors.yardstick_of(school)
    similar = selectors.most_like(mine)
    networks_of = school_networks([row.staffroom_id for row in similar if row.staffroom_id])
    ours = set(school.networks.values_list("pk", flat=True))
    rows = []
    for row in similar:
        networks = networks_of.get(row.staffroom_id, [])
        rows.append(
            {
                "school": row,
                "words": selectors.likeness_in_words(row, mine),
                "networks": networks,
                # A network of theirs ours could ask to join (not one we are in).
                "askable": next((n for n in networks if n.pk not in ours), None),
            }
        )
    context = {
        "school": school,
        "mine": mine,
        "rows": rows,
        "led_networks": networks_led_by(request.user),
        "may_join": may_change_school_settings(request.user),
    }
    return render(request, "hub/directory/schools_like_ours.html", context)
