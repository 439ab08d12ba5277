"""What community rights offer the platform: registered from RightsConfig.ready()."""

from commonweal.core.registry import Feature

FEATURE = Feature(
    key="rights",
    title="Community rights",
    api_routers={"/rights": "commonweal.rights.api.router"},
)
