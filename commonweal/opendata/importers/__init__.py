"""Importers for police street-level crime; importing this registers them."""

from commonweal.opendata.importers import (  # noqa: F401  (imported to register)
    api_json,
    street_csv,
)
