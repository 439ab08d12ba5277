"""Fetch data.police.uk monthly archives for real deployments.

data.police.uk publishes every force's files as one archive a month,
`https://data.police.uk/data/archive/YYYY-MM.zip`, laid out as
`YYYY-MM/YYYY-MM-<force>-street.csv` (with outcomes and stop and search beside them;
an archive holds the months up to its own, as far back as the site keeps). The
`police-street-crime` importer reads the archive as it is; `force_file` cuts one
force's street file out of it when only one is wanted.
"""

import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

from django.conf import settings

from commonweal.datasets.download import DownloadFailed, fetch

ARCHIVE_BASE = "https://data.police.uk/data/archive/"
FORCE = re.compile(r"^[a-z0-9-]+$")


def archive_url(month: date, base: str = ARCHIVE_BASE) -> str:
    return f"{base.rstrip('/')}/{month:%Y-%m}.zip"


def fetch_archive(
    month: date,
    *,
    base: str = ARCHIVE_BASE,
    cache_dir: Path | None = None,
    refresh: bool = False,
    progress: bool = False,
) -> Path:
    """The month's archive in the local cache, downloaded if needed."""
    path = fetch(archive_url(month, base), cache_dir=cache_dir, refresh=refresh, progress=progress)
    if not zipfile.is_zipfile(path):
        path.unlink(missing_ok=True)
        raise DownloadFailed(f"{archive_url(month, base)} is not a zip archive")
    return path


def force_file(archive: Path, month: date, force: str, target_dir: Path | None = None) -> Path:
    """One force's street-level file for one month, extracted from an archive."""
    if not FORCE.match(force):
        raise ValueError(f"“{force}” is not a force name as data.police.uk writes it")
    member = f"{month:%Y-%m}/{month:%Y-%m}-{force}-street.csv"
    target_dir = Path(target_dir or settings.COMMONWEAL_CACHE_DIR)
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / member.rsplit("/", 1)[-1]
    with zipfile.ZipFile(archive) as zipped:
        try:
            source = zipped.open(member)
        except KeyError:
            raise DownloadFailed(f"the archive has no {member}") from None
        with source, target.open("wb") as out:
            shutil.copyfileobj(source, out)
    return target
