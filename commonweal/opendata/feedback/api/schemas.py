"""What the feedback API reads and answers."""

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Field, Path, Schema
from pydantic import StringConstraints

from commonweal.api import PlainText as Text
from commonweal.opendata.feedback.models import ReportKind
from commonweal.places.api.schemas import CODE_PATTERN

SLUG = r"^[-a-zA-Z0-9_]{1,220}$"

ReportId = Annotated[int, Path(ge=1, le=2_147_483_647, description="The report's number.")]


class ReportFilters(Schema):
    area: str | None = Field(
        None, pattern=CODE_PATTERN, description="A borough, ward, neighbourhood or LSOA code."
    )
    service: str | None = Field(None, pattern=SLUG, description="A service's slug.")
    provider: str | None = Field(None, pattern=SLUG, description="A provider's directory slug.")
    status: (
        Literal[
            "triage", "received", "acknowledged", "responded", "reopened", "escalated", "closed"
        ]
        | None
    ) = None


class ClockOut(Schema):
    step: str
    reason: str
    started: date
    due: date
    done: date | None
    working_days: int | None
    state: str


class StepOut(Schema):
    status: str
    event: str
    note: str
    by: str
    at: datetime


class ReportOut(Schema):
    id: int
    url: str
    kind: str
    service: str
    title: str
    description: str
    borough: str
    lsoa21: str | None
    lsoa21_name: str | None
    provider: str | None
    provider_sector: str | None
    status: str
    escalated: bool
    escalation_taken_at: datetime | None = Field(
        None, description="When a council officer took the escalation (who is not published)."
    )
    raised_at: datetime
    supporters: int
    collecting_support: str | None
    clocks: list[ClockOut]
    history: list[StepOut]


class ReportIn(Schema):
    service: Annotated[str, StringConstraints(pattern=SLUG)]
    kind: Literal["report", "question", "complaint"] = ReportKind.REPORT
    title: Text(150)
    description: Text(5000)
    postcode: Text(16) = ""
    lon: float | None = Field(None, ge=-180, le=180)
    lat: float | None = Field(None, ge=-90, le=90)
    group: Annotated[str, StringConstraints(pattern=SLUG)] | None = Field(
        None, description="The slug of a group you lead or run, to raise it for the group."
    )


class StepIn(Schema):
    event: Literal["acknowledge", "respond", "reopen", "escalate", "close", "route"]
    note: Text(5000) = ""
    provider: Annotated[str, StringConstraints(pattern=SLUG)] | None = Field(
        None, description="For `route`: the provider's directory slug."
    )


class SupportIn(Schema):
    consent: bool = Field(..., description="Must be true: the person agrees to add their name.")
    name: Text(150) = ""


class CollectIn(Schema):
    group: Annotated[str, StringConstraints(pattern=SLUG)]


class SupportersOut(Schema):
    report: int
    group: str | None
    count: int
    names: list[str]


class ServiceOut(Schema):
    slug: str
    name: str
    description: str


class ProviderOut(Schema):
    slug: str
    name: str
    sector: str
    acknowledge_days: int
    respond_days: int


class ResponsibilityOut(Schema):
    service: str
    area_type: str
    area_code: str
    area_name: str
    provider: str


class CatalogueOut(Schema):
    services: list[ServiceOut]
    providers: list[ProviderOut]
    responsibilities: list[ResponsibilityOut]


class LeagueRowOut(Schema):
    name: str
    sector: str
    reports: int
    answered: int
    median_working_days: float | None
    p90_working_days: float | None
    judged: int
    on_time: int
    on_time_share: float | None
    reopened: int
    reopen_rate: float | None


class LeagueOut(Schema):
    by_provider: list[LeagueRowOut]
    by_sector: list[LeagueRowOut]


class ServiceIn(Schema):
    name: Text(150)
    description: Text(2000) = ""


class ProviderIn(Schema):
    organisation: Annotated[str, StringConstraints(pattern=SLUG)] = Field(
        ..., description="The organisation's directory slug."
    )
    sector: Literal["council", "nhs", "police", "housing_association", "voluntary", "private"]
    acknowledge_days: int | None = Field(None, ge=1, le=60)
    respond_days: int | None = Field(None, ge=1, le=120)


class ResponsibilityIn(Schema):
    service: Annotated[str, StringConstraints(pattern=SLUG)]
    area: Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
    provider: Annotated[str, StringConstraints(pattern=SLUG)]
