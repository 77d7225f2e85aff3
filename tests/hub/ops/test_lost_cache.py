"""A server without its cache logs that once per interval, not once per cache call
(issue 14, item 13: 7 MB of tracebacks in 60 s)."""

import logging

from django.urls import reverse

from hub.ops import lost_cache
from tests.hub.test_fragments import HOME, BrokenCache, save_profile


def _reports(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "hub.ops.cache"]


def test_a_lost_cache_is_logged_once_per_interval_with_its_traceback(
    client_for, staff, monkeypatch, caplog
):
    clock = [1000.0]
    monkeypatch.setattr(lost_cache.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr("hub.fragments.cache", BrokenCache())
    client = client_for(staff)
    for number in range(20):
        assert client.get(HOME).status_code == 200
        assert client.get(reverse("ideas:board")).status_code == 200
        assert save_profile(client, f"Alice {number}").status_code == 302
    (first,) = _reports(caplog)
    assert first.levelno == logging.WARNING
    assert first.exc_info and "the cache server is down" in str(first.exc_info[1])
    assert "1 cache call(s) failed" in first.getMessage()
    # Every other failure of the interval is counted, and told in the next report.
    clock[0] += lost_cache.LOG_INTERVAL_SECONDS
    assert client.get(HOME).status_code == 200
    first_again, second = _reports(caplog)
    assert first_again is first
    failed = int(second.getMessage().split(": ")[1].split(" ")[0])
    # Each home page reads the celebrations panel, each board its wall and its tags.
    assert failed > 40
    # No other logger wrote a traceback per call instead.
    assert len([record for record in caplog.records if record.exc_info]) == 2


def test_a_cache_that_comes_back_is_quiet(client_for, staff, caplog):
    client = client_for(staff)
    for _ in range(3):
        assert client.get(HOME).status_code == 200
    assert not _reports(caplog)
