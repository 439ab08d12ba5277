"""Download official files into the local cache, with a progress bar.

Files are written to a temporary name and renamed when complete, so an
interrupted download never leaves a half file that looks finished.

An ArcGIS feature-layer query (`…/FeatureServer/0/query?…`) answers with at most
the layer's `maxRecordCount` features and says `exceededTransferLimit` when there
are more, so such addresses are fetched page by page (`resultOffset`,
`resultRecordCount`) until a page says there are no more, and the pages are joined
into one answer. A page that is not features (a web page, an error, a cut-off
answer) stops the download and nothing is kept.
"""

import hashlib
import http.client
import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from tqdm import tqdm


class DownloadFailed(Exception):
    """The file could not be fetched; the message says why in plain words."""


class ChecksumMismatch(DownloadFailed):
    """The file was fetched but is not the one expected (its sha256 differs); it was discarded."""


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
    if is_layer_query(url):
        try:
            _fetch_layer(url, partial, progress=progress, timeout=timeout)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        _check(partial, expected_sha256, url)
        os.replace(partial, target)
        return target
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    with (
        _failures(url, partial),
        urllib.request.urlopen(request, timeout=timeout) as response,  # noqa: S310
    ):
        total = int(response.headers.get("Content-Length") or 0) or None
        with (
            partial.open("wb") as out,
            tqdm(
                total=total,
                unit="B",
                unit_scale=True,
                desc=f"Downloading {_short_name(target)}",
                disable=not progress,
                leave=False,
            ) as bar,
        ):
            for chunk in iter(lambda: response.read(256 * 1024), b""):
                out.write(chunk)
                bar.update(len(chunk))
    if total is not None and partial.stat().st_size != total:
        size = partial.stat().st_size
        partial.unlink(missing_ok=True)
        raise DownloadFailed(f"{url} stopped after {size} of {total} bytes; try again")
    _check(partial, expected_sha256, url)
    os.replace(partial, target)
    return target


def _short_name(target: Path) -> str:
    return target.name.split("-", 1)[-1]


@contextmanager
def _failures(url: str, partial: Path | None = None) -> Iterator[None]:
    """Turn what can go wrong with one request into DownloadFailed, removing the partial file."""
    try:
        yield
    except urllib.error.HTTPError as exc:
        _discard(partial)
        raise DownloadFailed(f"{url} answered {exc.code} {exc.reason}") from exc
    except http.client.IncompleteRead as exc:
        _discard(partial)
        raise DownloadFailed(
            f"{url} stopped after {len(exc.partial)} bytes before the end of the file; try again"
        ) from exc
    except (urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError) as exc:
        _discard(partial)
        reason = getattr(exc, "reason", None) or exc
        raise DownloadFailed(f"{url} could not be reached: {reason}") from exc


def _discard(partial: Path | None) -> None:
    if partial is not None:
        partial.unlink(missing_ok=True)


