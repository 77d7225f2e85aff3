import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from hub.models import (
    LearningExport,
    LearningExportStatus,
    LearningFocus,
    LearningNote,
    Pulse,
    PulseAnswer,
)
from hub.models.learning import school_year_of
from tests.factories import StaffFactory

TOPICS = ["Behaviour at lunchtime", "Questioning", "Phonics refresher"]


class FocusFactory(DjangoModelFactory):
    class Meta:
        model = LearningFocus
        skip_postgeneration_save = True

    staff = factory.SubFactory(StaffFactory)
    school = factory.SelfAttribute("staff.school")
    school_year = factory.LazyFunction(lambda: school_year_of(timezone.localdate()))
    text = "Better questions in guided reading"

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class NoteFactory(DjangoModelFactory):
    class Meta:
        model = LearningNote

    staff = factory.SubFactory(StaffFactory)
    school = factory.SelfAttribute("staff.school")
    text = "Wait time doubled the hands up."


class PulseFactory(DjangoModelFactory):
    class Meta:
        model = Pulse

    created_by = factory.SubFactory(StaffFactory, is_moderator=True)
    school = factory.SelfAttribute("created_by.school")
    question = "What would help you most next half-term?"
    topics = factory.LazyFunction(lambda: list(TOPICS))


def answer(pulse, person, topics=(), text="") -> PulseAnswer:
    return PulseAnswer.objects.create(
        pulse=pulse, staff=person, role_group=person.role_group, topics=list(topics), text=text
    )


def finished_export(staff, *, format="pdf", body=b"%PDF-1.7 test") -> LearningExport:
    today = timezone.localdate()
    export = LearningExport.objects.create(
        staff=staff, format=format, start=today, end=today, status=LearningExportStatus.DONE
    )
    export.file.save(f"record.{format}", ContentFile(body))
    return export
