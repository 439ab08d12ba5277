"""commonweal import SOURCE FILE-OR-URL [--commit]"""

import getpass
import socket
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from commonweal.datasets.download import DownloadFailed, fetch
from commonweal.datasets.importing import ImportFailed, get_importer, importers, run_import
from commonweal.datasets.sources import SourceMissing


class Command(BaseCommand):
    help = "Import an official data file. A dry run unless --commit is given."

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", help="Which importer; leave out to list them.")
        parser.add_argument("file", nargs="?", help="A file path or an https:// address.")
        parser.add_argument("--commit", action="store_true", help="Save the changes.")
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")
        parser.add_argument(
            "--option",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="An importer option, e.g. --option authority=E08000033 (repeatable).",
        )

    def handle(
        self, *args, source=None, file=None, commit=False, quiet=False, option=(), **options
    ):
        if not source:
            for key, cls in importers().items():
                self.stdout.write(f"{key:32} {cls.title}")
            return
        if not file:
            raise CommandError("Give the file to import (a path or an https:// address).")
        importer_options = {}
        for pair in option or ():
            key, sep, value = pair.partition("=")
            if not sep or not key.strip():
                raise CommandError(f"--option {pair!r}: write it as KEY=VALUE.")
            importer_options[key.strip()] = value.strip()
        try:
            importer = get_importer(source)(**importer_options)
        except KeyError as exc:
            raise CommandError(exc.args[0]) from exc
        except (TypeError, ValueError) as exc:
            raise CommandError(f"{source}: {exc}") from exc
        source_url = ""
        if file.startswith(("http://", "https://")):
            source_url = file
            try:
                path = fetch(file, progress=not quiet)
            except DownloadFailed as exc:
                raise CommandError(str(exc)) from exc
        else:
            path = Path(file)
        bar = tqdm(desc=f"Reading {path.name}", unit=" rows", disable=quiet, leave=False)

        def progress(count: int) -> None:
            bar.update(count - bar.n)

        label = f"command line ({getpass.getuser()}@{socket.gethostname()})"
        try:
            report = run_import(
                importer,
                path,
                commit=commit,
                actor_label=label,
                source_url=source_url,
                progress=progress,
            )
        except ImportFailed as exc:
            bar.close()
            for problem in exc.report.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(f"{path.name}: {exc}") from exc
        except SourceMissing as exc:  # a file the importer needs (a schema, say) is missing
            bar.close()
            raise CommandError(str(exc)) from exc
        bar.close()
        for line in report.summary_lines():
            self.stdout.write(line)
