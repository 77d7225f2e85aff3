import pytest


@pytest.fixture
def sends(django_capture_on_commit_callbacks):
    """`with sends():` runs the email tasks the block queued for after commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def notes_registered():
    """The test-only Note kind, which tests/leaders_app registers with hub as an app would."""
    from hub.registry import contribution_kinds
    from tests.leaders_app.models import Note

    assert any(kind.model is Note for kind in contribution_kinds())
    return Note
