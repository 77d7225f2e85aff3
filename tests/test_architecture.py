"""The layout keeps its rules (DESIGN.md, STYLE.md): dependencies point one way
(ideas and events use hub; hub uses neither; ideas and events never import each
other), a feature uses another only through that feature's `public` module,
hub's top level holds only the core, and no module grows past ~500 lines."""

import ast
from pathlib import Path

from hub import registry

ROOT = Path(__file__).resolve().parent.parent
APPS = ("hub", "ideas", "events")
FORBIDDEN = {"hub": {"ideas", "events"}, "ideas": {"events"}, "events": {"ideas"}}
FEATURES = {
    "ideas": ("board", "thursday", "scrapbook", "network"),
    "events": ("lunches", "twilights"),
}
# hub's top level: the core every feature needs. Everything else lives in
# hub/people/, hub/leaders/, hub/learning/, hub/display/, hub/ops/ or hub/lib/.
HUB_CORE = {
    "__init__.py",
    "access.py",
    "admin.py",
    "apps.py",
    "content.py",
    "context_processors.py",
    "decorators.py",
    "emails.py",
    "follow_ups.py",
    "fragments.py",
    "middleware.py",
    "moderation.py",
    "notifications.py",
    "registry.py",
    "settings.py",
    "tasks.py",
    "test_settings.py",
    "unsubscribe.py",  # one-click unsubscribe from bulk emails (RFC 8058)
    "urls.py",
    "wsgi.py",
}
HUB_PACKAGES = {
    "directory",
    "display",
    "leaders",
    "learning",
    "lib",
    "management",
    "migrations",
    "models",
    "networks",
    "ops",
    "people",
    "placements",
    "templatetags",
    "views",
}
MAX_LINES = 500


def source_files(app: str):
    return [path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_apps_import_only_what_they_may():
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            {name.split(".")[0] for name in imported_modules(path)} & FORBIDDEN[app]
        )
        for app in APPS
        for path in source_files(app)
    }
    assert not {path: apps for path, apps in offenders.items() if apps}


def test_a_feature_uses_another_only_through_its_public_module():
    offenders = {}
    for app, features in FEATURES.items():
        for feature in features:
            for path in (ROOT / app / feature).rglob("*.py"):
                others = {
                    name
                    for name in imported_modules(path)
                    for other in features
                    if other != feature
                    and name.startswith(f"{app}.{other}")
                    and name not in (f"{app}.{other}", f"{app}.{other}.public")
                    and not name.startswith(f"{app}.{other}.public.")
                }
                if others:
                    offenders[str(path.relative_to(ROOT))] = sorted(others)
    assert not offenders


def test_hubs_top_level_holds_only_the_core():
    top = {path.name for path in (ROOT / "hub").iterdir() if path.name != "__pycache__"}
    assert {name for name in top if name.endswith(".py")} == HUB_CORE
    assert {name for name in top if (ROOT / "hub" / name).is_dir()} == HUB_PACKAGES


def test_no_module_is_over_500_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for app in (*APPS, "tests")
        for path in source_files(app)
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not long


def test_every_page_part_a_feature_registers_has_its_place_in_the_layout():
    """hub/registry.py lists, in order, what the home page, the digest and a profile
    show; only the test app's parts may be missing from those lists."""
    for parts, layout in (
        (registry.home_panels(), registry.HOME_PANELS),
        (registry.digest_sections(), registry.DIGEST_SECTIONS),
        (registry.profile_sections(), registry.PROFILE_SECTIONS),
        (registry.display_sections(), registry.DISPLAY_SECTIONS),
    ):
        registered = {part.name: part.get_context.__module__ for part in parts}
        assert set(layout) <= set(registered)
        unplaced = {name: module for name, module in registered.items() if name not in layout}
        assert all(module.startswith("tests.") for module in unplaced.values()), unplaced
        assert [part.name for part in parts][: len(layout)] == list(layout)