def _get(url: str, *, timeout: float) -> bytes:
    """One whole answer, in memory (a page of features is at most a few megabytes)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    with (
        _failures(url),
        urllib.request.urlopen(request, timeout=timeout) as response,  # noqa: S310
    ):
        total = int(response.headers.get("Content-Length") or 0) or None
        body = response.read()
    if total is not None and len(body) != total:
        raise DownloadFailed(f"{url} stopped after {len(body)} of {total} bytes; try again")
    return body


# ArcGIS feature layers, page by page -------------------------------------------------

_LAYER_QUERY = re.compile(r"/(FeatureServer|MapServer)/\d+/query/?$", re.IGNORECASE)
_PAGING = ("resultoffset", "resultrecordcount")
PAGE_SIZE = 2000  # the ONS layers' maxRecordCount; a smaller limit on the server also works
MAX_PAGES = 5000


def is_layer_query(url: str) -> bool:
    return bool(_LAYER_QUERY.search(urlsplit(url.partition("#")[0]).path))


def page_address(url: str, offset: int, size: int) -> str:
    """The address of one page: the query as given (encoding untouched), plus the paging."""
    parts = urlsplit(url)
    kept = [
        part
        for part in parts.query.split("&")
        if part and part.split("=", 1)[0].lower() not in _PAGING
    ]
    kept += [f"resultOffset={offset}", f"resultRecordCount={size}"]
    return urlunsplit(parts._replace(query="&".join(kept), fragment=""))


def _page_size(url: str) -> int:
    for part in urlsplit(url).query.split("&"):
        name, _, value = part.partition("=")
        if name.lower() == "resultrecordcount" and value.isdigit() and int(value) > 0:
            return int(value)
    return PAGE_SIZE


def _fetch_layer(url: str, partial: Path, *, progress: bool, timeout: float) -> None:
    """Every page of a layer query, joined into one answer written to `partial`."""
    size = _page_size(url)
    features: list = []
    first_page: dict | None = None
    previous_first = None
    name = re.sub(r"^.*/services/", "", urlsplit(url).path).split("/")[0] or "features"
    with tqdm(
        unit=" features",
        desc=f"Downloading {name}",
        disable=not progress,
        leave=False,
    ) as bar:
        for number in count(1):
            if number > MAX_PAGES:
                raise DownloadFailed(f"{url} still had more features after {MAX_PAGES} pages")
            address = page_address(url, len(features), size)
            page = _layer_page(_get(address, timeout=timeout), address, number)
            got = page["features"]
            more = _exceeded(page)
            if more and not got:
                raise DownloadFailed(
                    f"page {number} of {url} ({address}) said there were more features but "
                    f"sent none; try again"
                )
            if got and previous_first is not None and got[0] == previous_first:
                raise DownloadFailed(
                    f"page {number} of {url} repeated the page before it: the layer does not "
                    f"page (resultOffset) this query"
                )
            features += got
            bar.update(len(got))
            bar.set_postfix_str(f"page {number}")  # also redraws the bar after every page
            first_page = first_page or page
            if not more:
                break
            previous_first = got[0]
    merged = {key: value for key, value in first_page.items() if key != "exceededTransferLimit"}
    if isinstance(merged.get("properties"), dict):
        merged["properties"] = {
            key: value
            for key, value in merged["properties"].items()
            if key != "exceededTransferLimit"
        }
        if not merged["properties"]:
            del merged["properties"]
    merged["features"] = features
    with partial.open("w", encoding="utf-8") as out:
        json.dump(merged, out, ensure_ascii=False)


def _layer_page(body: bytes, address: str, number: int) -> dict:
    where = f"page {number} of the layer ({address})"
    start = body[:512].lstrip().lower()
    if start.startswith((b"<!doctype html", b"<html")):
        raise DownloadFailed(f"{where} answered with a web page, not features")
    try:
        page = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DownloadFailed(
            f"{where} is not complete JSON ({exc}); the answer may have been cut off, try again"
        ) from exc
    if isinstance(page, dict) and isinstance(page.get("error"), dict):
        error = page["error"]
        details = "; ".join(str(d) for d in error.get("details") or [] if d)
        said = " ".join(
            str(part) for part in (error.get("code"), error.get("message"), details) if part
        )
        raise DownloadFailed(f"{where} answered with an error: {said or error}")
    if not isinstance(page, dict) or not isinstance(page.get("features"), list):
        raise DownloadFailed(f"{where} did not answer with a list of features")
    if not all(isinstance(feature, dict) for feature in page["features"]):
        raise DownloadFailed(f"{where} holds something that is not a feature")
    return page


def _exceeded(page: dict) -> bool:
    properties = page.get("properties")
    return bool(
        page.get("exceededTransferLimit")
        or (isinstance(properties, dict) and properties.get("exceededTransferLimit"))
    )


def _check(path: Path, expected_sha256: str | None, url: str) -> None:
    if not expected_sha256:
        return
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != expected_sha256:
        path.unlink(missing_ok=True)
        raise ChecksumMismatch(
            f"{url} did not match its expected checksum (got {digest[:12]}…, "
            f"expected {expected_sha256[:12]}…); the file was discarded"
        )
