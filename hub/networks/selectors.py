"""Reads for the networks pages: a fixed number of queries however many schools."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q, QuerySet

from hub.access import may_change_school_settings
from hub.models import AuditEntry, JoinRequest, JoinStatus, Network, School, Staff
from hub.networks.access import networks_of
from hub.registry import network_sections


def my_networks(person) -> QuerySet:
    """The networks someone's school belongs to or they lead, with member counts."""
    # Counted outside networks_of's own join on schools, which keeps only the
    # person's school and so would count one member per network.
    return (
        Network.objects.filter(pk__in=networks_of(person).values("pk"))
        .annotate(member_count=Count("schools", distinct=True))
        .order_by("name")
    )


def waiting_for_school(school_id: int) -> list[JoinRequest]:
    """The school's open questions: invitations to answer, requests it sent."""
    return list(
        JoinRequest.objects.filter(school_id=school_id, status=JoinStatus.WAITING)
        .select_related("network", "school", "made_by")
        .order_by("-made_at")
    )


def waiting_for_leads(network: Network) -> list[JoinRequest]:
    """Schools that asked to join and schools the leads invited, still open."""
    return list(
        network.join_requests.filter(status=JoinStatus.WAITING)
        .select_related("school", "made_by")
        .order_by("-made_at")
    )


def findable_networks(*, school_id: int, query: str = "") -> QuerySet:
    """Every network a school might ask to join (not those it is in), by name."""
    networks = Network.objects.exclude(schools=school_id).annotate(
        member_count=Count("schools", distinct=True)
    )
    if query:
        networks = networks.filter(name__icontains=query)
    return networks.order_by("name")


def waiting_network_ids(school_id: int) -> set[int]:
    return set(
        JoinRequest.objects.filter(school_id=school_id, status=JoinStatus.WAITING).values_list(
            "network_id", flat=True
        )
    )


def network_home(network: Network, viewer) -> dict:
    """Everything a network's home shows: members (phase, size, staff on Staffroom),
    leads with their schools, open requests for leads, and its sections."""
    members = list(
        network.schools.annotate(
            staff_count=Count("staff", filter=Q(staff__is_active=True), distinct=True)
        ).order_by("name")
    )
    leads = list(network.leads.select_related("school").order_by("full_name"))
    is_lead = any(lead.pk == viewer.pk for lead in leads)
    sections = []
    for section in network_sections():
        url = section.url_for(network, viewer)
        if url:
            sections.append((section, url))
    in_network = any(school.pk == viewer.school_id for school in members)
    return {
        "network": network,
        "members": members,
        "leads": leads,
        "is_lead": is_lead,
        "sections": sections,
        "waiting": waiting_for_leads(network) if is_lead else [],
        "may_leave": in_network and may_change_school_settings(viewer),
    }


def school_left(person, network_pk: int) -> bool:
    """Whether this person's school has left the network (its audit log says so): a
    second "Leave" gets a word, not a 404. False for anyone who may not leave."""
    if not may_change_school_settings(person):
        return False
    return AuditEntry.objects.filter(
        school_id=person.school_id,
        action="network_leave",
        content_type=ContentType.objects.get_for_model(Network),
        object_id=network_pk,
    ).exists()


def lead_candidates(network: Network) -> QuerySet:
    return Staff.objects.filter(school__networks=network, is_active=True)


def networks_led_by(person) -> list[Network]:
    if not person.is_authenticated:
        return []
    return list(person.led_networks.order_by("name"))


def school_networks(school_ids) -> dict[int, list[Network]]:
    """{school id: the networks it is in}, in one query (schools like ours)."""
    schools = School.objects.filter(pk__in=school_ids).prefetch_related(
        Prefetch("networks", queryset=Network.objects.order_by("name"))
    )
    return {school.pk: list(school.networks.all()) for school in schools}
