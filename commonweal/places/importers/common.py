"""What the places importers share: provenance, code checks, the authority filter."""

import re
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from commonweal.datasets.importing import RowError, RowProblem
from commonweal.places.models import Area, AreaType

ONS = "Office for National Statistics"
MHCLG = "Ministry of Housing, Communities and Local Government"
ONS_ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0."
)
ONS_OS_ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
    "Contains OS data © Crown copyright and database right 2024"
)
PSI_ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)

# GSS code prefixes by area type (England and Wales).
CODE_PATTERNS = {
    AreaType.LSOA11: re.compile(r"^[EW]01\d{6}$"),
    AreaType.LSOA21: re.compile(r"^[EW]01\d{6}$"),
    AreaType.WARD: re.compile(r"^[EWSN]05\d{6}$"),
    AreaType.LOCAL_AUTHORITY: re.compile(r"^[EWSN](06|07|08|09|10|11|12)\d{6}$"),
}
TYPE_LABELS = {
    AreaType.LSOA11: "LSOA 2011",
    AreaType.LSOA21: "LSOA 2021",
    AreaType.WARD: "ward",
    AreaType.LOCAL_AUTHORITY: "local authority",
}


def clean_code(raw: Any, area_type: str, column: str, *, required: bool = True) -> str:
    """A GSS code of the given type, stripped, or RowError."""
    code = (raw or "").strip().upper()
    if not code:
        if not required:
            return ""
        raise RowError(column, f"the {TYPE_LABELS[area_type]} code is missing")
    if not CODE_PATTERNS[area_type].match(code):
        raise RowError(column, f"“{code}” is not a {TYPE_LABELS[area_type]} code")
    return code


def clean_count(raw: Any, column: str) -> int:
    """A whole number of people or a rank, allowing thousands separators ("29,199")."""
    text = (raw or "").strip().replace(",", "")
    if not text:
        raise RowError(column, "a number is missing")
    try:
        value = int(text)
    except ValueError:
        raise RowError(column, f"“{raw}” is not a whole number") from None
    if value < 0:
        raise RowError(column, f"{value} is negative")
    return value


def pick(header: Iterable[str], *aliases: str) -> str | None:
    """The first alias present in the header, matched case-insensitively."""
    lowered = {name.lower(): name for name in header}
    for alias in aliases:
        if alias.lower() in lowered:
            return lowered[alias.lower()]
    return None


def duplicate_problems(rows: list[tuple[int, Any]], key, column: str, label: str):
    """One problem for each row that repeats an earlier row's key."""
    seen: dict[Any, int] = {}
    problems = []
    for line, row in rows:
        if row is None:
            continue
        value = key(row)
        if value in seen:
            problems.append(
                RowProblem(
                    line, column, f"{label} {value} appears again (first on line {seen[value]})"
                )
            )
        else:
            seen[value] = line
    return problems


def unknown_problem(missing: list[str], label: str, hint: str) -> RowProblem:
    """One file-level problem listing codes that name areas we do not hold."""
    shown = ", ".join(sorted(missing)[:5])
    more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    return RowProblem(
        None,
        "",
        f"{len(missing)} row{'s' if len(missing) != 1 else ''} name {label}s we do not hold "
        f"({shown}{more}); {hint}",
    )


class AuthorityFilter:
    """Keeps the rows of one local authority, so a national file can load one borough.

    A row is kept when its own authority column names the authority, or (for files
    without one) when its area is already known to lie in the authority, its name
    starts with the authority's name (LSOA names do, e.g. "Calderdale 019A"), or a point
    inside its boundary lies inside the authority's boundary.
    """

    def __init__(self, code: str | None, area_type: str | None = None):
        self.code = (code or "").strip().upper() or None
        self.authority = None
        self.name_prefix = ""
        self.known: set[str] = set()
        self.kept = 0
        self.skipped = 0
        if self.code is None:
            return
        if not CODE_PATTERNS[AreaType.LOCAL_AUTHORITY].match(self.code):
            raise ValueError(f"“{self.code}” is not a local authority code (like E08000033)")
        self.authority = (
            Area.objects.of_type(AreaType.LOCAL_AUTHORITY).filter(gss_code=self.code).first()
        )
        if self.authority is not None:
            self.name_prefix = self.authority.name + " "
        if area_type is not None:
            held = Area.objects.of_type(area_type)
            self.known = set(held.in_authority(self.code).values_list("gss_code", flat=True))
            if self.name_prefix:
                # LSOAs held but not yet placed by a lookup are named after their authority.
                self.known |= set(
                    held.filter(name__startswith=self.name_prefix).values_list(
                        "gss_code", flat=True
                    )
                )

    @property
    def active(self) -> bool:
        return self.code is not None

    @property
    def authority_shape(self):
        return self.authority.shape if self.authority is not None else None

    def keeps(
        self, code: str, *, authority_code: str | None = None, name: str = "", geometry=None
    ) -> bool:
        if self.code is None:
            return True
        if authority_code:
            kept = authority_code.strip().upper() == self.code
        else:
            kept = code in self.known or bool(
                self.name_prefix and name.startswith(self.name_prefix)
            )
            outline = self.authority_shape
            if not kept and geometry is not None and outline is not None:
                kept = outline.covers(geometry.representative_point())
        if kept:
            self.kept += 1
        else:
            self.skipped += 1
        return kept

    def note(self) -> str | None:
        if self.code is None:
            return None
        where = self.authority.name if self.authority else self.code
        return f"Kept {self.kept} rows for {where}; skipped {self.skipped} rows for other areas."


def require_filter_basis(
    filter_: AuthorityFilter, has_authority_column: bool, *, by_name: bool = True
) -> None:
    """Refuse a filtered import that has no way to tell which rows are in the authority."""
    if not filter_.active or has_authority_column or filter_.known:
        return
    if by_name and filter_.name_prefix:
        return
    raise RowError(
        "",
        f"this file has no local authority column, and we hold nothing yet that says "
        f"which of its areas are in {filter_.code}; import that authority's boundaries "
        f"and lookups first",
    )


def bulk_save_areas(new: list[Area], changed: list[Area], fields: list[str]) -> None:
    """Save areas in bulk, stamping updated_at (bulk_update skips auto_now)."""
    now = timezone.now()
    if new:
        for area in new:
            area.created_at = area.created_at or now
            area.updated_at = now
        Area.objects.bulk_create(new, batch_size=500)
    if changed:
        for area in changed:
            area.updated_at = now
        Area.objects.bulk_update(changed, [*fields, "updated_at"], batch_size=500)
