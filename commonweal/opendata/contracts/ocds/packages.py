"""Release packages and record packages, validated before anyone is given them."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from commonweal.opendata.contracts.ocds import schemas
from commonweal.opendata.contracts.ocds.build import ocds_datetime
from commonweal.opendata.contracts.ocds.merge import compile_releases

VERSION = "1.1"
LICENCE = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class InvalidOutput(Exception):
    """We built something the OCDS schema refuses: a bug, never sent to anyone."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:5]))


def schema_dir() -> str:
    return str(settings.OCDS_SCHEMA_DIR)


def check(document: dict, schema: str) -> dict:
    found = schemas.problems(document, schema, schema_dir())
    if found:
        raise InvalidOutput(found)
    return document


def _envelope(uri: str, published: dt.datetime | None) -> dict:
    return {
        "uri": uri,
        "version": VERSION,
        "publishedDate": ocds_datetime(published or timezone.now()),
        "publisher": {"name": settings.OCDS_PUBLISHER_NAME},
        "license": LICENCE,
    }


def release_package(releases: list[dict], *, uri: str, published=None) -> dict:
    package = {**_envelope(uri, published), "releases": releases}
    if not releases:
        # The schema asks for at least one release; an empty list is still an honest answer.
        return package
    return check(package, schemas.RELEASE_PACKAGE)


def record(ocid: str, releases: list[dict]) -> dict:
    return {"ocid": ocid, "releases": releases, "compiledRelease": compile_releases(releases)}


def record_package(records: list[dict], *, uri: str, published=None) -> dict:
    package = {**_envelope(uri, published), "records": records}
    if not records:
        return package
    return check(package, schemas.RECORD_PACKAGE)
