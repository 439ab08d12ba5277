"""Street-level CSV read a block of columns at a time (pyarrow), and checked column-wise.

A file that passes every column-wise check is valid, and is loaded from the same blocks;
one that fails any (or that pyarrow cannot read: a row of the wrong width, bytes that are
not UTF-8, a value with a line break) is handed back to the row-by-row reader, which names
each problem's line. The checks here are never looser than clean_row(): where they could
differ (an unusual month or number), they fail and the row-by-row check decides.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from commonweal.datasets.importing import RowError

# A generous box around England, Wales and Northern Ireland (longitude, latitude).
LON_RANGE, LAT_RANGE = (-11.0, 3.0), (49.0, 61.0)
# About 4,600 rows a block. pyarrow reads up to 32 blocks ahead of the parser, so the
# block size bounds memory: 32 MiB of read-ahead, whatever the file's size.
BLOCK_BYTES = 1 << 20
# Exactly the characters str.strip() removes, so trimmed values match the row-by-row path.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
LSOA_PATTERN = r"^(?:[EWN]0[01][0-9]{6})?$"
COORDINATES = ("Longitude", "Latitude")


class NotColumnar(Exception):
    """The file needs the row-by-row reader (it has a problem, or something unusual)."""


@dataclass
class CrimeBlock:
    """Consecutive cleaned rows, by column: texts trimmed, NaN where there is no location."""

    lines: np.ndarray
    months: list[date]
    month_index: np.ndarray
    texts: dict[str, pa.Array]
    lons: np.ndarray
    lats: np.ndarray
    keys: pa.Array | None = None
    # Which file of the import (each member of an archive is one) the rows came from.
    file: int | None = None

    def __len__(self) -> int:
        return len(self.lines)


def blocks(
    stream, names: list[str], first_line: int, expected: date | None, clean_month, checking: bool
) -> Iterator[CrimeBlock]:
    """The file's rows after its header, block by block, every text trimmed and the
    coordinates parsed; raises NotColumnar. `checking` checks every column as well."""
    try:
        reader = pa_csv.open_csv(
            stream,
            read_options=pa_csv.ReadOptions(
                skip_rows=1,
                column_names=[f"c{i}" for i in range(len(names))],
                block_size=BLOCK_BYTES,
                # The next blocks are read and parsed on pyarrow's threads while this one
                # is checked and stored (the read-ahead is bounded, so memory stays flat).
                use_threads=True,
            ),
            parse_options=pa_csv.ParseOptions(ignore_empty_lines=False),
            # The coordinates are parsed as the file is read (a blank one is null); the
            # rest stay texts, never null.
            convert_options=pa_csv.ConvertOptions(
                column_types={
                    f"c{i}": pa.float64() if name in COORDINATES else pa.string()
                    for i, name in enumerate(names)
                },
                null_values=[""],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        line = first_line
        for batch in reader:
            columns = dict(zip(names, batch.columns, strict=True))
            block = _checked(columns, line, expected, clean_month, checking)
            line += len(block)
            yield block
    except pa.ArrowInvalid as exc:
        raise NotColumnar(str(exc)) from exc


# Bytes a value may not begin or end with for its trimming to be skipped: the ASCII ones of
# WHITESPACE, and any byte of a character beyond ASCII (it might be one of the others).
_EDGE = np.zeros(256, dtype=bool)
_EDGE[[ord(c) for c in WHITESPACE if ord(c) < 128]] = True
_EDGE[128:] = True


def _trim(column: pa.Array) -> pa.Array:
    """str.strip() of each value; most columns need none, which the first and last byte of
    each value tell without the (slower) trimming kernel."""
    offsets = np.frombuffer(column.buffers()[1], dtype=np.int32)[
        column.offset : column.offset + len(column) + 1
    ]
    data = column.buffers()[2]
    if data is None or offsets[-1] == offsets[0]:
        return column
    text = np.frombuffer(data, dtype=np.uint8)
    filled = np.flatnonzero(np.diff(offsets))
    if not (_EDGE[text[offsets[filled]]].any() or _EDGE[text[offsets[filled + 1] - 1]].any()):
        return column
    return pc.utf8_trim(column, characters=WHITESPACE)


def _checked(columns: dict, line: int, expected, clean_month, checking: bool) -> CrimeBlock:
    n = len(next(iter(columns.values())))
    if checking:
        for column in columns.values():
            # A line break in a value would put the row-by-row reader's line numbers out.
            if pa.types.is_string(column.type) and _has_line_break(column):
                raise NotColumnar("a value holds a line break")
    texts = {name: _trim(columns[source]) for name, source in _SOURCES.items()}
    month_codes = pc.dictionary_encode(_trim(columns["Month"]))
    months = []
    for text in month_codes.dictionary.to_pylist():
        try:
            month = clean_month(text, "Month")
        except RowError:
            raise NotColumnar("a month is not YYYY-MM") from None
        if expected is not None and month != expected:
            raise NotColumnar("mixed months")
        months.append(month)
    if checking and not pc.all(pc.match_substring_regex(texts["lsoa_code"], LSOA_PATTERN)).as_py():
        raise NotColumnar("an LSOA code is not one")
    if checking and not (text_lengths(texts["category"]) > 0).all():
        raise NotColumnar("a crime type is missing")
    lons, lats = columns["Longitude"], columns["Latitude"]
    if not pc.equal(lons.is_valid(), lats.is_valid()).to_numpy(zero_copy_only=False).all():
        raise NotColumnar("one coordinate without the other")
    lons = _numbers(lons, LON_RANGE)
    lats = _numbers(lats, LAT_RANGE)
    return CrimeBlock(
        lines=np.arange(line, line + n, dtype=np.int64),
        months=months,
        month_index=month_codes.indices.to_numpy(zero_copy_only=False).astype(np.int64),
        texts=texts,
        lons=lons,
        lats=lats,
    )


def _numbers(column: pa.Array, bounds: tuple[float, float]) -> np.ndarray:
    """The coordinates, NaN where there are none; NotColumnar for one out of range."""
    values = column.to_numpy(zero_copy_only=False)
    located = values[column.is_valid().to_numpy(zero_copy_only=False)]
    low, high = bounds
    # NaN (a "nan" in the file) fails both comparisons, as the row-by-row check rejects it.
    if not ((located >= low) & (located <= high)).all():
        raise NotColumnar("a coordinate is outside the United Kingdom")
    return values


def text_lengths(column: pa.Array) -> np.ndarray:
    """Each text's length in bytes, from the column's offsets (no copy of the texts)."""
    offsets = np.frombuffer(column.buffers()[1], dtype=np.int32)
    return np.diff(offsets[column.offset : column.offset + len(column) + 1])


def _has_line_break(column: pa.Array) -> bool:
    """Whether any value holds a line break: one pass over the column's bytes."""
    offsets = np.frombuffer(column.buffers()[1], dtype=np.int32)
    start, end = offsets[column.offset], offsets[column.offset + len(column)]
    data = column.buffers()[2]
    if data is None or end == start:
        return False
    text = np.frombuffer(data, dtype=np.uint8)[start:end]
    return bool(((text == 10) | (text == 13)).any())


_SOURCES = {
    "crime_id": "Crime ID",
    "reported_by": "Reported by",
    "falls_within": "Falls within",
    "location": "Location",
    "lsoa_code": "LSOA code",
    "lsoa_name": "LSOA name",
    "category": "Crime type",
    "outcome": "Last outcome category",
    "context": "Context",
}
