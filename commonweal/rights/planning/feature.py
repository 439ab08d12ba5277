"""What this feature offers the platform: registered from its AppConfig.ready()."""

from commonweal.core.registry import Feature, NavItem
from commonweal.rights.planning.demo import load_sample_planning
from commonweal.rights.planning.personal_data import personal_data

FEATURE = Feature(
    key="neighbourhoodplanning",
    title="Neighbourhood planning",
    navigation=[
        NavItem(label="Neighbourhood plans", url_name="neighbourhoodplanning:index", order=55),
        NavItem(
            label="Planning deadlines",
            url_name="neighbourhoodplanning:dashboard",
            order=56,
            permission="neighbourhoodplanning.view_dashboard",
        ),
    ],
    exports={
        "Designated neighbourhood areas (CSV)": "neighbourhoodplanning:areas_csv",
        "Designated neighbourhood areas (GeoJSON)": "neighbourhoodplanning:areas_geojson",
        "Neighbourhood forums (CSV)": "neighbourhoodplanning:forums_csv",
        "Neighbourhood forums (GeoJSON)": "neighbourhoodplanning:forums_geojson",
    },
    personal_data=[personal_data],
    api_routers={"/rights/neighbourhood-planning": "commonweal.rights.planning.api.router"},
    demo_loaders=[load_sample_planning],
)
