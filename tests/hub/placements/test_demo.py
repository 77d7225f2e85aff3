from django.test import Client
from django.urls import reverse

from hub.models import Placement, PlacementAsk, PlacementOffer, PlacementState, Staff
from hub.people.demo import seed_demo_school


def test_the_demo_trust_has_asks_offers_and_an_approved_placement_once(db):
    school = seed_demo_school()
    seed_demo_school()
    assert PlacementAsk.objects.count() == 2 and PlacementOffer.objects.count() == 2
    placement = Placement.objects.get()
    assert placement.state == PlacementState.APPROVED
    assert placement.visitor_school == school and placement.host_school != school
    assert placement.network.schools.filter(pk=placement.host_school_id).exists()
    teacher = Staff.objects.get(email="teacher@oakfield.example")
    client = Client()
    client.force_login(teacher)
    record = client.get(reverse("hub:my_learning")).text
    assert "Work-shadowing at" in record and placement.host_school.name in record
