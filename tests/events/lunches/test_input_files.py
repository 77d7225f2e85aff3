"""An input's slides are served through a permission check, never a public /media/ link."""

from django.core.files.base import ContentFile
from django.urls import reverse

from hub import moderation
from hub.models import Status
from tests.events.lunches.factories import InputFactory, LunchFactory


def an_input_with_slides(school, **fields):
    item = InputFactory(lunch=LunchFactory(school=school), **fields)
    # As events.lunches.services does: a random stored name, the uploaded name kept to show.
    item.file_label = "slides.pdf"
    item.file.save("slides.pdf", ContentFile(b"%PDF-1.4 our slides"), save=True)
    return item


def test_a_colleague_downloads_the_slides_as_an_attachment(client_for, staff, school):
    item = an_input_with_slides(school)
    response = client_for(staff).get(reverse("events:download_input_file", args=[item.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 our slides"
    assert response["Content-Disposition"].startswith('attachment; filename="slides')
    assert response["Cache-Control"] == "private, no-store"


def test_the_lunch_page_links_to_the_checked_download(client_for, staff, school):
    item = an_input_with_slides(school)
    page = client_for(staff).get(reverse("events:lunch_detail", args=[item.lunch.pk]))
    assert reverse("events:download_input_file", args=[item.pk]) in page.content.decode()
    assert "/media/" not in page.content.decode()


def test_hidden_slides_are_not_served_to_colleagues(client_for, staff, moderator, school):
    item = an_input_with_slides(school, status=Status.PUBLISHED)
    moderation.transition(item, action="hide", actor=moderator, reason="Shows a pupil's name")
    url = reverse("events:download_input_file", args=[item.pk])
    assert client_for(staff).get(url).status_code == 404


def test_another_schools_slides_are_not_found(client_for, outsider, school):
    item = an_input_with_slides(school)
    url = reverse("events:download_input_file", args=[item.pk])
    assert client_for(outsider).get(url).status_code == 404
