"""commonweal accounts grant EMAIL ROLE [--authority GSS]"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from commonweal.accounts import services
from commonweal.accounts.management.commands import _helpers


class Command(BaseCommand):
    help = "Give a person a role, for example: commonweal accounts grant a@b.org officer"

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("role", help="officer, organiser, assessor, administrator, ...")
        parser.add_argument("--authority", help="ONS GSS code of the local authority")
        parser.add_argument("--scope-type", default="", help="group leaders: the kind of group")
        parser.add_argument("--scope-id", default="", help="group leaders: which group")

    def handle(self, *args, email, role, authority=None, scope_type="", scope_id="", **options):
        user = _helpers.user_from(email)
        try:
            assignment = services.grant_role(
                actor=services.Operator(),
                user=user,
                role=_helpers.role_from(role),
                authority=_helpers.authority_from(authority),
                scope_type=scope_type,
                scope_id=scope_id,
            )
        except ValidationError as exc:
            raise _helpers.explain(exc) from exc
        self.stdout.write(self.style.SUCCESS(f"{user.email} is now: {assignment}"))
