"""The suite's mail backend: Django's in-memory outbox, except that a web request
sending mail itself fails the test.

Every email must leave through the task queue (hub.tasks.send_email): sent from a
request, a slow mail server slows that request, which tells an attacker which
addresses have accounts and ties up web workers. Tests run tasks at once (the
immediate backend), so mail sent *by a task* during a request is allowed; mail
sent by the request's own code is not. tests/conftest.py makes this the
backend of every test, and fails any test that broke the rule,
even when the view swallowed the error.
"""

import threading

from django.core.mail.backends.locmem import EmailBackend as MemoryBackend
from django.core.signals import request_finished, request_started

from hub.tasks import running_task_id

_local = threading.local()
violations: list[str] = []


def _request_started(**kwargs) -> None:
    _local.requests = getattr(_local, "requests", 0) + 1


def _request_finished(**kwargs) -> None:
    _local.requests = max(0, getattr(_local, "requests", 0) - 1)


request_started.connect(_request_started, dispatch_uid="tests_mail_request_started")
request_finished.connect(_request_finished, dispatch_uid="tests_mail_request_finished")


def in_request() -> bool:
    return getattr(_local, "requests", 0) > 0


def reset() -> None:
    _local.requests = 0
    violations.clear()


class RequestAwareBackend(MemoryBackend):
    def send_messages(self, messages):
        if in_request() and running_task_id() is None:
            subjects = ", ".join(repr(message.subject) for message in messages)
            violations.append(subjects)
            raise AssertionError(
                f"A web request sent mail itself ({subjects}): queue it with "
                "hub.emails.queue_email so the task worker sends it."
            )
        return super().send_messages(messages)
