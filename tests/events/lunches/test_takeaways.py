from urllib.parse import quote

from django.urls import reverse

from events.lunches.models import Takeaway
from tests.events.lunches.factories import LunchFactory, SignUpFactory, in_days


def test_after_the_lunch_a_takeaway_is_posted_and_offered_as_a_board_idea(
    client_for, staff, school
):
    lunch = LunchFactory(school=school, starts_at=in_days(-2))
    SignUpFactory(lunch=lunch, staff=staff)
    client = client_for(staff)
    response = client.post(
        reverse("events:add_takeaway", args=[lunch.pk]), {"text": "Wait time matters"}
    )
    assert response.status_code == 302
    assert Takeaway.objects.get().text == "Wait time matters"
    page = client.get(lunch.get_absolute_url()).content.decode()
    board = reverse("ideas:board")
    assert f"{board}?title={quote('Wait time matters')}&amp;note=" in page
    assert "Turn it into a board idea" in page


def test_a_takeaway_before_the_lunch_is_refused(client_for, staff, school):
    lunch = LunchFactory(school=school)
    response = client_for(staff).post(
        reverse("events:add_takeaway", args=[lunch.pk]), {"text": "Too soon"}, follow=True
    )
    assert "Takeaways can be posted once the lunch is over." in response.content.decode()
    assert not Takeaway.objects.exists()


def test_a_takeaway_over_200_characters_is_refused(client_for, staff, school):
    lunch = LunchFactory(school=school, starts_at=in_days(-2))
    response = client_for(staff).post(
        reverse("events:add_takeaway", args=[lunch.pk]), {"text": "x" * 201}
    )
    assert response.status_code == 400
    assert "text" in response.context["takeaway_form"].errors
    assert not Takeaway.objects.exists()
