"""Django admin: every registered model's list and add pages load for a superuser."""

import pytest
from django.contrib import admin
from django.urls import reverse

from hub.models import Staff

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.fixture
def superuser(db, school):
    return Staff.objects.create_superuser("root@staffroom.example", "a-long-secret", school=school)


def test_every_hub_model_is_in_the_admin():
    from django.apps import apps

    registered = set(admin.site._registry)
    assert set(apps.get_app_config("hub").get_models()) <= registered


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_the_changelist_loads(client, superuser, staff, model):
    opts = model._meta
    response = client_as(client, superuser).get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    )
    assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_the_add_page_loads_or_is_not_offered(client, superuser, model):
    opts = model._meta
    response = client_as(client, superuser).get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    )
    assert response.status_code in (200, 403)


def test_a_staff_member_opens_in_the_admin(client, superuser, staff):
    url = reverse("admin:hub_staff_change", args=[staff.pk])
    assert client_as(client, superuser).get(url).status_code == 200


def test_school_staff_cannot_open_the_admin(client_for, school_admin):
    response = client_for(school_admin).get(reverse("admin:index"))
    assert response.status_code == 302


def client_as(client, person):
    client.force_login(person)
    return client
