"""The officers' deadlines: every statutory date still to be met, due this week or overdue."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from commonweal.rights.planning.models import (
    AreaStatus,
    ForumStatus,
    NeighbourhoodArea,
    NeighbourhoodForum,
    NeighbourhoodPlan,
    PlanStage,
)

WEEK_DAYS = 7
# A forum's designation shows as a deadline this long before it ends, so a new application
# can be made in time.
EXPIRY_NOTICE_DAYS = 183


@dataclass(frozen=True)
class Deadline:
    what: str
    case: str
    url: str
    due_on: dt.date | None
    rule: str
    bucket: str = ""
    note: str = ""


def _bucket(due_on, today) -> str:
    if due_on is None:
        return "no-date"
    if due_on < today:
        return "overdue"
    if due_on <= today + dt.timedelta(days=WEEK_DAYS - 1):
        return "this-week"
    return "later"


def _scoped(queryset, authorities):
    return queryset if authorities is None else queryset.filter(authority_id__in=authorities)


def _areas(authorities):
    for area in _scoped(NeighbourhoodArea.objects.undecided(), authorities).select_related(
        "applicant"
    ):
        url = reverse("neighbourhoodplanning:area_case", args=[area.pk])
        if area.must_designate_reason:
            yield Deadline(
                "Designate the whole-parish area",
                area.name,
                url,
                None,
                "NP-02",
                note="As soon as possible; no fixed date found.",
            )
        elif area.status == AreaStatus.RECEIVED:
            yield Deadline(
                "Publicise the area application",
                area.name,
                url,
                None,
                "NP-03",
                note="As soon as possible.",
            )
        else:
            yield Deadline(
                "Decide the area application",
                area.name,
                url,
                area.decision_due_on,
                "NP-04",
                note=f"{area.decision_weeks} weeks from the day after first publicity.",
            )


def _forums(authorities, today):
    forums = _scoped(NeighbourhoodForum.objects.all(), authorities).filter(
        status__in=(ForumStatus.RECEIVED, ForumStatus.PUBLICISED, ForumStatus.DESIGNATED)
    )
    for forum in forums.select_related("area"):
        url = reverse("neighbourhoodplanning:forum_case", args=[forum.pk])
        if forum.status == ForumStatus.RECEIVED:
            yield Deadline(
                "Publicise the forum application",
                forum.name,
                url,
                None,
                "NP-08",
                note="As soon as possible.",
            )
        elif forum.status == ForumStatus.PUBLICISED:
            yield Deadline(
                "Decide the forum application", forum.name, url, forum.decision_due_on, "NP-09"
            )
        elif forum.expires_on <= today + dt.timedelta(days=EXPIRY_NOTICE_DAYS):
            yield Deadline(
                "Forum designation ends",
                forum.name,
                url,
                forum.expires_on,
                "NP-06",
                note="The last day of the designation.",
            )


PLAN_DATES = {
    PlanStage.CONSULTATION: (
        "Pre-submission consultation closes",
        "consultation_closes_on",
        "NP-10",
    ),
    PlanStage.PUBLICITY: ("Council publicity closes", "publicity_closes_on", "NP-11"),
    PlanStage.REPORTED: ("Decide on the examiner's report", "decision_due_on", "NP-12"),
    PlanStage.REFERENDUM: ("Hold the referendum", "referendum_due_on", "NP-13"),
    PlanStage.APPROVED: ("Make the plan", "make_due_on", "NP-15"),
}


def _plans(authorities):
    plans = _scoped(NeighbourhoodPlan.objects.in_progress(), authorities)
    for plan in plans.filter(stage__in=PLAN_DATES):
        what, field, rule = PLAN_DATES[plan.stage]
        url = reverse("neighbourhoodplanning:plan", args=[plan.pk])
        due_on = getattr(plan, field)
        note = ""
        if plan.stage in (PlanStage.CONSULTATION, PlanStage.PUBLICITY):
            # The closing date is the earliest the stage may be closed, not a date to beat.
            note = "The stage may be recorded as closed from this date."
        yield Deadline(what, plan.title, url, due_on, rule, note=note)


def deadlines_for(authorities, today: dt.date) -> dict[str, list[Deadline]]:
    """Every deadline in the authorities (None: all), by bucket, soonest first."""
    found = [*_areas(authorities), *_forums(authorities, today), *_plans(authorities)]
    buckets = {"overdue": [], "this-week": [], "later": [], "no-date": []}
    for item in found:
        bucket = _bucket(item.due_on, today)
        buckets[bucket].append(
            Deadline(item.what, item.case, item.url, item.due_on, item.rule, bucket, item.note)
        )
    for items in buckets.values():
        items.sort(key=lambda d: (d.due_on or dt.date.max, d.case))
    return buckets
