from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "commonweal.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from commonweal.accounts import personal_data
        from commonweal.core import registry

        registry.register(
            registry.Feature(
                key="accounts",
                title="Accounts",
                navigation=[
                    registry.NavItem(
                        "People", "accounts:people", order=900, permission="accounts.manage_roles"
                    )
                ],
                personal_data=[personal_data.account_data],
                erasers=[personal_data.erase_account_data],
            )
        )
