"""Stored street crimes written out as data.police.uk publishes them: its twelve columns,
in its order, so the file can be read by anything that reads theirs (and imported again)."""

from collections.abc import Iterator
from datetime import date

import pyarrow as pa

from commonweal.opendata.importers.street_csv import COLUMNS

# Our stored column for each of data.police.uk's ("Month" is the file's month).
STORED = {
    "Crime ID": "crime_id",
    "Reported by": "reported_by",
    "Falls within": "falls_within",
    "Longitude": "longitude",
    "Latitude": "latitude",
    "Location": "location",
    "LSOA code": "lsoa_code",
    "LSOA name": "lsoa_name",
    "Crime type": "category",
    "Last outcome category": "outcome",
    "Context": "context",
}


def street_csv_rows(table: pa.Table, month: date) -> Iterator[list[str]]:
    """The header, then a row a crime; coordinates as Python writes them (the shortest text
    that reads back as the same number, as the police's own files have them)."""
    yield list(COLUMNS)
    values = {
        column: table[name].to_pylist()
        for column, name in STORED.items()
        if name in table.column_names
    }
    month_text = f"{month:%Y-%m}"
    for i in range(table.num_rows):
        row = []
        for column in COLUMNS:
            if column == "Month":
                row.append(month_text)
                continue
            value = values[column][i]
            row.append("" if value is None else repr(value) if isinstance(value, float) else value)
        yield row
