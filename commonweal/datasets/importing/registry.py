"""Which importers exist: each app registers its own from AppConfig.ready()."""

from commonweal.datasets.importing.base import Importer

_importers: dict[str, type[Importer]] = {}


def register_importer(cls: type[Importer]) -> type[Importer]:
    """Class decorator: make an importer available as `commonweal import <source>`."""
    existing = _importers.get(cls.source)
    if existing is not None and existing is not cls:
        raise ValueError(f"Two importers claim the source {cls.source!r}")
    _importers[cls.source] = cls
    return cls


def importers() -> dict[str, type[Importer]]:
    return dict(sorted(_importers.items()))


def get_importer(source: str) -> type[Importer]:
    try:
        return _importers[source]
    except KeyError:
        known = ", ".join(sorted(_importers)) or "none"
        raise KeyError(f"No importer called {source!r}. Known sources: {known}") from None
