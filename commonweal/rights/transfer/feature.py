"""What this feature offers the platform: registered from its AppConfig.ready()."""

from commonweal.core.registry import Feature, NavItem
from commonweal.rights.transfer.demo import load_sample_offer
from commonweal.rights.transfer.personal_data import erase_person, personal_data

FEATURE = Feature(
    key="assettransfer",
    title="Community asset transfer",
    navigation=[
        NavItem(
            label="Asset transfers",
            url_name="assettransfer:dashboard",
            order=47,
            permission="assettransfer.view_dashboard",
        ),
    ],
    exports={
        "Community asset transfers: assets offered and decisions (CSV)": "assettransfer:offers_csv"
    },
    api_routers={"/rights/asset-transfer": "commonweal.rights.transfer.api.router"},
    personal_data=[personal_data],
    erasers=[erase_person],
    demo_loaders=[load_sample_offer],
)
