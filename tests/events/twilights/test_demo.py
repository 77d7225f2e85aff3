"""seed_demo: the demo network has a past and a coming twilight, and running it again adds
nothing."""

import pytest
from django.utils import timezone

from events.twilights.models import Twilight
from hub.models import Visibility
from hub.people.demo import seed_demo_school
from ideas.board.models import Idea

pytestmark = pytest.mark.django_db


def test_the_demo_network_has_a_past_and_a_coming_twilight():
    seed_demo_school()
    seed_demo_school()

    twilights = Twilight.objects.filter(network__name="Northshire Learning Trust")
    assert twilights.count() == 2
    past, coming = twilights.past().get(), twilights.upcoming().get()
    assert past.is_speed_learning and past.followed_up_at is not None
    assert coming.is_teachmeet and coming.starts_at > timezone.now()
    presented = past.sign_ups.filter(role="presenter")
    assert presented.count() == 3
    post_its = Idea.objects.filter(pk__in=[entry.post_it_id for entry in presented])
    assert post_its.count() == 3
    assert set(post_its.values_list("visibility", flat=True)) == {Visibility.NETWORK}
    assert past.sign_ups.filter(will_try__isnull=False).exists()
    assert coming.sign_ups.filter(role="participant").exists()
