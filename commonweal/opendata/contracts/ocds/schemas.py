"""The OCDS 1.1 schemas, read from local files and validated against without any download.

The package schemas refer to release-schema.json by its canonical URL; a referencing
Registry maps that URL to the local file, so jsonschema never fetches anything. (The
versioned-release schema a record may refer to is not among the files, and we never
publish versioned releases, so it is left unresolved on purpose.)
"""

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

RELEASE = "release-schema.json"
RELEASE_PACKAGE = "release-package-schema.json"
RECORD_PACKAGE = "record-package-schema.json"


@dataclass(frozen=True)
class SchemaProblem:
    path: str  # a JSON path such as $.releases[0].tender.value.amount
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def json_path(parts) -> str:
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


_formats = FormatChecker()


@_formats.checks("date-time", raises=ValueError)
def _date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError("a date-time needs a time zone")
    return True


@_formats.checks("uri", raises=ValueError)
def _uri(value) -> bool:
    if not isinstance(value, str):
        return True
    if not urlsplit(value).scheme:
        raise ValueError("not an absolute URI")
    return True


def _load(directory: Path, name: str) -> dict:
    path = Path(directory) / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(
            f"The OCDS schema {name} is not in {directory} (set OCDS_SCHEMA_DIR)."
        ) from None


@lru_cache(maxsize=4)
def validators(directory: str) -> dict[str, Draft4Validator]:
    """{schema file name: validator}, with every $ref resolved locally."""
    schemas = {
        name: _load(Path(directory), name) for name in (RELEASE, RELEASE_PACKAGE, RECORD_PACKAGE)
    }
    registry = Registry().with_resources(
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT4))
        for schema in schemas.values()
    )
    return {
        name: Draft4Validator(schema, registry=registry, format_checker=_formats)
        for name, schema in schemas.items()
    }


def problems(
    document: dict, schema: str, directory: str, *, limit: int = 20
) -> list[SchemaProblem]:
    """What is wrong with the document against one of the three schemas, deepest first."""
    validator = validators(str(directory))[schema]
    found = sorted(
        validator.iter_errors(document), key=lambda e: (list(e.absolute_path), e.message)
    )
    out = []
    for error in found[:limit]:
        reason = error.message if len(error.message) <= 300 else error.message[:297] + "..."
        if error.validator == "uniqueItems":
            reason = "the same item appears twice in this list"
        elif error.validator == "oneOf" and error.context:
            best = min(error.context, key=lambda e: len(e.message))
            reason = f"{reason[:120]} ({best.message[:160]})"
        out.append(SchemaProblem(json_path(error.absolute_path), reason))
    return out


def schema_enum(directory: str, *path: str) -> list:
    """An enumeration from the release schema, e.g. the currencies Value allows."""
    node = validators(str(directory))[RELEASE].schema
    for part in path:
        node = node[part]
    return [value for value in node.get("enum", []) if value is not None]
