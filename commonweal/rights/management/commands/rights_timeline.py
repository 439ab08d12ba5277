"""commonweal rights timeline --notice-received DATE [--request DATE,KIND[,STATE]] [--month-rule R]

Repeat --request for several requests; the month rule R is C or B."""

import json

from django.core.management.base import BaseCommand, CommandError

from commonweal.rights import timeline


class Command(BaseCommand):
    help = (
        "The right to bid's disposal timeline for an owner's notice, as JSON: the interim and "
        "full moratoria, the protected period and the window for a disposal to a buyer who is "
        "not a community interest group, under both month rules. The same answer as GET "
        "/api/v1/rights/timeline."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--notice-received",
            required=True,
            metavar="YYYY-MM-DD",
            help="The date the council received the owner's written notice.",
        )
        parser.add_argument(
            "--request",
            action="append",
            default=[],
            metavar=timeline.REQUEST_FORMAT,
            help="A request to be treated as a potential bidder: the date it was received, the "
            f"body's kind ({timeline.KINDS}) and whether the council received it (default "
            "received). Repeat for several.",
        )
        parser.add_argument(
            "--month-rule",
            choices=["C", "B"],
            default=None,
            help="Which month rule binds (default: the RIGHTS_MONTH_RULE setting). Both are "
            "always shown.",
        )

    def handle(self, *args, notice_received, request, month_rule, **options):
        try:
            result = timeline.calculate(notice_received, request, month_rule)
        except timeline.TimelineInputError as exc:
            flag = "--" + exc.field.split(".")[0].replace("_", "-")
            raise CommandError(f"{flag}: {exc.message}") from None
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
