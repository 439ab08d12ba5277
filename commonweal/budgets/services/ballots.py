"""Casting a ballot online (one per voter, changeable until the close) and reading it."""

from django.db import transaction
from django.utils import timezone

from commonweal.budgets import ballot_rules, phases
from commonweal.budgets.models import Ballot, BallotChoice, Channel, Idea
from commonweal.budgets.services._common import check, require_phase
from commonweal.budgets.services.eligibility import check_eligibility
from commonweal.budgets.services.errors import BudgetsError, PhaseClosed
from commonweal.core import audit


def ballot_projects(pot) -> list[Idea]:
    return list(pot.ideas.on_ballot().order_by("id"))


def check_choices(pot, choices: dict[str, int]) -> None:
    """Raise BudgetsError (field "choices") unless the choices make a valid ballot."""
    costs = {str(idea.pk): idea.cost for idea in ballot_projects(pot)}
    found = ballot_rules.problems(pot.process.limits(pot), choices, costs)
    if found:
        raise BudgetsError(found[0], "choices", errors={"choices": " ".join(found)})


def require_open(process) -> None:
    require_phase(process, phases.VOTE)
    if process.voting_closed:
        raise PhaseClosed("Voting has closed. Ballots can no longer be cast or changed.")


def own_ballot(pot, user) -> Ballot | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return pot.ballots.filter(voter_key=f"user:{user.pk}").first()


def choices_of(ballot: Ballot | None) -> dict[str, int]:
    if ballot is None:
        return {}
    return {str(c.idea_id): c.value for c in ballot.choices.all()}


def _write_choices(ballot: Ballot, choices: dict[str, int]) -> None:
    ballot.choices.all().delete()
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=ballot, idea_id=int(pk), value=value)
        for pk, value in choices.items()
        if value
    )


@transaction.atomic
def cast_ballot(
    *,
    actor,
    pot,
    choices: dict[str, int],
    postcode: str,
    date_of_birth=None,
    age_declared: bool = False,
    access_code: str = "",
) -> Ballot:
    """The voter's ballot for the pot, replacing any earlier one while voting is open."""
    process = pot.process
    require_open(process)
    check(actor, "budgets.vote", process)
    check_eligibility(
        pot,
        postcode=postcode,
        date_of_birth=date_of_birth,
        age_declared=age_declared,
        access_code=access_code,
    )
    choices = {str(k): int(v) for k, v in choices.items() if int(v)}
    check_choices(pot, choices)
    ballot, created = Ballot.objects.select_for_update().get_or_create(
        pot=pot,
        voter_key=f"user:{actor.pk}",
        defaults={"voter": actor, "channel": Channel.ONLINE},
    )
    if not created:
        ballot.changed_at = timezone.now()
        ballot.save(update_fields=["changed_at"])
    _write_choices(ballot, choices)
    # Who voted is recorded; how they voted is not (the audit trail is not the ballot box).
    audit.record(
        "budgets.cast_ballot" if created else "budgets.change_ballot",
        actor=actor,
        obj=pot,
        after={"ballot": ballot.pk},
    )
    return ballot
