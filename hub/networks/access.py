"""The one way a view finds a network: scoped to the person, or a 404.

A network is seen by the staff of its member schools and by its leads; to anyone
else it does not exist (404, never 403). Leading it is a further right, checked
by `require_network_lead` (403 for a member who does not lead).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from hub.models import Network, Visibility


def networks_of(staff) -> QuerySet:
    """The networks this person's school belongs to, and those they lead."""
    if not staff.is_authenticated or staff.school_id is None:
        return Network.objects.none()
    return Network.objects.filter(Q(schools=staff.school_id) | Q(leads=staff.pk)).distinct()


def network_or_404(staff, pk) -> Network:
    try:
        return networks_of(staff).get(pk=pk)
    except (Network.DoesNotExist, ValueError, TypeError):
        raise Http404("No network found.") from None


def leads_network(staff, network: Network) -> bool:
    return bool(staff.is_authenticated) and network.leads.filter(pk=staff.pk).exists()


def require_network_lead(staff, network: Network) -> None:
    if not leads_network(staff, network):
        raise PermissionDenied("This page is for the network's leads.")


def led_network_or_404(staff, pk) -> Network:
    """For a lead's actions: 404 beyond the network, 403 for members who do not lead."""
    network = network_or_404(staff, pk)
    require_network_lead(staff, network)
    return network


def may_moderate_in_network(staff, network: Network, contribution) -> bool:
    """Whether `staff` may hide or return `contribution` as a lead of `network`: only work
    a member school opened to the network (or wider), never its school-only content.
    Two small queries."""
    return bool(
        staff.is_authenticated
        and staff.is_active
        and contribution.visibility != Visibility.SCHOOL
        and leads_network(staff, network)
        and network.schools.filter(pk=contribution.school_id).exists()
    )


def shared_to_network(queryset: QuerySet, network: Network) -> QuerySet:
    """The contributions of `queryset` that a member school opened to `network`."""
    return queryset.filter(
        school_id__in=network.schools.values("pk"),
        visibility__in=(Visibility.NETWORK, Visibility.PUBLIC),
    )
