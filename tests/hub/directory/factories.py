import factory
from factory.django import DjangoModelFactory

from hub.models import RegisteredSchool


class RegisteredSchoolFactory(DjangoModelFactory):
    class Meta:
        model = RegisteredSchool

    urn = factory.Sequence(lambda n: f"{500000 + n}")
    name = factory.Sequence(lambda n: f"Register School {n}")
    phase = "primary"
    phase_name = "Primary"
    type_name = "Academy converter"
    local_authority = "Lancashire"
    region = "North West"
    number_of_pupils = 210
    status = "Open"
    is_open = True
