import random

from django.urls import reverse

from events.lunches.demo import seed_lunches
from events.lunches.models import Input, Lunch, SignUp, SignUpState, Takeaway
from tests.events.lunches.factories import LunchFactory, SignUpFactory
from tests.factories import StaffFactory


def test_the_home_page_shows_the_next_lunches_and_your_place(client_for, staff, school):
    lunch = LunchFactory(school=school, theme="Oracy", capacity=3)
    SignUpFactory(lunch=lunch, staff=staff)
    html = client_for(staff).get(reverse("hub:home")).content.decode()
    assert "Oracy" in html
    assert "You're coming." in html


def test_the_demo_seeder_adds_lunches_once(school):
    staff = StaffFactory.create_batch(30, school=school)
    for _ in range(2):
        seed_lunches(school=school, staff=staff, rng=random.Random(1))
    assert Lunch.objects.count() == 4
    assert Takeaway.objects.exists()
    assert Input.objects.filter(lunch__theme="Retrieval practice").count() == 2
    assert SignUp.objects.filter(state=SignUpState.WAITLISTED).count() == 3
