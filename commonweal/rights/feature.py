"""What community rights offer the platform: registered from RightsConfig.ready()."""

from commonweal.core.registry import Feature, NavItem
from commonweal.rights.demo import load_sample_listing
from commonweal.rights.personal_data import erase_person, personal_data

FEATURE = Feature(
    key="rights",
    title="Community rights",
    navigation=[
        NavItem(label="Community assets", url_name="rights:register", order=50),
        NavItem(
            label="Rights casework",
            url_name="rights:dashboard",
            order=55,
            permission="rights.view_dashboard",
        ),
    ],
    exports={
        "Assets of community value and unsuccessful nominations (CSV)": "rights:register_csv",
        "Assets of community value and unsuccessful nominations (GeoJSON)": (
            "rights:register_geojson"
        ),
    },
    personal_data=[personal_data],
    erasers=[erase_person],
    api_routers={"/rights": "commonweal.rights.api.router"},
    demo_loaders=[load_sample_listing],
)
