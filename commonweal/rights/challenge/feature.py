"""What this feature offers the platform: registered from its AppConfig.ready()."""

from commonweal.core.registry import Feature, NavItem
from commonweal.rights.challenge.demo import load_sample_service
from commonweal.rights.challenge.personal_data import erase_person, personal_data

FEATURE = Feature(
    key="challenge",
    title="Community right to challenge",
    navigation=[
        NavItem(
            label="Challenge deadlines",
            url_name="challenge:dashboard",
            order=46,
            permission="challenge.view_dashboard",
        ),
    ],
    exports={"Right to challenge decisions (CSV)": "challenge:decisions_csv"},
    api_routers={"/rights/challenge": "commonweal.rights.challenge.api.router"},
    personal_data=[personal_data],
    erasers=[erase_person],
    demo_loaders=[load_sample_service],
)
