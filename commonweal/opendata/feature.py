"""What open data offers the platform: registered from OpendataConfig.ready()."""

from commonweal.core.registry import Feature, NavItem
from commonweal.opendata.demo import load_demo_open_data

FEATURE = Feature(
    key="opendata",
    title="Open data",
    navigation=[NavItem(label="Council spending", url_name="opendata:spending_index", order=80)],
    exports={
        "Council spending, every payment with its supplier's sector (CSV)": "opendata:spending_csv"
    },
    api_routers={"/opendata": "commonweal.opendata.api.router"},
    demo_loaders=[load_demo_open_data],
)
