import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from hub.lib.weeks import Week
from hub.models import Status
from ideas.board.models import Comment, Idea, Reaction, ReactionKind
from tests.factories import StaffFactory


def this_monday(school):
    return Week.of_moment(timezone.now(), school.zone).monday


class IdeaFactory(DjangoModelFactory):
    class Meta:
        model = Idea
        skip_postgeneration_save = True

    author = factory.SubFactory(StaffFactory)
    school = factory.SelfAttribute("author.school")
    title = factory.Sequence(lambda n: f"Mini whiteboards, take {n}")
    note = "Everyone shows an answer at once, so I see who needs help."
    colour = "yellow"
    status = Status.PUBLISHED
    week = factory.LazyAttribute(lambda idea: this_monday(idea.school))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class ReactionFactory(DjangoModelFactory):
    class Meta:
        model = Reaction

    idea = factory.SubFactory(IdeaFactory)
    author = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..idea.school"))
    school = factory.SelfAttribute("idea.school")
    kind = ReactionKind.WILL_TRY
    reflection = factory.LazyAttribute(
        lambda reaction: "It worked well with my group." if reaction.kind == "tried" else ""
    )
    status = Status.PUBLISHED


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = Comment

    idea = factory.SubFactory(IdeaFactory)
    author = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..idea.school"))
    school = factory.SelfAttribute("idea.school")
    text = "Love this, thank you!"
    status = Status.PUBLISHED
