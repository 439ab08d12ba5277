"""Download official files into the local cache, with a progress bar.

Files are written to a temporary name and renamed when complete, so an
interrupted download never leaves a half file that looks finished.
"""

import hashlib
import http.client
import os
import re
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from tqdm import tqdm


class DownloadFailed(Exception):
    """The file could not be fetched; the message says why in plain words."""


USER_AGENT = "Commonweal open-data importer (+https://github.com/commonweal)"


def cache_path_for(url: str, cache_dir: Path | None = None) -> Path:
    cache_dir = Path(cache_dir or settings.COMMONWEAL_CACHE_DIR)
    digest = hashlib.sha256(url.encode()).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", url.rstrip("/").rsplit("/", 1)[-1].split("?")[0])
    return cache_dir / f"{digest}-{name or 'download'}"


def fetch(
    url: str,
    *,
    cache_dir: Path | None = None,
    refresh: bool = False,
    progress: bool = True,
    timeout: float = 60,
    expected_sha256: str | None = None,
) -> Path:
    """Return a local path for `url`, downloading it into the cache if needed."""
    if not url.startswith(("http://", "https://")):
        raise DownloadFailed(f"{url!r} is not a web address (it must start with https://)")
    target = cache_path_for(url, cache_dir)
    if target.exists() and not refresh:
        _check(target, expected_sha256, url)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            total = int(response.headers.get("Content-Length") or 0) or None
            with (
                partial.open("wb") as out,
                tqdm(
                    total=total,
                    unit="B",
                    unit_scale=True,
                    desc=f"Downloading {target.name.split('-', 1)[-1]}",
                    disable=not progress,
                    leave=False,
                ) as bar,
            ):
                for chunk in iter(lambda: response.read(256 * 1024), b""):
                    out.write(chunk)
                    bar.update(len(chunk))
    except urllib.error.HTTPError as exc:
        partial.unlink(missing_ok=True)
        raise DownloadFailed(f"{url} answered {exc.code} {exc.reason}") from exc
    except http.client.IncompleteRead as exc:
        partial.unlink(missing_ok=True)
        raise DownloadFailed(
            f"{url} stopped after {len(exc.partial)} bytes before the end of the file; try again"
        ) from exc
    except (urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError) as exc:
        partial.unlink(missing_ok=True)
        reason = getattr(exc, "reason", None) or exc
        raise DownloadFailed(f"{url} could not be reached: {reason}") from exc
    if total is not None and partial.stat().st_size != total:
        size = partial.stat().st_size
        partial.unlink(missing_ok=True)
        raise DownloadFailed(f"{url} stopped after {size} of {total} bytes; try again")
    _check(partial, expected_sha256, url)
    os.replace(partial, target)
    return target


def _check(path: Path, expected_sha256: str | None, url: str) -> None:
    if not expected_sha256:
        return
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != expected_sha256:
        path.unlink(missing_ok=True)
        raise DownloadFailed(
            f"{url} did not match its expected checksum (got {digest[:12]}…, "
            f"expected {expected_sha256[:12]}…); the file was discarded"
        )
