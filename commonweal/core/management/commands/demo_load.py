"""commonweal demo load [--borough calderdale] [--offline] [--refresh] [--data-dir PATH]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from commonweal.core import demo
from commonweal.datasets.importing import ImportFailed
from commonweal.datasets.sources import Finder, SourceMissing


class Command(BaseCommand):
    help = (
        "Load a demo borough from real open data and make a demo officer and administrator. "
        "Safe to run again: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--borough", default="calderdale", help="Which borough to load.")
        parser.add_argument(
            "--data-dir", type=Path, help="A folder of the open data to use before any other."
        )
        parser.add_argument(
            "--offline", action="store_true", help="Never download; use local files only."
        )
        parser.add_argument(
            "--refresh", action="store_true", help="Download again even if a file is cached."
        )
        parser.add_argument(
            "--source-base-url",
            default=None,
            help="Download from this mirror (laid out like the shared data) instead of the "
            "official publishers.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and check everything; save nothing."
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bars.")

    def handle(
        self, *args, borough, data_dir, offline, refresh, source_base_url, dry_run, quiet, **options
    ):
        if data_dir is not None and not data_dir.is_dir():
            raise CommandError(f"--data-dir {data_dir} is not a folder.")
        finder_options = {
            "allow_download": not offline,
            "refresh": refresh,
            "progress": not quiet,
        }
        if source_base_url is not None:
            finder_options["mirror_base_url"] = source_base_url
        finder = Finder.from_settings(data_dir=data_dir, **finder_options)
        try:
            bundle = demo.bundle(borough)
            found = demo.find_files(bundle, finder)
        except (demo.DemoError, SourceMissing) as exc:
            raise CommandError(str(exc)) from exc

        steps = list(bundle.steps)
        reports = self._load(bundle, found, commit=not dry_run, quiet=quiet)
        changed = False
        for number, (step, item, report) in enumerate(zip(steps, found, reports, strict=True), 1):
            lines = demo.report_lines(step, item, report)
            changed = changed or report.created or report.updated
            self.stdout.write(f"{number}. {lines[0]}")
            for line in lines[1:]:
                self.stdout.write(line)
        if dry_run:
            self.stdout.write("Dry run: nothing was saved and no demo accounts were made.")
            return

        try:
            authority = demo.find_authority(bundle)
        except demo.DemoError as exc:
            raise CommandError(str(exc)) from exc
        people, password = demo.ensure_people(borough, authority)
        for person in people:
            if person.created:
                self.stdout.write(f"Made the demo account {person.email} ({person.role_label}).")
            elif person.granted:
                self.stdout.write(f"Gave {person.email} the role {person.role_label}.")
        from commonweal.accounts.models import User
        from commonweal.core import registry

        officer_user = User.objects.get(email__iexact=people[0].email)
        for loader in registry.demo_loaders():
            lines = loader(authority, officer_user, password)
            changed = changed or any(not isinstance(line, registry.DemoNote) for line in lines)
            for line in lines:
                self.stdout.write(line)
        if not changed and not any(person.changed for person in people):
            self.stdout.write(f"Nothing changed: {authority.name} was already loaded.")
        else:
            self.stdout.write(self.style.SUCCESS(f"{authority.name} is loaded."))
        officer, admin = people
        self.stdout.write(
            f"Sign in at {demo.SIGN_IN_URL} as {officer.email} with password {password}"
        )
        self.stdout.write(
            f"The demo administrator is {admin.email}, with the same password "
            f"(kept in {demo.password_file()})."
        )
        for person in people:
            if person.own_password:
                self.stdout.write(
                    f"{person.email} already had a different password; it was left as it is."
                )

    def _load(self, bundle, found, *, commit, quiet):
        from commonweal.places.bundles import load_borough

        steps = list(bundle.steps)
        bar = tqdm(total=len(steps), desc=f"Loading {bundle.name}", unit=" files", disable=quiet)

        def progress(number: int, of: int, step) -> None:
            bar.n = number - 1
            bar.set_postfix_str(demo.step_label(step))

        try:
            with demo.data_folder(steps, found) as folder:
                reports = load_borough(
                    bundle.key,
                    folder,
                    commit=commit,
                    progress=progress,
                    actor_label="demo load (command line)",
                )
            bar.n = len(steps)
            bar.refresh()
            return reports
        except ImportFailed as exc:
            for problem in exc.report.problems[:20]:
                self.stderr.write(f"  {problem}")
            raise CommandError(f"{exc.report.file_name}: {exc}") from exc
        finally:
            bar.close()
