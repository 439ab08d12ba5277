"""What the requests log offers the platform: registered from DataRequestsConfig.ready()."""

from commonweal.core.registry import Feature, NavItem
from commonweal.opendata.datarequests.demo import load_sample_requests
from commonweal.opendata.datarequests.personal_data import erase_person, personal_data

FEATURE = Feature(
    key="datarequests",
    title="Right to data requests",
    navigation=[NavItem(label="Data requests", url_name="datarequests:list", order=62)],
    exports={"Right to data requests log (CSV)": "datarequests:csv"},
    personal_data=[personal_data],
    erasers=[erase_person],
    api_routers={"/data-requests": "commonweal.opendata.datarequests.api.router"},
    demo_loaders=[load_sample_requests],
)
