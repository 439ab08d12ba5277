"""What the right to challenge holds about a person, for their download and their erasure."""


def personal_data(user) -> dict:
    from commonweal.rights.challenge.models import ExpressionOfInterest

    mine = ExpressionOfInterest.objects.filter(submitted_by=user).select_related("service")
    return {
        "expressions_of_interest_submitted": [
            {
                "reference": e.reference,
                "service": e.service.name,
                "received_on": e.received_on.isoformat(),
                "status": e.status,
                "employee_names": e.employee_names,
            }
            for e in mine
        ]
    }


def erase_person(user) -> None:
    """Detach the person from what they submitted: the expression of interest is the body's
    (and, once decided, a public record), so it stays; status changes keep their attribution
    as the audit trail does."""
    from commonweal.rights.challenge.models import ExpressionOfInterest

    ExpressionOfInterest.objects.filter(submitted_by=user).update(submitted_by=None)
