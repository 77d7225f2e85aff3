from django.urls import reverse

from hub.models import NoticeKind, Notification, Pulse, PulseAnswer, Role
from tests.factories import StaffFactory
from tests.hub.learning.factories import TOPICS, PulseFactory, answer
from tests.ideas.thursday.factories import RotaTurnFactory

OPEN = reverse("hub:open_pulse")


def open_one(client, **fields):
    data = {
        "question": "What would help you most next half-term?",
        "topics_text": "\n".join(TOPICS),
        "is_anonymous": "on",
    }
    data.update(fields)
    return client.post(OPEN, data)


def test_a_moderator_opens_a_pulse_and_everyone_is_told(client_for, moderator, staff, outsider):
    leaver = StaffFactory(school=staff.school, is_active=False)
    response = open_one(client_for(moderator))
    pulse = Pulse.objects.get()
    assert response.url == reverse("hub:pulse_results", args=[pulse.pk])
    assert pulse.topics == TOPICS and pulse.is_anonymous
    told = set(
        Notification.objects.filter(kind=NoticeKind.PULSE).values_list("recipient", flat=True)
    )
    assert told == {moderator.pk, staff.pk}
    assert leaver.pk not in told and outsider.pk not in told
    notice = Notification.objects.get(recipient=staff)
    assert notice.link() == pulse.get_absolute_url()
    assert "anonymously" in notice.message


def test_opening_a_pulse_refuses_bad_input(client_for, moderator):
    client = client_for(moderator)
    assert "Write the question" in open_one(client, question=" ").content.decode()
    assert "at least two topics" in open_one(client, topics_text="Only one").content.decode()
    nine = "\n".join(f"Topic {n}" for n in range(9))
    assert "at most 8 topics" in open_one(client, topics_text=nine).content.decode()
    assert "80 characters" in open_one(client, topics_text="a\n" + "b" * 81).content.decode()
    assert not Pulse.objects.exists()


def test_staff_answer_in_one_short_form_and_can_change_it(client_for, staff, moderator):
    pulse = PulseFactory(created_by=moderator)
    client = client_for(staff)
    url = pulse.get_absolute_url()
    page = client.get(url).content.decode()
    assert "Anonymous:" in page and "Behaviour at lunchtime" in page
    response = client.post(url, {"topics": ["Questioning"], "text": "Time to watch others."})
    assert response.url == url
    assert "Thank you: your answer is in." in client.get(url).content.decode()
    client.post(url, {"topics": ["Questioning", "Phonics refresher"], "text": ""})
    mine = PulseAnswer.objects.get(staff=staff)
    assert mine.topics == ["Questioning", "Phonics refresher"]
    assert mine.role_group == "teachers"


def test_an_answer_needs_a_topic_or_words_and_only_the_suggested_topics(client_for, staff):
    pulse = PulseFactory(school=staff.school, created_by__school=staff.school)
    client = client_for(staff)
    url = pulse.get_absolute_url()
    assert "Please tick a topic or write a few words." in client.post(url, {}).content.decode()
    assert "Select a valid choice" in client.post(url, {"topics": ["Made up"]}).content.decode()
    response = client.post(url, {"text": "x" * 501})
    assert "at most 500 characters" in response.content.decode()
    assert not PulseAnswer.objects.exists()


def test_a_closed_pulse_takes_no_answers(client_for, staff, moderator):
    pulse = PulseFactory(created_by=moderator)
    client_for(moderator).post(
        reverse("hub:close_pulse", args=[pulse.pk]), {"outcome": "A lunch on behaviour."}
    )
    page = client_for(staff).get(pulse.get_absolute_url()).content.decode()
    assert "This pulse closed" in page and "A lunch on behaviour." in page
    client_for(staff).post(pulse.get_absolute_url(), {"topics": ["Questioning"]})
    assert not PulseAnswer.objects.exists()


def test_leaders_see_answers_by_topic_and_role_group_never_named(client_for, moderator, school):
    pulse = PulseFactory(created_by=moderator)
    teachers = StaffFactory.create_batch(3, school=school, role=Role.TEACHER, full_name="Tess T")
    office = StaffFactory(school=school, role=Role.OFFICE, full_name="Orla Office")
    for teacher in teachers:
        answer(pulse, teacher, ["Questioning"])
    answer(pulse, office, ["Questioning", "Wellbeing"], text="Only Orla would say this")
    page = client_for(moderator).get(reverse("hub:pulse_results", args=[pulse.pk]))
    html = page.content.decode()
    results = page.context["results"]
    questioning = next(topic for topic in results.topics if topic.topic == "Questioning")
    assert questioning.count == 4
    assert questioning.by_group["Teachers"] == 3
    assert questioning.by_group["Office staff"] is None  # one person: fewer than 3
    assert "fewer than 3" in html
    assert "Only Orla would say this" in html
    assert "Orla Office" not in html and "Tess T" not in html


def test_a_named_pulse_shows_who_said_what(client_for, moderator, staff):
    pulse = PulseFactory(created_by=moderator, is_anonymous=False)
    answer(pulse, staff, ["Questioning"], text="More coaching please")
    html = client_for(moderator).get(reverse("hub:pulse_results", args=[pulse.pk])).content
    assert "More coaching please” — Alice Teacher" in html.decode()


def test_a_topic_becomes_a_prefilled_lunch(client_for, moderator):
    pulse = PulseFactory(created_by=moderator)
    page = client_for(moderator).get(reverse("hub:pulse_results", args=[pulse.pk]))
    questioning = next(t for t in page.context["results"].topics if t.topic == "Questioning")
    lunch_link = next(link for link in questioning.links if "lunch" in link["label"])
    form = client_for(moderator).get(lunch_link["url"]).context["form"]
    assert form.initial["theme"] == "Questioning"


def test_a_topic_becomes_the_leaders_next_thursday_question(client_for, moderator):
    pulse = PulseFactory(created_by=moderator)
    results = reverse("hub:pulse_results", args=[pulse.pk])
    page = client_for(moderator).get(results)
    assert all(len(topic.links) == 1 for topic in page.context["results"].topics)  # no turn
    RotaTurnFactory(school=moderator.school, staff=moderator)
    topic = client_for(moderator).get(results).context["results"].topics[0]
    thursday = next(link for link in topic.links if "Thursday" in link["label"])
    form = client_for(moderator).get(thursday["url"]).context["form"]
    assert topic.topic in form.initial["text"]


def test_closing_tells_everyone_what_was_chosen_once(client_for, moderator, staff):
    pulse = PulseFactory(created_by=moderator)
    url = reverse("hub:close_pulse", args=[pulse.pk])
    client = client_for(moderator)
    assert "Say what was chosen." in client.post(url, {"outcome": " "}).content.decode()
    client.post(url, {"outcome": "A learning lunch on questioning, 14 January."})
    client.post(url, {"outcome": "Something else"})
    pulse.refresh_from_db()
    assert not pulse.is_open and pulse.outcome == "A learning lunch on questioning, 14 January."
    notice = Notification.objects.get(recipient=staff, kind=NoticeKind.PULSE)
    assert "A learning lunch on questioning" in notice.message
    assert notice.link() == pulse.get_absolute_url()
