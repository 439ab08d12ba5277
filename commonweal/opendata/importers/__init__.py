"""Importers for police street-level crime and council spending; importing this registers them."""

from commonweal.opendata.importers import (  # noqa: F401  (imported to register)
    api_json,
    street_csv,
)
from commonweal.opendata.spending import importers as spending  # noqa: F401
