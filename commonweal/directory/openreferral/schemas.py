"""The Open Referral UK schemas: found in the shared open data, the cache, or downloaded.

The schemas are the published ones (OpenReferralUK/uk-profile at one pinned commit); they
are never copied into the repository. `schema_dir()` finds the whole set in the shared open
data folder (`$COMMONWEAL_SHARED_DATA/schemas/openreferral_uk/`, beside a developer's
checkout) or in the cache (`$COMMONWEAL_CACHE_DIR/data/schemas/openreferral_uk/`, the layout
the demo loader uses). A council's deployment has no shared folder, so its operator runs
`commonweal directory fetch-schemas` once: `fetch_schemas` downloads each file from the
publisher at the pinned commit (or from a mirror laid out like the shared folder) through
`datasets.sources.Finder`, and keeps it only if its sha256 is the one recorded here.

Their `$ref`s name sibling files ("schedule.json"), resolved here locally.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from commonweal.datasets.download import ChecksumMismatch
from commonweal.datasets.sources import Finder, Found, SourceMissing

PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile"
PROFILE_REPO = "OpenReferralUK/uk-profile"
VERSION = "3.0"
# The commit the schemas are pinned to (2024-10-10, "Changes to match international standard").
COMMIT = "ecdfabf78944d480d7f580d08b702b08cbec4b09"
# Raw files are served at PUBLISHER_BASE_URL/<repo>/<commit>/<path in the repository>.
PUBLISHER_BASE_URL = "https://raw.githubusercontent.com"
# Where the schemas live in a data folder laid out like the shared open data (and the cache).
FOLDER = "schemas/openreferral_uk"
FETCH_COMMAND = "commonweal directory fetch-schemas"

# Every file the validator reads: its name here, its path in the repository at COMMIT, and
# its sha256 (computed from the shared copies of that commit). The shared folder's
# openapi.json and datapackage.json are not object schemas and are not needed.
FILES: dict[str, tuple[str, str]] = {
    "accessibility.json": (
        "schema/accessibility.json",
        "b1e6e28bba8b2bc1b7dd9b2dd758d761d4f072a2cd0657e68ae967a114a64d99",
    ),
    "address.json": (
        "schema/address.json",
        "a969ee63cb8e5e0e4689be3f256c22b55d4d38efcaedcb1dd3304849ce4469fb",
    ),
    "attribute.json": (
        "schema/attribute.json",
        "8fa95ea02deeec0f9ef140401872c0a779272e7cc29eec525c8a08d3cede0132",
    ),
    "compiled_service.json": (
        "schema/compiled/service.json",
        "b1e9bbad36af549fccafa408911fcdd36b378eed06fc9cf403cd00cc68ba4516",
    ),
    "contact.json": (
        "schema/contact.json",
        "ed2c40807ba6fb088b596ec475bc5a1321b296b3d87a54a620b82cad23de40bb",
    ),
    "cost_option.json": (
        "schema/cost_option.json",
        "1a5d6d7375e261868c5278fd7832fdeff33f1088fd4465ad9d51ef270362a2e8",
    ),
    "funding.json": (
        "schema/funding.json",
        "b447fc4211f912509571fbbfda3b81f69e2d1173db026e104849bcb9421d1123",
    ),
    "language.json": (
        "schema/language.json",
        "6a5f937b3b326f37b7996e6c04b909225fbd8adb8776e32ad734418f462bd4e1",
    ),
    "location.json": (
        "schema/location.json",
        "32a216468bec79fa01768c4d5308085d84502724bf2e900f8f16cc2d51ab5bfd",
    ),
    "organization.json": (
        "schema/organization.json",
        "a218e09007e2ec4a20bb6fb39702c50742b78b572d652dd5a18cf9941e3a0d6e",
    ),
    "organization_identifier.json": (
        "schema/organization_identifier.json",
        "5fd44cde59f9dd1ca4bc74cef8a2a809c2f1e0094b5a445c715a484b2b778285",
    ),
    "phone.json": (
        "schema/phone.json",
        "41cb9bb484bded082dc518ee21dce02ba73431e961cfa44c5e2c61ab122d943b",
    ),
    "schedule.json": (
        "schema/schedule.json",
        "9e5e7c72c89b82ce6ff4cbb99271725853f413c420d67f3c255046ff9822da00",
    ),
    "service.json": (
        "schema/service.json",
        "a8c02a18c19ea3b7143845cdedd9f4a7fd6e6961746aaaa2195c3c8788cd3606",
    ),
    "service_area.json": (
        "schema/service_area.json",
        "f2faf3578de9cd64a5b1a8324005cd19c31dc1f8e39097cd29bad790b5b73caa",
    ),
    "service_at_location.json": (
        "schema/service_at_location.json",
        "f57d1686c2c1bb8618d4a5db32dc6c709c8ba7317971bd1762ea4aa7e961189e",
    ),
    "taxonomy.json": (
        "schema/taxonomy.json",
        "64ade05ae265dde2aecacb54ad3b31c672d19d2ce91e3c6048fb812d569a55ad",
    ),
    "taxonomy_term.json": (
        "schema/taxonomy_term.json",
        "9965f29b4a153e8a9f4533cc81330310a1ad63586dacd135824146b314a73c0e",
    ),
}

# HSDS 3.0 fields the UK profile leaves out but allows (no additionalProperties: false):
# we publish them, and check each item against the sibling schema of that name.
EXTRA_ITEMS = {
    "organization": {"locations": "location", "phones": "phone", "contacts": "contact"},
    "contact": {"phones": "phone"},
}


class SchemaUnavailable(SourceMissing):
    """The schemas are in neither the shared open data folder nor the cache."""


def official_url(name: str) -> str:
    repo_path, _ = FILES[name]
    return f"{PUBLISHER_BASE_URL.rstrip('/')}/{PROFILE_REPO}/{COMMIT}/{repo_path}"


def _places() -> list[tuple[str, Path]]:
    cache_folder = Finder.from_settings(progress=False).cached_path(FOLDER)
    return [
        ("shared open data folder", Path(settings.COMMONWEAL_SHARED_DATA) / FOLDER),
        ("cache", cache_folder),
    ]


def _complete(folder: Path) -> bool:
    return all((folder / name).is_file() for name in FILES)


def schema_dir() -> Path:
    """The folder holding every schema file: the shared open data first, then the cache."""
    places = _places()
    for _, folder in places:
        if _complete(folder):
            return folder
    looked = "\n".join(f"  - {folder} (the {where})" for where, folder in places)
    raise SchemaUnavailable(
        f"The Open Referral UK schemas ({PROFILE_REPO} at commit {COMMIT[:7]}) are not here.\n"
        f"Looked in:\n{looked}\n"
        f"To fix this, run `{FETCH_COMMAND}` to download them into the cache "
        f"(or set COMMONWEAL_SHARED_DATA to a folder holding them at {FOLDER}/)."
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch_schemas(
    finder: Finder, *, each: Callable[[str, Found], None] | None = None
) -> list[Found]:
    """Make sure every schema file is in one folder: a local data folder or the cache.

    A complete set in one of the finder's data folders is used as it is. Otherwise each
    file comes from the cache (kept only if its checksum is the pinned one) or is
    downloaded (from the publisher at COMMIT, or the finder's mirror) and kept only if its
    checksum matches. If any file cannot be had, the files downloaded by this call are
    removed again, so the cache never holds a set that is partly new.
    """
    for folder in finder.data_dirs:
        if _complete(folder / FOLDER):
            found = [Found(folder / FOLDER / name, "data folder") for name in FILES]
            for name, item in zip(FILES, found, strict=True):
                if each:
                    each(name, item)
            return found
    cache_only = replace(finder, data_dirs=[])
    downloaded: list[Path] = []
    found = []
    try:
        for name, (_, expected) in FILES.items():
            cached = cache_only.cached_path(f"{FOLDER}/{name}")
            if cached.is_file() and sha256(cached) != expected:
                cached.unlink()  # not the pinned file: fetch it again
            item = _find(cache_only, name, expected, finder.data_dirs)
            if item.origin == "download":
                downloaded.append(item.path)
            found.append(item)
            if each:
                each(name, item)
    except SourceMissing:
        for path in downloaded:
            path.unlink(missing_ok=True)
        raise
    return found


def _find(finder: Finder, name: str, expected: str, shared: list[Path]) -> Found:
    relative = f"{FOLDER}/{name}"
    url = finder.download_url(relative, official_url(name))
    try:
        return finder.find(relative, official_url(name), sha256=expected)
    except SourceMissing as exc:
        cause = exc.__cause__
        if isinstance(cause, ChecksumMismatch):
            raise SourceMissing(
                f"Refused {name} from {url}: its checksum is not the one recorded for "
                f"{PROFILE_REPO} at commit {COMMIT}, so it is not the published schema. "
                f"Nothing was kept in the cache.\n({cause})\n"
                "To fix this, check that --source-base-url (or COMMONWEAL_SOURCE_BASE_URL) "
                "names a copy of that commit, laid out like the shared open data folder, "
                "and run the command again."
            ) from cause
        looked = [f"  - {folder / FOLDER} (not there, or not the whole set)" for folder in shared]
        looked.append(f"  - {finder.cached_path(relative)} (not downloaded yet)")
        if cause is None:
            why = f"Downloads are turned off, so it was not fetched from {url}."
            fix = f"run `{FETCH_COMMAND}` without --offline so it can be downloaded"
        else:
            why = f"Downloading it failed: {cause}"
            fix = "check the network connection (or --source-base-url) and run it again"
        raise SourceMissing(
            f"The Open Referral UK schema {name} is missing ({PROFILE_REPO} at commit "
            f"{COMMIT[:7]}).\nLooked in:\n" + "\n".join(looked) + f"\n{why}\n"
            f"To fix this, {fix}; or set COMMONWEAL_SHARED_DATA to a folder holding the "
            f"shared open data, with the schemas at {FOLDER}/."
        ) from cause


@cache
def _registry(folder: str) -> Registry:
    resources = []
    for name in FILES:
        contents = json.loads((Path(folder) / name).read_text(encoding="utf-8"))
        resources.append(
            (name, Resource.from_contents(contents, default_specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


@cache
def _validator(folder: str, name: str) -> Draft202012Validator:
    registry = _registry(folder)
    schema = registry.contents(f"{name}.json")
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def validator(name: str) -> Draft202012Validator:
    if f"{name}.json" not in FILES:
        raise ValueError(f"there is no Open Referral UK schema called {name}.json")
    return _validator(str(schema_dir()), name)


@dataclass(frozen=True)
class SchemaProblem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path or '(the record)'}: {self.reason}"


def _path(parts) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def problems(record, name: str, prefix: tuple = ()) -> list[SchemaProblem]:
    """Every way the record breaks the schema `name` (service, organization …)."""
    found = [
        SchemaProblem(_path((*prefix, *error.absolute_path)), error.message)
        for error in sorted(validator(name).iter_errors(record), key=lambda e: list(e.path))
    ]
    if isinstance(record, dict):
        found += _extra_problems(record, name, prefix)
    return found


def _extra_problems(record: dict, name: str, prefix: tuple) -> list[SchemaProblem]:
    found = []
    for field, item_schema in EXTRA_ITEMS.get(name, {}).items():
        items = record.get(field)
        if items is None:
            continue
        if not isinstance(items, list):
            found.append(SchemaProblem(_path((*prefix, field)), "must be a list"))
            continue
        for index, item in enumerate(items):
            found += problems(item, item_schema, (*prefix, field, index))
    if name == "service":
        organization = record.get("organization")
        if isinstance(organization, dict):
            found += _extra_problems(organization, "organization", (*prefix, "organization"))
        for index, contact in enumerate(record.get("contacts") or []):
            if isinstance(contact, dict):
                found += _extra_problems(contact, "contact", (*prefix, "contacts", index))
    return found
