"""What this feature offers the platform: registered from its AppConfig.ready()."""

from commonweal.core.registry import Feature

FEATURE = Feature(key="feedback", title="Feedback to service providers")
