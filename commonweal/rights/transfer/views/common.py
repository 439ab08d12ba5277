"""What asset transfer's pages share."""

from django.conf import settings
from django.urls import reverse

from commonweal.rights.transfer.services import TransferError


def crumbs(*trail: tuple[str, str | None]) -> list[dict]:
    found = [
        {"label": "Home", "href": "/"},
        {"label": "Community asset transfer", "href": reverse("assettransfer:index")},
    ]
    found.extend({"label": label, "href": href} for label, href in trail)
    return found


def add_service_error(form, error: TransferError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.reason)


def person_label(user) -> str:
    if user is None:
        return "the system"
    return user.display_name or "a council officer"


def consent_threshold() -> int:
    return getattr(settings, "ASSET_TRANSFER_CONSENT_THRESHOLD", 2_000_000)
