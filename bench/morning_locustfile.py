"""One member of staff's morning, for locust; bench/morning.py runs it (read that first).

Each simulated person signs in through the real login form (CSRF token from the page),
then opens the home page and the board, reacts "I'll try this" to a colleague's post-it,
posts an idea, reads Thinking Thursday, opens the learning lunches and signs up to the
next one, with a pause between steps as a person reading takes; then they leave.

Set by bench/morning.py in the environment:
    MORNING_PLAN   path of a JSON file: {"ports": [...], "emails": [...], "password": ...,
                   "paths": {...}, "think": [min_s, max_s], "stats": path to write}
"""

import contextlib
import itertools
import json
import os
import random
import re
from collections import defaultdict

import gevent
from locust import HttpUser, events, task

with open(os.environ["MORNING_PLAN"]) as plan_file:
    PLAN = json.load(plan_file)
PATHS = PLAN["paths"]
_next_person = itertools.count()
_finished = 0
# Per page name: [hits, misses, responses with the header, responses].
FRAGMENTS: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
FRAGMENT_HEADER = "X-Staffroom-Fragments"
_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_WILL_TRY_FORM = re.compile(
    r'<form method="post" action="(/[^"]*/react/)"[^>]*>\s*<input type="hidden" '
    r'name="csrfmiddlewaretoken" value="[^"]+">\s*<input type="hidden" name="kind" '
    r'value="will_try"><input type="hidden" name="next" value="[^"]*">\s*<button'
)
_LUNCH_LINK = re.compile(r'<h2 class="h5 mb-1"><a href="(/[^"]+/)">')
_SIGN_UP_FORM = re.compile(r'action="(/[^"]*/sign-up/)"')


def _count_fragments(name: str, headers) -> None:
    """cache16's `X-Staffroom-Fragments: hits=H misses=M`; absent means "no data"."""
    counts = FRAGMENTS[name]
    counts[3] += 1
    value = headers.get(FRAGMENT_HEADER)
    if not value:
        return
    fields = dict(part.split("=", 1) for part in value.replace(",", " ").split() if "=" in part)
    counts[0] += int(fields.get("hits", 0))
    counts[1] += int(fields.get("misses", 0))
    counts[2] += 1


def _what_went_wrong(response, expected: str) -> str:
    if response.status_code == 0:  # no answer: the connection failed or timed out
        return f"no answer ({response.error!r}), expected {expected}"
    return f"{response.status_code}, expected {expected}"


@events.quitting.add_listener
def _write_fragment_stats(environment, **_kwargs) -> None:
    with open(PLAN["stats"], "w") as out:
        json.dump({name: counts for name, counts in FRAGMENTS.items()}, out)


class GaveUp(Exception):
    """This person's morning went wrong (already recorded as an error): they stop."""


class Colleague(HttpUser):
    """One person, one morning: the journey runs once, then the person stays idle (a
    stopped user would be replaced by locust with a new one, signing in again)."""

    # Each person's pause is drawn in the journey (think()); locust's own is not used.
    wait_time = staticmethod(lambda: 0)

    def on_start(self) -> None:
        number = next(_next_person)
        self.email = PLAN["emails"][number % len(PLAN["emails"])]
        # Half of the people reach one server, half the other (as behind a load balancer).
        port = PLAN["ports"][number % len(PLAN["ports"])]
        self.client.base_url = f"http://127.0.0.1:{port}"
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}

    # The servers run with production settings behind a pretend TLS proxy
    # (X-Forwarded-Proto: https), so their cookies are Secure; requests would not send
    # those over http, so this keeps them itself and sends them as a header.
    def _headers(self, extra: dict | None = None) -> dict:
        headers = {
            "X-Forwarded-Proto": "https",
            # A fresh connection per request: with a kept-alive one, gunicorn closing it
            # after its 2 s keep-alive races the next request after a pause, and requests
            # does not retry it the way a browser does (a "connection reset" error that
            # is the benchmark's, not the application's).
            "Connection": "close",
            "Cookie": "; ".join(f"{key}={value}" for key, value in self.cookies.items()),
        }
        return {**headers, **(extra or {})}

    def _remember_cookies(self, response) -> None:
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value

    def think(self) -> None:
        gevent.sleep(random.uniform(*PLAN["think"]))

    def get(self, path: str, name: str) -> str:
        with self.client.get(
            path, name=name, headers=self._headers(), allow_redirects=False, catch_response=True
        ) as response:
            self._remember_cookies(response)
            _count_fragments(name, response.headers)
            if response.status_code != 200:
                response.failure(_what_went_wrong(response, "200"))
                raise GaveUp
            return response.text

    def post(self, path: str, form: dict, page: str, name: str) -> str:
        token = _CSRF_FIELD.search(page)
        if token is None:
            self._give_up(name, "no CSRF token on the page before")
        headers = self._headers({"Origin": self.origin, "Referer": self.origin + "/"})
        with self.client.post(
            path,
            data={"csrfmiddlewaretoken": token.group(1), **form},
            name=name,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            self._remember_cookies(response)
            if response.status_code != 302:
                response.failure(_what_went_wrong(response, "a 302 redirect"))
                raise GaveUp
            return response.headers.get("Location", "")

    def _give_up(self, name: str, why: str) -> None:
        events.request.fire(
            request_type="CHECK",
            name=name,
            response_time=0,
            response_length=0,
            exception=RuntimeError(why),
            context={},
        )
        raise GaveUp

    @task
    def morning(self) -> None:
        with contextlib.suppress(GaveUp):  # already recorded as an error
            self._journey()
        global _finished
        _finished += 1
        if _finished == PLAN["people"]:  # the last person is done: the run ends
            gevent.spawn_later(1, self.environment.runner.quit)
        while True:
            gevent.sleep(3600)

    def _journey(self) -> None:
        login_page = self.get(PATHS["login"], "sign in (form)")
        where = self.post(
            PATHS["login"],
            {"username": self.email, "password": PLAN["password"], "next": PATHS["home"]},
            login_page,
            "sign in",
        )
        if "/login" in where:
            self._give_up("sign in", f"sent back to {where}")
        self.think()
        self.get(PATHS["home"], "home")
        self.think()
        board = self.get(PATHS["board"], "board")
        self.think()
        react = _WILL_TRY_FORM.search(board)
        if react is None:
            self._give_up("react", "no post-it to react to on the board")
        self.post(react.group(1), {"kind": "will_try", "next": PATHS["board"]}, board, "react")
        self.think()
        self.post(
            PATHS["post_idea"],
            {
                "title": f"Morning tip from {self.email.split('@')[0]}",
                "note": "Cold-call with a lolly stick, then give ten seconds' thinking time.",
                "tags": "questioning",
                "colour": random.choice(PLAN["colours"]),
            },
            board,
            "post an idea",
        )
        self.think()
        self.get(PATHS["thursday"], "thursday")
        self.think()
        lunches = self.get(PATHS["lunches"], "lunches")
        link = _LUNCH_LINK.search(lunches)
        if link is None:
            self._give_up("lunch", "no learning lunch coming up")
        lunch = self.get(link.group(1), "lunch")
        sign_up = _SIGN_UP_FORM.search(lunch)
        if sign_up is None:
            self._give_up("sign up to a lunch", "no sign-up form on the lunch page")
        self.think()
        self.post(
            sign_up.group(1),
            {"plate": "Flapjacks", "plate_kind": "sweet", "allergens": ""},
            lunch,
            "sign up to a lunch",
        )
