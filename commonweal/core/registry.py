"""The feature registry: what each app offers the platform.

Each app registers a Feature from its AppConfig.ready(), so that navigation,
exports, indicators, demo loaders and personal-data exporters are assembled
from the installed features rather than hard-wired.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class DemoNote(str):
    """A line a demo loader prints that says why it did nothing (shared data missing, say):
    unlike its other lines, it does not mean that the loader changed anything."""


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int = 100
    # A permission name (django-rules); the item shows only to users who hold it.
    permission: str | None = None


@dataclass(frozen=True)
class Feature:
    key: str
    title: str
    navigation: list[NavItem] = field(default_factory=list)
    # Callables taking a user and returning JSON-serialisable data held about them.
    personal_data: list[Callable[[Any], dict]] = field(default_factory=list)
    # Callables taking a user and pseudonymising what the feature holds about them.
    erasers: list[Callable[[Any], None]] = field(default_factory=list)
    # Named data exports offered on the open-data page: {label: url_name}.
    exports: dict[str, str] = field(default_factory=dict)
    # API routers mounted under /api/v1/: {prefix: "dotted.path.to.router"}.
    api_routers: dict[str, str] = field(default_factory=dict)
    # Callables taking (authority, demo officer, demo password) after `commonweal demo load`
    # has loaded a borough, making the feature's demo records; each returns lines to print
    # (none when it had nothing to do, or only DemoNote lines saying why).
    demo_loaders: list[Callable[[Any, Any, str], list[str]]] = field(default_factory=list)


_features: dict[str, Feature] = {}


def register(feature: Feature) -> None:
    if feature.key in _features and _features[feature.key] != feature:
        raise ValueError(f"A feature called {feature.key!r} is already registered")
    _features[feature.key] = feature


def features() -> list[Feature]:
    return list(_features.values())


def demo_loaders() -> list[Callable[[Any, Any, str], list[str]]]:
    return [loader for feature in _features.values() for loader in feature.demo_loaders]


def navigation() -> list[NavItem]:
    items = [item for feature in _features.values() for item in feature.navigation]
    return sorted(items, key=lambda item: (item.order, item.label))
