from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "commonweal.opendata.feedback"
    label = "feedback"
    verbose_name = "Feedback to service providers"

    def ready(self) -> None:
        from commonweal.core import registry
        from commonweal.opendata.feedback.feature import FEATURE

        registry.register(FEATURE)
