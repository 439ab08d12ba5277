"""What open data offers the platform: registered from OpendataConfig.ready()."""

from commonweal.core.registry import Feature

FEATURE = Feature(
    key="opendata",
    title="Open data",
    api_routers={"/opendata": "commonweal.opendata.api.router"},
)
