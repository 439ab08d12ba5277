"""Creating and changing organisations: details, workforce and money, classification."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from commonweal.core import audit
from commonweal.directory.engine.classification import classify
from commonweal.directory.models import (
    ClassificationChoice,
    GroupRole,
    Membership,
    Organisation,
    StatusChange,
    VerificationStatus,
)
from commonweal.directory.services._common import check, forget_roles, person
from commonweal.directory.services.details import DETAIL_FIELDS, clean_details
from commonweal.directory.services.errors import DirectoryError


def snapshot(organisation: Organisation) -> dict:
    values = {name: getattr(organisation, name) for name in DETAIL_FIELDS}
    for name in ("paid_staff_fte", "annual_income", "contract_income_share"):
        if values[name] is not None:
            values[name] = str(values[name])
    values["status"] = organisation.status
    values["classification"] = organisation.classification
    return values


# The first words of the directory's fixed paths (/groups/new/, /groups/coverage/ …): a
# group called "New" gets the slug "new-2", so its page never hides one of them.
RESERVED_SLUGS = frozenset(
    {
        "new",
        "officer",
        "code-of-conduct",
        "interests",
        "coverage",
        "network",
        "consortia",
        "openreferral",
        "export",
    }
)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, number = base, 2
    while slug in RESERVED_SLUGS or Organisation.records.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def refresh_classification(organisation: Organisation) -> None:
    result = classify(organisation.workforce())
    organisation.computed_classification = result.classification.value
    organisation.computed_reason = result.reason
    organisation.computed_rule = result.rule


def register_organisation(
    *, actor, authority, name: str, kind: str, is_sample: bool = False, **details
) -> Organisation:
    """A new entry, unverified until an officer checks it. Its creator becomes its leader."""
    check(actor, "directory.add_organisation")
    if authority is None or authority.area_type != "lad":
        raise DirectoryError("Choose the borough the organisation is in.", "authority")
    cleaned = clean_details({"name": name, "kind": kind, **details}, authority=authority)
    with transaction.atomic():
        organisation = Organisation(
            authority=authority,
            slug=_unique_slug(cleaned["name"]),
            created_by=person(actor),
            is_sample=is_sample,
            **cleaned,
        )
        refresh_classification(organisation)
        organisation.save()
        now = timezone.now()
        StatusChange.objects.create(
            organisation=organisation,
            status=VerificationStatus.UNVERIFIED,
            reason="Registered",
            changed_by=person(actor),
            changed_at=now,
        )
        if person(actor) is not None:
            Membership.objects.create(
                organisation=organisation, user=actor, role=GroupRole.LEADER, joined_at=now
            )
            forget_roles(actor)
        audit.record(
            "directory.organisation_registered",
            actor=actor,
            obj=organisation,
            after=snapshot(organisation),
        )
    return organisation


def update_organisation(*, actor, organisation: Organisation, **changes) -> Organisation:
    check(actor, "directory.change_organisation", organisation)
    cleaned = clean_details(changes, authority=organisation.authority)
    with transaction.atomic():
        organisation = Organisation.records.select_for_update().get(pk=organisation.pk)
        before = snapshot(organisation)
        for field, value in cleaned.items():
            setattr(organisation, field, value)
        refresh_classification(organisation)
        organisation.save()
        after = snapshot(organisation)
        if before != after:
            changed = {k: v for k, v in after.items() if before.get(k) != v}
            audit.record(
                "directory.organisation_updated",
                actor=actor,
                obj=organisation,
                before={k: before.get(k) for k in changed},
                after=changed,
            )
    return organisation


def override_classification(
    *, actor, organisation: Organisation, classification: str, justification: str
) -> Organisation:
    """An officer decides the classification, with a recorded justification."""
    check(actor, "directory.override_classification", organisation)
    justification = (justification or "").strip()
    if classification not in (ClassificationChoice.COMMUNITY_LED, ClassificationChoice.PROVIDER):
        raise DirectoryError("Choose community-led or service provider.", "classification")
    if len(justification) < 10:
        raise DirectoryError(
            "Say why the classification should be overridden (at least 10 characters).",
            "justification",
        )
    with transaction.atomic():
        organisation = Organisation.records.select_for_update().get(pk=organisation.pk)
        before = _classification_state(organisation)
        organisation.classification_override = classification
        organisation.override_justification = justification
        organisation.override_by = person(actor)
        organisation.override_at = timezone.now()
        organisation.save()
        audit.record(
            "directory.classification_overridden",
            actor=actor,
            obj=organisation,
            before=before,
            after=_classification_state(organisation),
        )
    return organisation


def clear_override(*, actor, organisation: Organisation, reason: str) -> Organisation:
    """Undo an override: the computed classification applies again."""
    check(actor, "directory.override_classification", organisation)
    reason = (reason or "").strip()
    if not reason:
        raise DirectoryError("Say why the override is being removed.", "reason")
    with transaction.atomic():
        organisation = Organisation.records.select_for_update().get(pk=organisation.pk)
        if not organisation.classification_override:
            raise DirectoryError("The classification is not overridden.", "classification")
        before = _classification_state(organisation)
        organisation.classification_override = ""
        organisation.override_justification = ""
        organisation.override_by = None
        organisation.override_at = None
        organisation.save()
        audit.record(
            "directory.classification_override_removed",
            actor=actor,
            obj=organisation,
            before=before,
            after={**_classification_state(organisation), "reason": reason},
        )
    return organisation


def _classification_state(organisation: Organisation) -> dict:
    return {
        "computed": organisation.computed_classification,
        "override": organisation.classification_override or None,
        "justification": organisation.override_justification or None,
        "effective": organisation.classification,
    }


def _set_status(*, actor, organisation, status: str, reason: str, action: str) -> Organisation:
    check(actor, "directory.verify_organisation", organisation)
    with transaction.atomic():
        organisation = Organisation.records.select_for_update().get(pk=organisation.pk)
        before = organisation.status
        if before == status:
            raise DirectoryError(
                f"{organisation.name} is already {VerificationStatus(status).label.lower()}."
            )
        organisation.status = status
        organisation.save(update_fields=["status", "updated_at"])
        StatusChange.objects.create(
            organisation=organisation,
            status=status,
            reason=reason,
            changed_by=person(actor),
            changed_at=timezone.now(),
        )
        audit.record(
            action,
            actor=actor,
            obj=organisation,
            before={"status": before},
            after={"status": status, "reason": reason},
        )
    return organisation


def verify_organisation(*, actor, organisation: Organisation, note: str = "") -> Organisation:
    return _set_status(
        actor=actor,
        organisation=organisation,
        status=VerificationStatus.VERIFIED,
        reason=(note or "").strip() or "Checked by an officer",
        action="directory.organisation_verified",
    )


def withdraw_organisation(*, actor, organisation: Organisation, reason: str) -> Organisation:
    reason = (reason or "").strip()
    if not reason:
        raise DirectoryError("Say why the entry is being withdrawn.", "reason")
    return _set_status(
        actor=actor,
        organisation=organisation,
        status=VerificationStatus.WITHDRAWN,
        reason=reason,
        action="directory.organisation_withdrawn",
    )
