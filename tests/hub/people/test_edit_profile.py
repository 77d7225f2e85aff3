from django.urls import reverse

from hub.models import Phase

URL = reverse("hub:edit_profile")


def save(client, **overrides):
    data = {
        "full_name": "Alice Teacher",
        "display_name": "Ms Teacher",
        "job_title": "Year 4 teacher",
        "phase": Phase.PRIMARY,
        "subjects": "maths, science",
        "learning_focus": "questioning, retrieval practice",
    }
    return client.post(URL, {**data, **overrides})


def test_staff_edit_their_own_profile(client_for, staff):
    response = save(client_for(staff))
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.name == "Ms Teacher"
    assert staff.job_title == "Year 4 teacher"
    assert sorted(staff.learning_focus.names()) == ["questioning", "retrieval practice"]


def test_an_empty_or_blank_name_is_refused(client_for, staff):
    response = save(client_for(staff), full_name="   ")
    assert response.status_code == 200
    assert response.context["form"].errors["full_name"]
    staff.refresh_from_db()
    assert staff.full_name == "Alice Teacher"


def test_over_long_fields_are_refused_next_to_the_field(client_for, staff):
    response = save(client_for(staff), full_name="x" * 121, display_name="y" * 61)
    errors = response.context["form"].errors
    assert "at most 120 characters" in errors["full_name"][0]
    assert "at most 60 characters" in errors["display_name"][0]
    staff.refresh_from_db()
    assert staff.full_name == "Alice Teacher"


def test_an_over_long_learning_focus_is_refused(client_for, staff):
    response = save(client_for(staff), learning_focus="z" * 51)
    assert "50 characters" in response.context["form"].errors["learning_focus"][0]
    many = ", ".join(f"focus {n}" for n in range(11))
    response = save(client_for(staff), learning_focus=many)
    assert "at most 10" in response.context["form"].errors["learning_focus"][0]
    assert list(staff.learning_focus.names()) == []


def test_html_in_a_name_is_shown_as_text(client_for, staff):
    client = client_for(staff)
    save(client, display_name="<script>alert('x')</script>")
    for url in (URL, reverse("hub:profile", args=[staff.pk]), reverse("hub:home")):
        page = client.get(url).content.decode()
        assert "<script>alert('x')</script>" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_the_form_shows_max_lengths_for_the_character_counter(client_for, staff):
    page = client_for(staff).get(URL).content.decode()
    assert 'maxlength="120"' in page
    assert 'maxlength="60"' in page
