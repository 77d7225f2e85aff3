import pytest

from hub.display.services import display_link_create


@pytest.fixture
def make_link():
    """`make_link(school, by)` -> (link, token), as the screens page makes them."""

    def make(school, by, name="Staffroom TV"):
        return display_link_create(school=school, created_by=by, name=name)

    return make


@pytest.fixture
def screen_link(make_link, school, moderator):
    return make_link(school, moderator)
