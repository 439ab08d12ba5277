"""`commonweal planning lapse-forums`: mark forums whose designation has ended as expired.

Run it daily (a forum's designation lasts five years beginning with the day it was made, a
reading that awaits legal confirmation). Pages already treat a designation past its last day
as ended; this records the change, attributed to the system, with an audit event.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from commonweal.rights.planning.services import lapse_expired_forums


class Command(BaseCommand):
    help = "Mark neighbourhood forums whose five-year designation has ended as expired."

    def add_arguments(self, parser):
        parser.add_argument("--on", help="The date to lapse as of (YYYY-MM-DD); default today.")

    def handle(self, *args, on=None, **options):
        try:
            day = dt.date.fromisoformat(on) if on else None
        except ValueError:
            raise CommandError(f"--on {on!r} is not a date like 2024-03-15.") from None
        lapsed = lapse_expired_forums(actor=None, on=day)
        for forum in lapsed:
            self.stdout.write(f"{forum.name}: designation ended with {forum.expires_on}")
        self.stdout.write(f"{len(lapsed)} forum designation(s) lapsed.")
