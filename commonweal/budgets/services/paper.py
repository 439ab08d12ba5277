"""Paper ballots from in-person voting: typed in twice, by two different people.

The first entry waits; a second person types the same serial number's choices and, only if
both agree exactly, the ballot is confirmed and counted. A mismatch is recorded and refused;
the paper is then entered afresh. Every paper ballot stays traceable to its location.
"""

from django.db import transaction
from django.utils import timezone

from commonweal.budgets import phases
from commonweal.budgets.models import Ballot, Channel, PaperEntry, PaperEntryStatus, VotingLocation
from commonweal.budgets.services._common import check, require_phase
from commonweal.budgets.services.ballots import _write_choices, check_choices
from commonweal.budgets.services.errors import BudgetsError
from commonweal.core import audit


@transaction.atomic
def add_location(*, actor, process, name: str) -> VotingLocation:
    if not name.strip():
        raise BudgetsError("Enter the name of the place where people vote.", "name")
    check(actor, "budgets.change_process", process)
    location = VotingLocation.objects.create(process=process, name=name.strip())
    audit.record("budgets.add_location", actor=actor, obj=location)
    return location


@transaction.atomic
def enter_paper_ballot(*, actor, pot, location, serial: str, choices: dict[str, int]) -> PaperEntry:
    """First or second entry of one paper ballot. Returns the entry; its status says
    whether it awaits a second person, was confirmed, or was refused as a mismatch."""
    require_phase(pot.process, phases.PAPER)
    check(actor, "budgets.enter_paper_ballot", pot.process)
    if location.process_id != pot.process_id:
        raise BudgetsError("Choose a voting location of this process.", "location")
    serial = serial.strip()
    if not serial:
        raise BudgetsError("Enter the serial number printed on the ballot paper.", "serial")
    choices = {str(k): int(v) for k, v in choices.items() if int(v)}
    check_choices(pot, choices)
    entries = PaperEntry.objects.select_for_update().filter(
        pot=pot, location=location, serial=serial
    )
    if entries.filter(status=PaperEntryStatus.CONFIRMED).exists():
        raise BudgetsError(f"Ballot {serial} from {location} has already been confirmed.", "serial")
    waiting = entries.filter(status=PaperEntryStatus.AWAITING).first()
    if waiting is None:
        entry = PaperEntry.objects.create(
            pot=pot, location=location, serial=serial, choices=choices, entered_by=actor
        )
        audit.record("budgets.paper_first_entry", actor=actor, obj=entry)
        return entry
    if waiting.entered_by_id == actor.pk:
        raise BudgetsError(
            "You entered this ballot first; a second person must confirm it.", "serial"
        )
    waiting.checked_by = actor
    waiting.checked_at = timezone.now()
    if waiting.choices != choices:
        waiting.status = PaperEntryStatus.MISMATCH
        waiting.save(update_fields=["status", "checked_by", "checked_at"])
        audit.record("budgets.paper_mismatch", actor=actor, obj=waiting)
        return waiting
    ballot = Ballot.objects.create(
        pot=pot,
        voter_key=f"paper:{location.pk}:{serial}",
        channel=Channel.PAPER,
        location=location,
    )
    _write_choices(ballot, choices)
    waiting.status = PaperEntryStatus.CONFIRMED
    waiting.ballot = ballot
    waiting.save(update_fields=["status", "checked_by", "checked_at", "ballot"])
    audit.record("budgets.paper_confirmed", actor=actor, obj=waiting, after={"ballot": ballot.pk})
    return waiting


def tallies(process) -> list[dict]:
    """Ballots per voting location and channel, so every tally can be traced."""
    from django.db.models import Count

    rows = (
        Ballot.objects.filter(pot__process=process)
        .values("pot__name", "channel", "location__name")
        .annotate(ballots=Count("id"))
        .order_by("pot__name", "channel", "location__name")
    )
    waiting = (
        PaperEntry.objects.filter(pot__process=process, status=PaperEntryStatus.AWAITING)
        .values("location__name")
        .annotate(n=Count("id"))
    )
    awaiting = {row["location__name"]: row["n"] for row in waiting}
    return [
        {
            "pot": row["pot__name"],
            "channel": Channel(row["channel"]).label,
            "location": row["location__name"] or "Online",
            "ballots": row["ballots"],
            "awaiting": awaiting.get(row["location__name"], 0) if row["location__name"] else 0,
        }
        for row in rows
    ]


def project_tallies(process) -> list[dict]:
    """For each pot and location (online included), how many ballots chose each project."""
    from django.db.models import Count

    from commonweal.budgets.models import BallotChoice

    rows = (
        BallotChoice.objects.filter(ballot__pot__process=process)
        .values("ballot__pot__name", "ballot__location__name", "idea__title")
        .annotate(ballots=Count("id"))
        .order_by("ballot__pot__name", "ballot__location__name", "idea__title")
    )
    return [
        {
            "pot": row["ballot__pot__name"],
            "location": row["ballot__location__name"] or "Online",
            "project": row["idea__title"],
            "ballots": row["ballots"],
        }
        for row in rows
    ]
