"""What this feature offers the platform: registered from its AppConfig.ready()."""

from commonweal.core.registry import Feature

FEATURE = Feature(key="datarequests", title="Right to data requests")
