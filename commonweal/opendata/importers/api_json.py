"""The data.police.uk API's street-level crimes (`/api/crimes-street/…`), as JSON.

The API gives a category slug where the CSV has a label, no LSOA and no force
columns; slugs are mapped to the CSV's labels so both sources count together.
"""

import json
from pathlib import Path
from typing import Any

from commonweal.datasets.importing import RowError, register_importer
from commonweal.datasets.importing.base import open_text
from commonweal.opendata.importers.common import (
    CrimeImporter,
    CrimeRow,
    clean_coordinates,
    clean_month,
)

CATEGORY_LABELS = {
    "anti-social-behaviour": "Anti-social behaviour",
    "bicycle-theft": "Bicycle theft",
    "burglary": "Burglary",
    "criminal-damage-arson": "Criminal damage and arson",
    "drugs": "Drugs",
    "other-theft": "Other theft",
    "possession-of-weapons": "Possession of weapons",
    "public-order": "Public order",
    "robbery": "Robbery",
    "shoplifting": "Shoplifting",
    "theft-from-the-person": "Theft from the person",
    "vehicle-crime": "Vehicle crime",
    "violent-crime": "Violence and sexual offences",
    "other-crime": "Other crime",
}
FIELDS = {"category", "location", "month"}


@register_importer
class PoliceCrimeApi(CrimeImporter):
    source = "police-crime-api"
    title = "Street-level crime (data.police.uk API)"
    source_url = "https://data.police.uk/docs/method/crime-street/"
    description = "An answer of the data.police.uk street-level crimes API, saved as JSON."

    def read(self, path: Path):
        with open_text(path) as handle:
            try:
                document = json.load(handle)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise RowError("", f"the file is not JSON ({exc})") from exc
        if not isinstance(document, list):
            raise RowError("", "expected a JSON array of crimes, as the API answers")
        self.reset_keys()
        for number, element in enumerate(document, start=1):
            self._line = number
            yield number, element

    def clean_row(self, raw: Any) -> CrimeRow:
        if not isinstance(raw, dict) or not raw.keys() >= FIELDS:
            raise RowError("", "not a crime (each needs category, location and month)")
        slug = raw.get("category") or ""
        if slug not in CATEGORY_LABELS:
            raise RowError("category", f"“{slug}” is not a data.police.uk crime category")
        location = raw.get("location") or {}
        if not isinstance(location, dict):
            raise RowError("location", "the location is not an object")
        lon, lat = clean_coordinates(
            location.get("longitude"), location.get("latitude"), ("longitude", "latitude")
        )
        outcome = raw.get("outcome_status") or {}
        street = location.get("street") or {}
        return self.keyed(
            CrimeRow(
                line=self._line,
                month=clean_month(raw.get("month"), "month"),
                crime_id=(raw.get("persistent_id") or "").strip(),
                reported_by="",
                falls_within="",
                longitude=lon,
                latitude=lat,
                location=str(street.get("name") or "").strip(),
                lsoa_code="",
                lsoa_name="",
                category=CATEGORY_LABELS[slug],
                outcome=str(outcome.get("category") or "").strip(),
                context=str(raw.get("context") or "").strip(),
            )
        )
