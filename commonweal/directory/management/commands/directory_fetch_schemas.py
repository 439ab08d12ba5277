"""commonweal directory fetch-schemas [--offline] [--source-base-url URL] [--quiet]"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from commonweal.datasets.sources import Finder, SourceMissing
from commonweal.directory.openreferral import schemas


class Command(BaseCommand):
    help = (
        "Make the Open Referral UK schemas available for validation and the openreferral-uk "
        "importer: use the shared open data folder or the cache, or download them from "
        f"{schemas.PROFILE_REPO} at commit {schemas.COMMIT[:7]}, checking each file's checksum. "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--offline", action="store_true", help="Never download; use local files only."
        )
        parser.add_argument(
            "--source-base-url",
            default=None,
            help="Download from this mirror (laid out like the shared data) instead of the "
            "publisher.",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bars.")

    def handle(self, *args, offline, source_base_url, quiet, **options):
        finder_options = {"allow_download": not offline, "progress": not quiet}
        if source_base_url is not None:
            finder_options["mirror_base_url"] = source_base_url
        finder = Finder.from_settings(**finder_options)
        bar = tqdm(
            total=len(schemas.FILES), desc="Open Referral UK schemas", unit=" files", disable=quiet
        )

        def each(name, found) -> None:
            bar.set_postfix_str(name)
            bar.update(1)

        try:
            found = schemas.fetch_schemas(finder, each=each)
        except SourceMissing as exc:
            raise CommandError(str(exc)) from exc
        finally:
            bar.close()
        origins = {item.origin for item in found}
        folder = found[0].path.parent
        if origins == {"data folder"}:
            self.stdout.write(f"The schemas are in the shared open data folder ({folder}).")
        elif "download" not in origins:
            self.stdout.write(f"The schemas were already in the cache ({folder}).")
        else:
            downloaded = sum(item.origin == "download" for item in found)
            where = finder.mirror_base_url or f"{schemas.PROFILE_REPO} at {schemas.COMMIT[:7]}"
            self.stdout.write(
                self.style.SUCCESS(
                    f"Downloaded {downloaded} of {len(found)} schema files from {where} "
                    f"into {folder}; every checksum matched."
                )
            )
