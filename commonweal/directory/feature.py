"""What the directory offers the platform: registered from DirectoryConfig.ready()."""

from commonweal.core.registry import Feature, NavItem
from commonweal.directory.demo import load_sample_groups
from commonweal.directory.personal_data import erase_person, personal_data

FEATURE = Feature(
    key="directory",
    title="Directory",
    navigation=[
        NavItem(label="Groups", url_name="directory:home", order=30),
    ],
    personal_data=[personal_data],
    erasers=[erase_person],
    api_routers={"/directory": "commonweal.directory.api.router"},
    demo_loaders=[load_sample_groups],
)
