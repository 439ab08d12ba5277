"""What the directory API reads: search filters and request bodies.

Types and sizes are checked here (so nothing too long or malformed reaches the database);
what the details mean (a real charity number, a postcode in the borough, areas we hold) is
checked by the services, which answer with one reason per field.
"""

from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from commonweal.api import NO_NUL
from commonweal.directory.models import LegalForm, OrganisationKind
from commonweal.places.api.schemas import CODE_PATTERN

TAG_PATTERN = r"^[-a-z0-9]{1,60}$"


def Text(max_length: int):
    return Annotated[str, StringConstraints(max_length=max_length, pattern=NO_NUL)]


Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
TagSlug = Annotated[str, StringConstraints(pattern=TAG_PATTERN)]
Count = Annotated[int, Field(ge=0, le=2_147_483_647)]


class SearchFilters(Schema):
    postcode: str | None = Field(
        None,
        max_length=16,
        pattern=NO_NUL,
        description="Nearest first, with distances, from this postcode (any spelling).",
        examples=["HX1 1AA"],
    )
    lon: float | None = Field(
        None,
        ge=-180,
        le=180,
        allow_inf_nan=False,
        description="Longitude (WGS84) of a point: nearest first, from the point. Give lat too.",
        examples=[-1.8575],
    )
    lat: float | None = Field(
        None,
        ge=-90,
        le=90,
        allow_inf_nan=False,
        description="Latitude (WGS84) of a point. Give lon too.",
        examples=[53.7213],
    )
    area: str | None = Field(
        None,
        pattern=CODE_PATTERN,
        description="Only groups serving this area (a ward, LSOA or neighbourhood code).",
        examples=["E05001365"],
    )
    kind: OrganisationKind | None = Field(None, description="Only organisations of this kind.")
    tag: str | None = Field(
        None,
        pattern=TAG_PATTERN,
        description="Only groups carrying this community-of-interest tag (its slug).",
        examples=["disability"],
    )
    q: str | None = Field(
        None,
        max_length=100,
        pattern=NO_NUL,
        description="Free text: words in the name or description.",
        examples=["allotment"],
    )
    borough: str | None = Field(
        None,
        pattern=CODE_PATTERN,
        description="Only organisations listed in this borough (its GSS code).",
        examples=["E08000033"],
    )


class DetailsIn(Schema):
    """The details a person may set; registration numbers are checked by the services."""

    legal_form: LegalForm | None = Field(None, description="Unincorporated association, CIO …")
    charity_number: Text(20) | None = Field(None, examples=["1234567"])
    company_number: Text(20) | None = Field(None, examples=["01234567"])
    society_number: Text(20) | None = Field(None, examples=["12345R"])
    description: Text(5000) | None = None
    website: Text(190) | None = Field(None, examples=["https://example.org"])
    email: Text(254) | None = Field(None, description="The group's own address, not a person's.")
    phone: Text(30) | None = None
    postcode: Text(16) | None = Field(
        None, description="Where the group meets: a postcode in the borough.", examples=["HX1 1AA"]
    )
    members_count: Count | None = None
    active_volunteers: Count | None = None
    paid_staff_fte: float | None = Field(
        None, ge=0, le=9_999_999, allow_inf_nan=False, description="Full-time equivalent."
    )
    # Bounds the columns hold, even after rounding to pence or tenths.
    annual_income: float | None = Field(
        None, ge=0, le=999_999_999_999, allow_inf_nan=False, description="In pounds."
    )
    contract_income_share: float | None = Field(
        None,
        ge=0,
        le=1,
        allow_inf_nan=False,
        description="From 0 to 1: the share of income earned from contracts (0.25 is a quarter).",
    )
    figures_year: int | None = Field(None, ge=1900, le=2100, examples=[2025])


class OrganisationIn(DetailsIn):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "authority": "E08000033",
                    "name": "King Cross Community Garden",
                    "kind": "community_group",
                    "description": "Growing food together on Saturday mornings.",
                    "postcode": "HX1 1AA",
                    "members_count": 25,
                    "active_volunteers": 8,
                    "paid_staff_fte": 0,
                    "contract_income_share": 0,
                }
            ]
        }
    )

    authority: str = Field(
        ..., pattern=CODE_PATTERN, description="The borough (GSS code).", examples=["E08000033"]
    )
    name: Text(200) = Field(..., examples=["King Cross Community Garden"])
    kind: OrganisationKind


class OrganisationPatch(DetailsIn):
    """Only the fields given are changed; null clears one."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"description": "We meet monthly.", "members_count": 48}]}
    )

    name: Text(200) | None = None
    kind: OrganisationKind | None = None


class BenefitIn(Schema):
    """Replaces where the group works (and, if given, its interest tags)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"area_codes": ["E05001365"], "borough_wide": False},
                {"borough_wide": True, "interest_tags": ["disability", "community-languages"]},
            ]
        }
    )

    area_codes: list[Code] = Field(
        [], max_length=500, description="Areas we hold in the borough (GSS codes)."
    )
    boundary: dict[str, Any] | None = Field(
        None, description="A GeoJSON Polygon or MultiPolygon (WGS84) inside the borough."
    )
    borough_wide: bool = Field(
        False, description="Serves the whole borough (not for neighbourhood groups)."
    )
    interest_tags: list[TagSlug] | None = Field(
        None, max_length=50, description="Communities-of-interest tags (slugs); null leaves them."
    )


class VerificationIn(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"decision": "verify", "reason": "Checked against the Charity Commission."},
                {"decision": "withdraw", "reason": "The group has stopped meeting."},
            ]
        }
    )

    decision: Literal["verify", "withdraw"]
    reason: Text(2000) = Field("", description="Needed to withdraw; a note when verifying.")
