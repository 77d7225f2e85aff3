"""Say that the cache cannot be reached once per interval, not once per cache call.

Without Redis a server still serves every page (fragments are rendered), but a
traceback for each cache call wrote 7 MB of log a minute and buried everything else.
"""

import logging
import threading
import time

log = logging.getLogger("hub.ops.cache")

LOG_INTERVAL_SECONDS = 60


class _Reports:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.last_logged: float | None = None
        self.failed = 0

    def due(self, now: float) -> int:
        """Count a failure; the number failed since the last report if one is due, else 0."""
        with self.lock:
            self.failed += 1
            if self.last_logged is not None and now - self.last_logged < LOG_INTERVAL_SECONDS:
                return 0
            failed, self.failed, self.last_logged = self.failed, 0, now
            return failed


_reports = _Reports()


def report_lost_cache(what: str) -> None:
    """Call from the `except` block around a cache call that failed."""
    failed = _reports.due(time.monotonic())
    if failed:
        log.warning(
            "The cache cannot be reached (%s): %d cache call(s) failed in this process "
            "since the last report; pages are served without it. Next report in %d s "
            "at the earliest.",
            what,
            failed,
            LOG_INTERVAL_SECONDS,
            exc_info=True,
        )
