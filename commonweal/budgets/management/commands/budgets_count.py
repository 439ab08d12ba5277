"""commonweal budgets count FILE.pb --rule PRESET [--explain]"""

import json

from django.core.management.base import BaseCommand, CommandError

from commonweal.budgets.counting import (
    PRESETS,
    NotApplicable,
    PabulibError,
    UnknownPreset,
    WelfareTooHard,
    count,
    read,
)


class Command(BaseCommand):
    help = (
        "Count a participatory budgeting election from a Pabulib .pb file and print the "
        "selected projects, their total cost and the rule's full configuration as JSON. "
        "Rules: " + ", ".join([*PRESETS, "official"]) + "."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The Pabulib .pb file.")
        parser.add_argument(
            "--rule",
            required=True,
            help="A named rule (preset), or `official` for the rule recorded in the file.",
        )
        parser.add_argument(
            "--explain", action="store_true", help="Say for each project why it was funded or not."
        )

    def handle(self, *args, file, rule, explain, **options):
        try:
            election = read(file)
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file") from None
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file}: not UTF-8 text ({exc.reason})") from None
        except PabulibError as exc:
            raise CommandError(f"{file}: {exc}") from None
        try:
            result = count(election, rule, explain=explain)
        except (UnknownPreset, NotApplicable, WelfareTooHard) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
