"""What the right to challenge's pages share."""

from django.urls import reverse

from commonweal.rights.challenge import config
from commonweal.rights.challenge.services import ChallengeInvalid


def crumbs(*trail: tuple[str, str | None]) -> list[dict]:
    found = [
        {"label": "Home", "href": "/"},
        {"label": "Right to challenge", "href": reverse("challenge:index")},
    ]
    found.extend({"label": label, "href": href} for label, href in trail)
    return found


def add_service_error(form, error) -> None:
    """Put a service's refusal on the field it names, or at the top of the form."""
    errors = error.errors if isinstance(error, ChallengeInvalid) else {error.field: error.reason}
    for field, message in errors.items():
        form.add_error(field if field in form.fields else None, message)


def person_label(user) -> str:
    if user is None:
        return "the system"
    return user.display_name or "a council officer"


def unconfirmed_context() -> dict:
    return {"unconfirmed": config.unconfirmed()}
