"""Activities: what a group does or offers, published with its entry (and as Open
Referral UK services)."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from commonweal.core import audit
from commonweal.directory.models import Activity, Organisation
from commonweal.directory.services._common import check
from commonweal.directory.services.errors import DirectoryInvalid

ACTIVITY_FIELDS = ("name", "description", "schedule", "postcode", "url", "email")
LIMITS = {"name": 200, "schedule": 200}


def clean_activity(details: dict, *, authority=None) -> dict:
    """Check an activity's details; raise DirectoryInvalid with every problem at once.

    With an authority, the postcode must be in it (the borough the group belongs to)."""
    from commonweal.places import services as places

    unknown = set(details) - set(ACTIVITY_FIELDS)
    if unknown:
        raise DirectoryInvalid({sorted(unknown)[0]: "This is not a detail you can set."})
    cleaned = {key: ("" if value is None else str(value).strip()) for key, value in details.items()}
    errors: dict[str, str] = {}
    if "name" in cleaned:
        cleaned["name"] = " ".join(cleaned["name"].split())
        if not cleaned["name"]:
            errors["name"] = "Enter the name of the activity."
    for field, limit in LIMITS.items():
        if len(cleaned.get(field, "")) > limit:
            errors[field] = f"This must be {limit} characters or fewer."
    if cleaned.get("postcode"):
        try:
            found = places.lookup_postcode(cleaned["postcode"])
        except places.PlacesError as exc:
            errors["postcode"] = str(exc)
        else:
            cleaned["postcode"] = found.postcode.postcode
            if authority is not None and found.postcode.authority_code != authority.gss_code:
                errors["postcode"] = f"{found.postcode.postcode} is not in {authority.name}."
    if cleaned.get("url"):
        if not cleaned["url"].startswith(("https://", "http://")):
            cleaned["url"] = "https://" + cleaned["url"]
        try:
            URLValidator()(cleaned["url"])
        except ValidationError:
            errors["url"] = "Enter a web address like https://example.org/activity."
    if cleaned.get("email"):
        try:
            validate_email(cleaned["email"])
        except ValidationError:
            errors["email"] = "Enter an email address like name@example.org."
    if errors:
        raise DirectoryInvalid(errors)
    return cleaned


def _snapshot(activity: Activity) -> dict:
    return {name: getattr(activity, name) for name in ACTIVITY_FIELDS}


def create_activity(*, actor, organisation: Organisation, **details) -> Activity:
    check(actor, "directory.change_organisation", organisation)
    cleaned = clean_activity({"name": "", **details}, authority=organisation.authority)
    with transaction.atomic():
        activity = Activity.objects.create(organisation=organisation, **cleaned)
        audit.record(
            "directory.activity_added",
            actor=actor,
            obj=organisation,
            after={"activity": activity.pk, **_snapshot(activity)},
        )
    return activity


def update_activity(*, actor, activity: Activity, **changes) -> Activity:
    organisation = activity.organisation
    check(actor, "directory.change_organisation", organisation)
    cleaned = clean_activity(changes, authority=organisation.authority)
    with transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=activity.pk)
        before = _snapshot(activity)
        for field, value in cleaned.items():
            setattr(activity, field, value)
        after = _snapshot(activity)
        changed = {key: value for key, value in after.items() if before[key] != value}
        if changed:
            activity.save()
            audit.record(
                "directory.activity_changed",
                actor=actor,
                obj=organisation,
                before={"activity": activity.pk, **{key: before[key] for key in changed}},
                after={"activity": activity.pk, **changed},
            )
    return activity


def delete_activity(*, actor, activity: Activity) -> None:
    organisation = activity.organisation
    check(actor, "directory.change_organisation", organisation)
    with transaction.atomic():
        before = {"activity": activity.pk, **_snapshot(activity)}
        activity.delete()
        audit.record("directory.activity_removed", actor=actor, obj=organisation, before=before)
