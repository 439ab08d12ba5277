from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "commonweal.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from commonweal.core import registry

        registry.register(
            registry.Feature(
                key="core",
                title="Core",
                navigation=[
                    registry.NavItem(
                        "Audit trail", "core:audit", order=900, permission="core.view_audit"
                    )
                ],
            )
        )
