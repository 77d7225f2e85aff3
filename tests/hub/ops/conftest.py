import os

import pytest

from hub.ops import lost_cache


@pytest.fixture(autouse=True)
def _no_cache_report_yet(monkeypatch):
    """Each test starts as a fresh process would: no lost cache reported yet."""
    monkeypatch.setattr(lost_cache, "_reports", lost_cache._Reports())


def pytest_ignore_collect(collection_path, config):
    """The real-standby tests run where a standby is configured, and wherever it is
    required (CI's `make test-replica`), where a missing one fails them."""
    if collection_path.name == "test_db_router_replica.py":
        wanted = os.environ.get("DATABASE_REPLICA_URL") or os.environ.get(
            "STAFFROOM_REQUIRE_REPLICA"
        )
        return None if wanted else True
    return None
