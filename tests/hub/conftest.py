import pytest


@pytest.fixture
def sends(django_capture_on_commit_callbacks):
    """`with sends():` runs the email tasks the block queued for after commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def notes_registered():
    """Register the test-only Note with hub's registry for one test, as an app would."""
    from hub import registry
    from tests.contrib_app.models import Note

    registry.register_contribution(Note, label="note", label_plural="notes")
    yield Note
    registry._contribution_kinds.pop(Note._meta.label_lower, None)
