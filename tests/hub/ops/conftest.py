import pytest

from hub.ops import lost_cache


@pytest.fixture(autouse=True)
def _no_cache_report_yet(monkeypatch):
    """Each test starts as a fresh process would: no lost cache reported yet."""
    monkeypatch.setattr(lost_cache, "_reports", lost_cache._Reports())
