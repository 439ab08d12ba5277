"""The shapes the directory API answers with (what it reads is in inputs.py)."""

from datetime import datetime
from typing import Annotated

from ninja import Field, Path, Schema

from commonweal.directory.models import (
    ClassificationChoice,
    GroupRole,
    LegalForm,
    OrganisationKind,
    VerificationStatus,
)
from commonweal.directory.models.links import LinkKind
from commonweal.places.models import AreaType

# Organisations are named in paths by their slug, as on the site.
SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,220}$"
# An organisation in a path: /directory/organisations/{slug}…
SlugPath = Annotated[
    str,
    Path(
        pattern=SLUG_PATTERN,
        description="The organisation's slug (its `id`).",
        examples=["park-road-residents"],
    ),
]


class Point(Schema):
    lon: float = Field(..., description="Longitude (WGS84).")
    lat: float = Field(..., description="Latitude (WGS84).")


class AreaRef(Schema):
    code: str = Field(..., description="ONS GSS code (or a neighbourhood's code).")
    name: str
    type: AreaType


class OrganisationLinks(Schema):
    self: str = Field(..., description="The organisation in full.")
    members: str = Field(..., description="Its members, for the people who run it.")
    membership: str = Field(..., description="Join (POST) or leave (DELETE) it.")


class OrganisationSummary(Schema):
    id: str = Field(..., description="The organisation's slug.", examples=["park-road-residents"])
    name: str = Field(..., examples=["Park Road Residents"])
    kind: OrganisationKind
    kind_label: str = Field(..., examples=["Residents' association"])
    classification: ClassificationChoice = Field(
        ..., description="Community-led, service provider, or not yet classified."
    )
    classification_label: str = Field(..., examples=["Community-led"])
    distance_m: float | None = Field(
        None,
        description="From the searched postcode or point to where the group meets, in metres.",
        examples=[412.5],
    )
    serves_point: bool | None = Field(
        None,
        description=(
            "Whether the group's area of benefit covers the searched postcode or point "
            "(null when no place was searched)."
        ),
    )
    links: OrganisationLinks


class SearchOrigin(Schema):
    point: Point | None = Field(None, description="The searched point, or the postcode's point.")
    label: str = Field("", description="What was searched for, in words.", examples=["HX1 1AA"])
    area: AreaRef | None = Field(None, description="The area searched, if one was given.")


class OrganisationRef(Schema):
    id: str = Field(..., description="The organisation's slug.")
    name: str
    status: VerificationStatus
    self: str = Field(..., description="The organisation in full.")


class Registration(Schema):
    legal_form: LegalForm
    legal_form_label: str
    charity_number: str = ""
    company_number: str = ""
    society_number: str = ""
    org_ids: list[str] = Field(
        ...,
        description="The registration numbers as org-id identifiers (org-id.guide).",
        examples=[["GB-CHC-1234567", "GB-COH-01234567"]],
    )


class Contact(Schema):
    website: str = ""
    email: str = Field("", description="The group's own address, not a person's.")
    phone: str = ""
    postcode: str = Field("", description="Where the group meets.", examples=["HX1 1AA"])
    point: Point | None = Field(None, description="The meeting postcode's published point.")


class Benefit(Schema):
    borough_wide: bool = Field(..., description="The group serves the whole borough.")
    areas: list[AreaRef] = Field(..., description="The areas it serves, as chosen.")
    has_boundary: bool = Field(..., description="It serves an area drawn on a map as well.")
    small_areas_served: int = Field(
        ..., description="How many LSOAs (2021) the areas of benefit cover."
    )


class InterestTagRef(Schema):
    slug: str = Field(..., examples=["disability"])
    name: str = Field(..., examples=["Disability"])


class Workforce(Schema):
    members_count: int | None = None
    active_volunteers: int | None = None
    paid_staff_fte: float | None = Field(None, description="Paid staff, full-time equivalent.")
    annual_income: float | None = Field(None, description="In pounds.")
    contract_income_share: float | None = Field(
        None, description="From 0 to 1: the share of income earned from contracts."
    )
    figures_year: int | None = Field(None, description="The year the figures are for.")


class Override(Schema):
    classification: ClassificationChoice
    justification: str = Field(..., description="The officer's recorded reason.")
    at: datetime | None = None


class ClassificationInfo(Schema):
    value: ClassificationChoice = Field(..., description="The classification that applies.")
    label: str
    computed: ClassificationChoice = Field(..., description="What the figures give.")
    reason: str = Field(..., description="Why the figures give that classification.")
    rule: str = Field("", description="The rule that decided it.")
    override: Override | None = Field(
        None, description="An officer's decision, which applies instead of the computed one."
    )


class Conduct(Schema):
    label: str = Field(..., examples=["Accepted version 1"])
    current_version: int | None = Field(None, description="The code's newest version.")
    accepted_version: int | None = Field(None, description="The latest version it accepted.")
    accepted_at: datetime | None = None
    is_current: bool = Field(..., description="It has accepted the newest version.")


class ActivityOut(Schema):
    name: str
    description: str = ""
    schedule: str = Field("", examples=["Tuesdays 7pm"])
    postcode: str = ""
    url: str = ""
    email: str = ""


class LinkedOrganisation(Schema):
    kind: LinkKind
    kind_label: str
    relation: str = Field(
        ..., description="partner, supports (it supports the other) or supported_by."
    )
    organisation: OrganisationRef
    description: str = ""


class Leader(Schema):
    """Published only with the leader's recorded consent, while they are the leader."""

    name: str
    email: str = ""
    phone: str = ""


class OrganisationDetail(Schema):
    id: str = Field(..., description="The organisation's slug.", examples=["park-road-residents"])
    name: str
    kind: OrganisationKind
    kind_label: str
    description: str = ""
    authority: AreaRef = Field(..., description="The borough it is listed in.")
    status: VerificationStatus = Field(
        ..., description="Only verified entries are shown to the public."
    )
    status_label: str
    is_sample: bool = Field(..., description="A sample entry made for the demo, not a real group.")
    registration: Registration
    contact: Contact
    benefit: Benefit
    interest_tags: list[InterestTagRef]
    workforce: Workforce
    classification: ClassificationInfo
    conduct: Conduct
    member_count: int = Field(..., description="How many people belong to it on the site.")
    leader: Leader | None = Field(
        None, description="The leader's contact, only if they agreed to publish it."
    )
    leader_status: str = Field(
        ..., examples=["No leader has agreed to publish their contact details"]
    )
    activities: list[ActivityOut]
    linked_organisations: list[LinkedOrganisation]
    links: OrganisationLinks


class MemberOut(Schema):
    """No email addresses: only the name a person shows on the site."""

    name: str = Field(..., examples=["Lena Leader"])
    role: GroupRole
    role_label: str
    joined_at: datetime


class MembershipOut(Schema):
    organisation: OrganisationRef
    role: GroupRole
    role_label: str
    joined_at: datetime


class InterestTagOut(Schema):
    slug: str = Field(..., examples=["community-languages"])
    name: str = Field(..., examples=["Community languages"])
    description: str = ""
    parent: str | None = Field(None, description="The broader tag's slug, if any.")
