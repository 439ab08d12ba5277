"""commonweal accounts create EMAIL [--password ...] [--role ROLE --authority GSS]"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from commonweal.accounts import services
from commonweal.accounts.management.commands import _helpers


class Command(BaseCommand):
    help = (
        "Make an account, optionally with a role. Without --password the person "
        "sets one through 'Forgotten your password?'."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--password", help="the account's password (omit to send a reset)")
        parser.add_argument("--name", default="", help="the person's display name")
        parser.add_argument("--role", help="a role to give, e.g. officer")
        parser.add_argument("--authority", help="ONS GSS code of the local authority")

    def handle(self, *args, email, password=None, name="", role=None, authority=None, **opts):
        if authority and not role:
            raise CommandError("--authority needs --role as well.")
        role = _helpers.role_from(role) if role else None
        authority = _helpers.authority_from(authority)
        operator = services.Operator()
        try:
            with transaction.atomic():
                user = services.create_account(
                    actor=operator, email=email, password=password, display_name=name
                )
                assignment = None
                if role:
                    assignment = services.grant_role(
                        actor=operator, user=user, role=role, authority=authority
                    )
        except ValidationError as exc:
            raise _helpers.explain(exc) from exc
        held = f" as {assignment}" if assignment else ""
        self.stdout.write(self.style.SUCCESS(f"Created account {user.email}{held} (id {user.pk})."))
        if not password:
            self.stdout.write(
                "It has no password yet: the person can set one with 'Forgotten your password?'."
            )
