"""Where `ideas` and `events` tell `hub` about themselves, from AppConfig.ready().

`hub` lists every kind of contribution (moderation queue, dashboard, digest),
every panel of the home page and every part of the demo school from here, so it
never imports the feature apps.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ContributionKind:
    model: type
    label: str
    label_plural: str


@dataclass(frozen=True, order=True)
class HomePanel:
    order: int
    template_name: str = field(compare=False)
    # Called with the signed-in staff member; returns the panel's context.
    get_context: Callable[[Any], dict] = field(compare=False)


@dataclass(frozen=True, order=True)
class DemoSeeder:
    order: int
    name: str
    # Called with (school, staff list, rng); must be idempotent.
    seed: Callable[..., None] = field(compare=False)


@dataclass(frozen=True, order=True)
class PeriodicJob:
    name: str
    # Called with the current aware datetime; must be idempotent, because it runs
    # every minute or so and after restarts. Queue slow work as tasks.
    run: Callable[[Any], None] = field(compare=False)


_contribution_kinds: dict[str, ContributionKind] = {}
_home_panels: list[HomePanel] = []
_demo_seeders: list[DemoSeeder] = []
_periodic_jobs: dict[str, PeriodicJob] = {}


def register_contribution(model: type, *, label: str, label_plural: str) -> None:
    key = model._meta.label_lower
    _contribution_kinds[key] = ContributionKind(model, label, label_plural)


def contribution_kinds() -> list[ContributionKind]:
    return list(_contribution_kinds.values())


def register_home_panel(*, order: int, template_name: str, get_context: Callable) -> None:
    if any(panel.template_name == template_name for panel in _home_panels):
        return
    _home_panels.append(HomePanel(order, template_name, get_context))


def home_panels() -> list[HomePanel]:
    return sorted(_home_panels)


def register_demo_seeder(*, order: int, name: str, seed: Callable) -> None:
    if any(seeder.name == name for seeder in _demo_seeders):
        return
    _demo_seeders.append(DemoSeeder(order, name, seed))


def demo_seeders() -> list[DemoSeeder]:
    return sorted(_demo_seeders)


def register_periodic_job(*, name: str, run: Callable) -> None:
    _periodic_jobs[name] = PeriodicJob(name, run)


def periodic_jobs() -> list[PeriodicJob]:
    return sorted(_periodic_jobs.values())
