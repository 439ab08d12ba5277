"""What public contracts offer the platform: registered from ContractsConfig.ready()."""

from commonweal.core.registry import Feature, NavItem
from commonweal.opendata.contracts.demo import load_sample_contracts

FEATURE = Feature(
    key="contracts",
    title="Public contracts",
    navigation=[NavItem(label="Contracts", url_name="contracts:list", order=60)],
    exports={
        "Contracts for public services (CSV)": "contracts:csv",
        "Contracts for public services (OCDS 1.1 release package, JSON)": "contracts:releases",
        "Contracts for public services (OCDS 1.1 record package, JSON)": "contracts:records",
    },
    api_routers={"/contracts": "commonweal.opendata.contracts.api.router"},
    demo_loaders=[load_sample_contracts],
)
