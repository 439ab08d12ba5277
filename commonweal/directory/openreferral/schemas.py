"""The Open Referral UK schemas, read at run time from the shared open data folder.

The schemas are the published ones (OpenReferralUK/uk-profile); they are never copied into
the repository. Their `$ref`s name sibling files ("schedule.json"), resolved here locally.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile"
VERSION = "3.0"
# Files in the folder that are not object schemas.
NOT_SCHEMAS = {"openapi.json", "datapackage.json"}

# HSDS 3.0 fields the UK profile leaves out but allows (no additionalProperties: false):
# we publish them, and check each item against the sibling schema of that name.
EXTRA_ITEMS = {
    "organization": {"locations": "location", "phones": "phone", "contacts": "contact"},
    "contact": {"phones": "phone"},
}


class SchemaUnavailable(RuntimeError):
    """The schema folder is not where the settings say."""


def schema_dir() -> Path:
    return Path(settings.COMMONWEAL_SHARED_DATA) / "schemas" / "openreferral_uk"


@cache
def _registry(folder: str) -> Registry:
    resources = []
    for path in sorted(Path(folder).glob("*.json")):
        if path.name in NOT_SCHEMAS:
            continue
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (path.name, Resource.from_contents(contents, default_specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


@cache
def _validator(folder: str, name: str) -> Draft202012Validator:
    registry = _registry(folder)
    schema = registry.contents(f"{name}.json")
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def validator(name: str) -> Draft202012Validator:
    folder = schema_dir()
    if not (folder / f"{name}.json").is_file():
        raise SchemaUnavailable(
            f"the Open Referral UK schema {name}.json is not in {folder} "
            "(set COMMONWEAL_SHARED_DATA to the shared open data folder)"
        )
    return _validator(str(folder), name)


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
