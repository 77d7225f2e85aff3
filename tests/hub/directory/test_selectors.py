"""Schools like ours: closest in size and FSM, same phase and region, said in words."""

from decimal import Decimal

import pytest

from hub.directory.selectors import (
    likeness_in_words,
    most_like,
    search,
    with_staffroom_ids,
    yardstick_of,
)
from tests.factories import SchoolFactory
from tests.hub.directory.factories import RegisteredSchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ours():
    RegisteredSchoolFactory(urn="100001", number_of_pupils=230, percentage_fsm=Decimal("21"))
    return SchoolFactory(urn="100001", name="Oakfield Primary School")


def test_the_words_say_how_like_us_a_school_is(ours):
    mine = yardstick_of(ours)
    other = RegisteredSchoolFactory(number_of_pupils=210, percentage_fsm=Decimal("18.0"))
    assert likeness_in_words(other, mine) == (
        "Primary, 210 pupils (yours 230), 18% FSM (yours 21%), also in the North West"
    )
    london = RegisteredSchoolFactory(region="London", number_of_pupils=None, percentage_fsm=None)
    assert likeness_in_words(london, mine) == "Primary, in London"


def test_the_closest_come_first_and_other_phases_regions_and_closed_schools_never(ours):
    near = RegisteredSchoolFactory(name="Near", number_of_pupils=225, percentage_fsm=Decimal("20"))
    far = RegisteredSchoolFactory(name="Far", number_of_pupils=600, percentage_fsm=Decimal("50"))
    unknown = RegisteredSchoolFactory(name="Unknown size", number_of_pupils=None)
    RegisteredSchoolFactory(phase="secondary", number_of_pupils=230)
    RegisteredSchoolFactory(region="London", number_of_pupils=230)
    RegisteredSchoolFactory(is_open=False, number_of_pupils=230)
    assert [row.name for row in most_like(yardstick_of(ours))] == [
        near.name,
        unknown.name,
        far.name,
    ]


def test_a_school_not_in_the_register_is_compared_on_phase_and_size(db):
    school = SchoolFactory(urn=None, number_of_pupils=100)
    RegisteredSchoolFactory(name="Big", number_of_pupils=400, region="London")
    RegisteredSchoolFactory(name="Small", number_of_pupils=110)
    assert [row.name for row in most_like(yardstick_of(school))] == ["Small", "Big"]


def test_search_filters_by_name_phase_area_and_trust_and_marks_staffroom_schools(db):
    on_staffroom = RegisteredSchoolFactory(name="Oakfield Primary", trust="Northshire Trust")
    SchoolFactory(urn=on_staffroom.urn)
    RegisteredSchoolFactory(name="Oakfield High", phase="secondary", region="London")
    assert [row.name for row in search(query="oakfield", phase="primary")] == ["Oakfield Primary"]
    assert [row.name for row in search(area="london")] == ["Oakfield High"]
    assert [row.name for row in search(area="Lancashire", trust="northshire")] == [
        "Oakfield Primary"
    ]
    found = with_staffroom_ids(search(query="oakfield"))
    assert [row.staffroom_id is not None for row in found] == [False, True]
