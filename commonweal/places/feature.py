"""What places offers the platform: registered from PlacesConfig.ready()."""

from commonweal.core.registry import Feature, NavItem

FEATURE = Feature(
    key="places",
    title="Places",
    navigation=[
        NavItem(label="Find your neighbourhood", url_name="core:home", order=10),
        NavItem(label="Boroughs", url_name="places:boroughs", order=20),
    ],
    # The places API (areas, postcodes, neighbourhoods), mounted under /api/v1/.
    api_routers={"/": "commonweal.places.api.router"},
)
