"""Writes to the requests log: atomic, attributed, audited; requesters' details kept private."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.core.permissions import can
from commonweal.opendata.datarequests.models import CLOSED, DataRequest, Status, StatusChange


class RequestError(Exception):
    """Details we cannot accept, one plain reason per field; nothing was saved."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        self.field, self.reason = next(iter(errors.items()))
        super().__init__(self.reason)


def _check(actor, permission: str, obj) -> None:
    if actor is not None and not can(actor, permission, obj):
        raise PermissionDenied(f"You do not have permission to do this ({permission}).")


def _person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def summary(request: DataRequest) -> dict:
    # No names or email addresses: audit rows outlive an erasure's reach otherwise.
    return {
        "subject": request.subject,
        "body": request.body_name,
        "status": request.status,
        "received_on": request.received_on.isoformat(),
        "answered_on": request.answered_on.isoformat() if request.answered_on else None,
    }


def _validate_body(council, organisation, authority, errors) -> None:
    if bool(council) == bool(organisation):
        errors["body"] = "Choose one public body: the council or an organisation."
    elif council and council.pk != authority.pk:
        errors["body"] = "The council asked must be the council whose log this is."


@transaction.atomic
def record_request(
    *,
    actor,
    authority,
    subject: str,
    received_on: dt.date,
    body_council=None,
    body_organisation=None,
    details: str = "",
    requester_name: str = "",
    requester_email: str = "",
    requester=None,
    show_name: bool = False,
    is_sample: bool = False,
) -> DataRequest:
    _check(actor, "datarequests.add_request", authority)
    errors: dict[str, str] = {}
    subject = (subject or "").strip()
    if not subject:
        errors["subject"] = "Say what data was asked for."
    _validate_body(body_council, body_organisation, authority, errors)
    if received_on is None:
        errors["received_on"] = "Enter the date the request was received."
    elif received_on > timezone.localdate():
        errors["received_on"] = "The date received cannot be in the future."
    if requester_email:
        try:
            validate_email(requester_email.strip())
        except ValidationError:
            errors["requester_email"] = "Enter an email address like name@example.org."
    if show_name and not (requester_name or "").strip():
        errors["show_name"] = "There is no name to show: enter the requester's name."
    if errors:
        raise RequestError(errors)
    request = DataRequest.objects.create(
        authority=authority,
        body_council=body_council,
        body_organisation=body_organisation,
        subject=subject,
        details=(details or "").strip(),
        received_on=received_on,
        requester_name=(requester_name or "").strip(),
        requester_email=(requester_email or "").strip(),
        requester=requester,
        show_name=show_name,
        target_working_days=settings.DATA_REQUESTS_TARGET_WORKING_DAYS,
        is_sample=is_sample,
        created_by=_person(actor),
    )
    StatusChange.objects.create(
        request=request,
        status=Status.RECEIVED,
        changed_by=_person(actor),
        changed_at=timezone.now(),
    )
    audit.record("datarequests.recorded", actor=actor, obj=request, after=summary(request))
    return request


@transaction.atomic
def set_outcome(
    *,
    actor,
    request: DataRequest,
    status: str,
    answered_on: dt.date,
    answer: str = "",
    refusal_reason: str = "",
    dataset_url: str = "",
    dataset=None,
) -> DataRequest:
    """Answer, refuse (with the reason) or record the dataset published."""
    _check(actor, "datarequests.change_request", request)
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    errors: dict[str, str] = {}
    if status not in CLOSED:
        errors["status"] = "Choose answered, refused or dataset published."
    if answered_on is None:
        errors["answered_on"] = "Enter the date of the answer."
    elif answered_on < request.received_on:
        errors["answered_on"] = "The answer cannot come before the request was received."
    elif answered_on > timezone.localdate():
        errors["answered_on"] = "The date of the answer cannot be in the future."
    if status == Status.REFUSED and not (refusal_reason or "").strip():
        errors["refusal_reason"] = "Give the reason the request was refused."
    if status == Status.PUBLISHED and not (dataset_url or dataset):
        errors["dataset_url"] = "Give the address of the dataset published, or choose one of ours."
    if status == request.status:
        errors.setdefault(
            "status", f"The request is already {request.get_status_display().lower()}."
        )
    if errors:
        raise RequestError(errors)
    before = summary(request)
    request.status = status
    request.answered_on = answered_on
    request.answer = (answer or "").strip()
    request.refusal_reason = (refusal_reason or "").strip() if status == Status.REFUSED else ""
    request.dataset_url = dataset_url or ""
    request.dataset = dataset
    request.save()
    note = request.refusal_reason or request.answer or request.dataset_url
    StatusChange.objects.create(
        request=request,
        status=status,
        note=note,
        changed_by=_person(actor),
        changed_at=timezone.now(),
    )
    audit.record(
        "datarequests.outcome", actor=actor, obj=request, before=before, after=summary(request)
    )
    return request
