from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "commonweal.rights"
    label = "rights"
    verbose_name = "Community rights"

    def ready(self) -> None:
        from commonweal.core import registry
        from commonweal.rights.feature import FEATURE
        from commonweal.rights.timeline import configured_rule_book

        configured_rule_book()  # fails loudly on a bad RIGHTS_* setting
        registry.register(FEATURE)
