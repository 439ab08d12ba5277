"""The shapes the places API reads and writes."""

from typing import Any, Literal

from ninja import Field, Schema
from pydantic import model_validator

from commonweal.places.models import AreaType, Domain, Edition

# Codes in paths and filters: ONS GSS codes and the codes given to neighbourhoods.
CODE_PATTERN = r"^[A-Za-z0-9_-]{1,32}$"


class Point(Schema):
    lon: float = Field(..., description="Longitude (WGS84).")
    lat: float = Field(..., description="Latitude (WGS84).")


class AreaRef(Schema):
    code: str = Field(..., description="ONS GSS code (or a neighbourhood's code).")
    name: str
    type: AreaType


class AreaLinks(Schema):
    self: str = Field(..., description="The area as a GeoJSON Feature.")
    neighbours: str
    deprivation: str | None = Field(
        None, description="Indices of Deprivation figures, where the area has them."
    )


class AreaSummary(Schema):
    code: str = Field(..., description="ONS GSS code (or a neighbourhood's code).")
    name: str
    type: AreaType
    type_label: str
    generation: str = Field(..., description="The ONS boundary release the area came from.")
    generalised: bool = Field(
        ..., description="The boundary is simplified, so lookups near its edge are approximate."
    )
    authority: str | None = Field(None, description="The local authority's GSS code.")
    links: AreaLinks


class Attribution(Schema):
    title: str
    publisher: str
    licence: str
    licence_url: str
    attribution: str
    source_url: str


class AreaProperties(Schema):
    code: str
    name: str
    type: AreaType
    type_label: str
    generation: str
    generalised: bool
    description: str = ""
    population_total: int | None = None
    population_adults: int | None = Field(None, description="Aged 18 and over.")
    population_note: str = ""
    authority: str | None = Field(None, description="The local authority's GSS code.")
    parents: list[AreaRef] = []
    members: list[AreaRef] = Field(
        [], description="For a neighbourhood made of LSOAs: the LSOAs it is made of."
    )
    centroid: Point | None = Field(None, description="A point inside the area.")
    attributions: list[Attribution] = []
    links: AreaLinks


class AreaFeature(Schema):
    """An area as a GeoJSON Feature (RFC 7946): WGS84 longitude/latitude."""

    type: Literal["Feature"] = "Feature"
    id: str
    geometry: dict[str, Any] | None = Field(..., description="A GeoJSON geometry.")
    properties: AreaProperties


class Neighbours(Schema):
    area: AreaSummary
    neighbours: list[AreaSummary] = Field(
        ..., description="Areas of the same type and generation that share a boundary with it."
    )


class DomainFigure(Schema):
    domain: Domain
    label: str
    rank: int | float = Field(
        ...,
        description=(
            "1 is the most deprived LSOA in England. For a larger area, the "
            "population-weighted mean rank of its LSOAs."
        ),
    )
    decile: int = Field(..., description="1 is the most deprived tenth of LSOAs.")
    score: float | None = Field(None, description="Published for the 2025 edition only.")
    share_most_deprived: float = Field(
        ...,
        description="The share (0 to 1) of the population in England's most deprived decile.",
    )


class Deprivation(Schema):
    area: AreaSummary
    edition: Edition
    edition_label: str
    lsoa_type: AreaType = Field(..., description="The LSOAs the edition ranks.")
    areas_ranked: int = Field(..., description="How many LSOAs the edition ranks.")
    weighted: bool = Field(
        ...,
        description=(
            "False: an LSOA's own published figures. True: figures built from the LSOAs the "
            "area is made of (see `weighting`)."
        ),
    )
    weighting: Literal["published", "population", "equal"] = Field(
        ...,
        description=(
            "`published` for an LSOA; `population` when weighted by the LSOAs' populations; "
            "`equal` when some populations are unknown, so every LSOA counts the same."
        ),
    )
    lsoa_count: int = Field(..., description="How many LSOAs the figures are built from.")
    population_covered: int | None = Field(
        None, description="The population of those LSOAs, when known."
    )
    domains: list[DomainFigure]
    attributions: list[Attribution]


class PostcodeAreas(Schema):
    postcode: str = Field(..., description='Normalised, e.g. "HX1 1AA".')
    point: Point | None = Field(None, description="The postcode's published location.")
    areas: list[AreaSummary] = Field(
        ..., description="The areas the ONS postcode lookup places the postcode in (authoritative)."
    )
    point_areas: list[AreaSummary] = Field(
        ..., description="The areas whose boundaries contain the postcode's point."
    )
    generalised: bool = Field(
        ..., description="Some point lookups used simplified boundaries, so may be approximate."
    )
    attributions: list[Attribution] = []


class NeighbourhoodIn(Schema):
    """Give either `lsoa_codes` or `geometry`, not both."""

    name: str = Field(..., min_length=1, max_length=200)
    authority: str = Field(..., pattern=CODE_PATTERN, description="The local authority's code.")
    description: str = Field("", max_length=5000)
    lsoa_codes: list[str] | None = Field(
        None, description="The LSOAs (2021) the neighbourhood is made of.", max_length=2000
    )
    geometry: dict[str, Any] | None = Field(
        None, description="A GeoJSON Polygon or MultiPolygon (WGS84), or a Feature holding one."
    )

    @model_validator(mode="after")
    def _one_definition(self) -> "NeighbourhoodIn":
        if (self.lsoa_codes is None) == (self.geometry is None):
            raise ValueError("Give either lsoa_codes or geometry, not both or neither.")
        return self
