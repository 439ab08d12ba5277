"""What the directory offers the platform: registered from DirectoryConfig.ready()."""

from commonweal.core.registry import Feature, NavItem
from commonweal.directory.demo import load_sample_groups
from commonweal.directory.personal_data import erase_person, personal_data

FEATURE = Feature(
    key="directory",
    title="Directory",
    navigation=[
        NavItem(label="Groups", url_name="directory:home", order=30),
        NavItem(
            label="Verify groups",
            url_name="directory:verification_queue",
            order=35,
            permission="directory.view_verification_queue",
        ),
    ],
    exports={
        "Groups in the directory (CSV)": "directory:export_csv",
        "Groups and their activities (Open Referral UK 3.0, JSON)": "directory:oruk_export",
        "Coverage of community-led groups by small area (CSV)": "directory:coverage_csv",
    },
    personal_data=[personal_data],
    erasers=[erase_person],
    api_routers={"/directory": "commonweal.directory.api.router"},
    demo_loaders=[load_sample_groups],
)
