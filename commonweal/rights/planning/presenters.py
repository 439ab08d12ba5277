"""What the pages show: the register's rows and map, and each case's dates."""

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse

from commonweal.places.presenters.maps import Shaded, shaded_map
from commonweal.rights.planning import stages
from commonweal.rights.planning.models import NeighbourhoodArea, NeighbourhoodPlan
from commonweal.rights.planning.readings import readings
from commonweal.rights.planning.services import current_forum

AREA_FILL = "#1d70b8"  # GOV.UK blue: the designated areas
TEXT_ON_FILL = "#ffffff"


@dataclass(frozen=True)
class DateRow:
    label: str
    value: dt.date | None
    note: str = ""
    unconfirmed: bool = False


@dataclass
class RegisterRow:
    number: int
    area: NeighbourhoodArea
    url: str
    qualifying_body: str
    forum: object | None
    plan: NeighbourhoodPlan | None
    dates: list[DateRow] = field(default_factory=list)


def area_url(area) -> str:
    return reverse("neighbourhoodplanning:area", args=[area.pk])


def latest_plan(area) -> NeighbourhoodPlan | None:
    return area.plans.order_by("-created_at", "-pk").first()


def register_rows(areas) -> list[RegisterRow]:
    rows = []
    for number, area in enumerate(areas, start=1):
        forum = current_forum(area)
        plan = latest_plan(area)
        body = (
            area.applicant.name
            if area.applicant.kind == "parish_council"
            else (forum.name if forum else "No designated forum yet")
        )
        rows.append(
            RegisterRow(
                number=number,
                area=area,
                url=area_url(area),
                qualifying_body=body,
                forum=forum,
                plan=plan,
                dates=plan_dates(plan) if plan else [],
            )
        )
    return rows


def register_map(authority_name: str, rows: list[RegisterRow]) -> str:
    """Designated areas, each numbered as in the table beside it."""
    return shaded_map(
        f"Map of the designated neighbourhood areas in {authority_name}, numbered as in the table",
        [
            Shaded(
                label=f"{row.number}. {row.area.name}",
                geometry=row.area.shape,
                href=row.url,
                fill=AREA_FILL,
                text=str(row.number),
                text_colour=TEXT_ON_FILL,
            )
            for row in rows
        ],
        modifier="neighbourhood-plans",
        path_attrs={"class_": "cw-map__area"},
    )


def area_map(area) -> str:
    return shaded_map(
        f"Map of the {area.name} neighbourhood area",
        [Shaded(area.name, area.shape, None, AREA_FILL, None, TEXT_ON_FILL)],
        modifier="neighbourhood-plans",
        path_attrs={"class_": "cw-map__area"},
    )


def application_dates(case) -> list[DateRow]:
    """An area or forum application's dates (the same regulations' clocks)."""
    rows = [DateRow("Received", case.received_on)]
    if case.first_publicised_on:
        rows += [
            DateRow("First publicised", case.first_publicised_on),
            DateRow(
                "Comments close",
                case.representations_close_on,
                "At least six weeks from first publicity.",
            ),
            DateRow(
                "Decision due by",
                case.decision_due_on,
                f"{case.decision_weeks} weeks from the day after first publicity.",
                unconfirmed=case.decision_weeks == stages.SINGLE_AUTHORITY_DECISION_WEEKS,
            ),
        ]
    if case.decided_on:
        rows.append(DateRow("Decided", case.decided_on))
    return rows


def forum_dates(forum) -> list[DateRow]:
    rows = application_dates(forum)
    if forum.designated_on:
        note = "The last day of five years beginning with the designation."
        if forum.expires_rule_c != forum.expires_rule_b:
            note += (
                f" The other month rule gives {forum.expires_rule_b:%-d %B %Y}"
                if forum.expires_on == forum.expires_rule_c
                else f" The other month rule gives {forum.expires_rule_c:%-d %B %Y}"
            ) + "."
        rows.append(DateRow("Designation ends", forum.expires_on, note, unconfirmed=True))
    return rows


def plan_dates(plan) -> list[DateRow]:
    rows = [
        DateRow("Consultation opened", plan.consultation_started_on),
        DateRow(
            "Consultation closes",
            plan.consultation_closes_on,
            "At least six weeks from first publicity.",
        ),
        DateRow("Consultation closed", plan.consultation_closed_on),
        DateRow("Submitted to the council", plan.submitted_on),
        DateRow("Council publicity opened", plan.publicity_started_on),
        DateRow(
            "Council publicity closes",
            plan.publicity_closes_on,
            "At least six weeks from first publicity.",
            unconfirmed=True,
        ),
        DateRow("Examination began", plan.examination_started_on),
        DateRow("Examiner's report received", plan.report_received_on),
    ]
    if plan.report_received_on:
        other = stages.examiner_decision_dates(plan.report_received_on)
        note = "Within five weeks of the report."
        if len(set(other.values())) > 1:
            alt = next(d for r, d in other.items() if r != readings().examiner_reading)
            note += f" On the other reading of “within” it is {alt:%-d %B %Y}."
        rows.append(DateRow("Decision due by", plan.decision_due_on, note, unconfirmed=True))
    rows.append(DateRow("Decision published", plan.decision_published_on))
    if plan.referendum_due_on:
        rows.append(
            DateRow(
                "Referendum to be held by",
                plan.referendum_due_on,
                "Working days beginning with the day after the decision.",
                unconfirmed=True,
            )
        )
        # NP-14: the information statement relative to the latest the poll can be.
        info = stages.information_statement_due(
            plan.referendum_due_on, business_referendum=plan.business_referendum
        )
        rows.append(
            DateRow(
                "Information statement by (for a poll on that last day)",
                info,
                "Some days may be ignored in this count.",
                unconfirmed=True,
            )
        )
    for referendum in plan.referendums.all():
        rows.append(
            DateRow(referendum.get_kind_display() + " held", referendum.held_on, referendum.reason)
        )
    if plan.make_due_on:
        rows.append(
            DateRow(
                "To be made by",
                plan.make_due_on,
                "Eight weeks beginning with the day after the referendum.",
                unconfirmed=True,
            )
        )
    rows.append(DateRow("Made", plan.made_on))
    return [row for row in rows if row.value]
