import pytest


@pytest.fixture
def sends(django_capture_on_commit_callbacks):
    """`with sends():` runs the email tasks the block queued for after commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
