"""What the requests log holds about a person, for their download and their erasure."""

from django.db.models import Q


def _theirs(user):
    from commonweal.opendata.datarequests.models import DataRequest

    match = Q(requester=user)
    if getattr(user, "email", ""):
        match |= Q(requester_email__iexact=user.email)
    return DataRequest.objects.filter(match)


def personal_data(user) -> dict:
    requests = _theirs(user).select_related("body_council", "body_organisation")
    if not requests:
        return {}
    return {
        "data_requests": [
            {
                "subject": r.subject,
                "body": r.body_name,
                "received_on": r.received_on.isoformat(),
                "status": r.status,
                "requester_name": r.requester_name,
                "requester_email": r.requester_email,
                "name_shown_publicly": r.show_name,
            }
            for r in requests
        ]
    }


def erase_person(user) -> None:
    """The requests stay in the public log; who made them does not."""
    _theirs(user).update(requester_name="", requester_email="", requester=None, show_name=False)
