"""One importer per official source of places data; importing this registers them."""

from commonweal.places.importers import (  # noqa: F401  (imported to register)
    boundaries,
    deprivation,
    lookups,
    population,
    postcodes,
)
