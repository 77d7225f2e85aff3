"""Every notice leads somewhere: no `notify` call site can make one without a working link.

`notify()` derives the link from the object the notice is about and refuses (NoLink) an
object it cannot link to. This test reads every call site in the project's code, so a new
one that passes no object (or a typed path) fails here before anyone gets a dead notice.
"""

import ast
from pathlib import Path

import pytest

from hub.models import NoticeKind

ROOT = Path(__file__).resolve().parents[2]
APPS = ("hub", "ideas", "events")


def _notify_calls():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                if getattr(node.func, "id", None) in ("notify", "notify_many"):
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node


CALLS = list(_notify_calls())


def test_the_sweep_finds_the_call_sites():
    # The figure in the closing note.
    print(f"notify call sites: {len(CALLS)}")
    assert len(CALLS) >= 15


@pytest.mark.parametrize("call", [node for _, node in CALLS], ids=[where for where, _ in CALLS])
def test_each_call_names_its_kind_and_the_object_it_is_about(call):
    keywords = {keyword.arg: keyword.value for keyword in call.keywords}
    assert None not in keywords, "no **kwargs: the call must show what it passes"
    # notify_many's targets are in its (recipient, target, message) notices.
    assert "target" in keywords or "notices" in keywords, "a notice needs its object"
    assert "url" not in keywords, "a notice's link is derived from its object, never typed"
    kind = keywords.get("kind")
    # One kind, or one of two (`NoticeKind.TRIED if tried else NoticeKind.WILL_TRY`).
    kinds = [kind.body, kind.orelse] if isinstance(kind, ast.IfExp) else [kind]
    for one in kinds:
        assert isinstance(one, ast.Attribute) and isinstance(one.value, ast.Name)
        assert one.value.id == "NoticeKind" and one.attr in NoticeKind.names
    view = keywords.get("target_view")
    if view is not None:
        from django.urls import NoReverseMatch, reverse

        assert isinstance(view, ast.Constant), "a target view is a URL name, not computed"
        try:
            reverse(view.value, args=[1])
        except NoReverseMatch:
            pytest.fail(f"{view.value} does not take the target's pk")
