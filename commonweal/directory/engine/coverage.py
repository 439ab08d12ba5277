"""The programme's own measure: the share of adults living in areas served by at least
one active community-led group.

Pure arithmetic over small areas: each small area's adult population and the groups
that serve it. Shares are exact fractions, shown rounded.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class CoverageShare:
    adults_served: int
    adults_total: int
    areas_served: int
    areas_total: int
    # Small areas whose adult population is not known: left out of both sums.
    areas_without_population: int

    @property
    def share(self) -> Fraction | None:
        if not self.adults_total:
            return None
        return Fraction(self.adults_served, self.adults_total)

    @property
    def percentage(self) -> str:
        share = self.share
        if share is None:
            return "not known"
        return f"{float(share) * 100:.1f}%"


def coverage_share(
    adults_by_area: Mapping[str, int | None], served: Iterable[str]
) -> CoverageShare:
    """`adults_by_area`: small-area code → adults; `served`: codes with a serving group."""
    served_codes = set(served) & set(adults_by_area)
    known = {code: adults for code, adults in adults_by_area.items() if adults is not None}
    return CoverageShare(
        adults_served=sum(known[code] for code in served_codes if code in known),
        adults_total=sum(known.values()),
        areas_served=len(served_codes),
        areas_total=len(adults_by_area),
        areas_without_population=len(adults_by_area) - len(known),
    )
