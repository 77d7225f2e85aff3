from django.urls import reverse


def test_colleagues_see_a_profile_with_its_learning_focus(client_for, staff, moderator):
    staff.job_title = "Year 4 teacher"
    staff.save()
    staff.learning_focus.add("questioning")
    page = client_for(moderator).get(reverse("hub:profile", args=[staff.pk])).content.decode()
    assert "Alice Teacher" in page
    assert "Year 4 teacher" in page
    assert "questioning" in page


def test_another_schools_profile_is_a_404(client_for, staff, outsider):
    response = client_for(outsider).get(reverse("hub:profile", args=[staff.pk]))
    assert response.status_code == 404


def test_an_empty_learning_focus_invites_you_to_add_yours(client_for, staff):
    page = client_for(staff).get(reverse("hub:profile", args=[staff.pk])).content.decode()
    assert "No learning focus yet." in page
    assert "Add yours" in page
