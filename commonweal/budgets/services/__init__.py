"""The budgets services: every write to a process goes through one of these."""

from commonweal.budgets.services.ballots import (
    ballot_projects,
    cast_ballot,
    check_choices,
    choices_of,
    own_ballot,
)
from commonweal.budgets.services.counting import build_election, count_pot, latest_count, pb_text
from commonweal.budgets.services.delivery import current_delivery, is_funded, record_delivery
from commonweal.budgets.services.eligibility import check_eligibility
from commonweal.budgets.services.errors import BudgetsError, PhaseClosed
from commonweal.budgets.services.exchange import import_election
from commonweal.budgets.services.ideas import (
    assess_idea,
    comment_on_idea,
    merge_ideas,
    propose_idea,
    reject_idea,
    support_idea,
)
from commonweal.budgets.services.paper import (
    add_location,
    enter_paper_ballot,
    project_tallies,
    tallies,
)
from commonweal.budgets.services.processes import add_pot, advance_phase, create_process

__all__ = [
    "BudgetsError",
    "PhaseClosed",
    "add_location",
    "add_pot",
    "advance_phase",
    "assess_idea",
    "ballot_projects",
    "build_election",
    "cast_ballot",
    "check_choices",
    "check_eligibility",
    "choices_of",
    "comment_on_idea",
    "count_pot",
    "create_process",
    "current_delivery",
    "enter_paper_ballot",
    "import_election",
    "is_funded",
    "latest_count",
    "merge_ideas",
    "own_ballot",
    "pb_text",
    "project_tallies",
    "propose_idea",
    "record_delivery",
    "reject_idea",
    "support_idea",
    "tallies",
]
