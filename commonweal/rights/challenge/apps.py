from django.apps import AppConfig


class ChallengeConfig(AppConfig):
    name = "commonweal.rights.challenge"
    label = "challenge"
    verbose_name = "Community right to challenge"

    def ready(self) -> None:
        from commonweal.core import registry
        from commonweal.rights.challenge.feature import FEATURE

        registry.register(FEATURE)
