"""What asset transfer holds about a person, for their download and their erasure."""


def personal_data(user) -> dict:
    from commonweal.rights.transfer.models import TransferRequest

    mine = TransferRequest.objects.filter(created_by=user).select_related("offer")
    return {
        "asset_transfer_requests_made": [
            {"reference": r.reference, "asset": r.offer.title, "status": r.status} for r in mine
        ]
    }


def erase_person(user) -> None:
    """Detach the person from the requests they made: each request is its groups'."""
    from commonweal.rights.transfer.models import TransferRequest

    TransferRequest.objects.filter(created_by=user).update(created_by=None)
