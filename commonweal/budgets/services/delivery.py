"""Delivery: progress, spending and milestones of each funded project until complete."""

from decimal import Decimal, InvalidOperation

from django.db import transaction

from commonweal.budgets import phases
from commonweal.budgets.models import DeliveryStatus, DeliveryUpdate
from commonweal.budgets.services._common import check, require_phase
from commonweal.budgets.services.counting import latest_count
from commonweal.budgets.services.errors import BudgetsError
from commonweal.core import audit


def is_funded(idea) -> bool:
    count = latest_count(idea.pot)
    return count is not None and idea.project_id in count.selected


@transaction.atomic
def record_delivery(
    *, actor, idea, status: str, spent="0", milestone: str = "", note: str = ""
) -> DeliveryUpdate:
    require_phase(idea.process, phases.DELIVER)
    check(actor, "budgets.record_delivery", idea.process)
    if not is_funded(idea):
        raise BudgetsError("Only funded projects have delivery updates.", "idea")
    if status not in DeliveryStatus.values:
        raise BudgetsError("Choose the project's status.", "status")
    try:
        amount = Decimal(str(spent or "0").replace(",", "").replace("£", "").strip())
    except InvalidOperation:
        raise BudgetsError("Enter the amount spent so far in pounds, like 2500.", "spent") from None
    if not amount.is_finite() or amount < 0:
        raise BudgetsError("The amount spent cannot be negative.", "spent")
    update = DeliveryUpdate.objects.create(
        idea=idea,
        status=status,
        spent=amount,
        milestone=milestone.strip(),
        note=note.strip(),
        recorded_by=actor,
    )
    audit.record(
        "budgets.record_delivery",
        actor=actor,
        obj=idea,
        after={"status": status, "spent": str(amount), "milestone": update.milestone},
    )
    return update


def current_delivery(idea) -> DeliveryUpdate | None:
    return idea.delivery_updates.order_by("-recorded_at", "-id").first()
