"""Receiving a community nomination (s.89; ACV-04 to ACV-06).

A nomination is accepted only complete and from an eligible body with a local connection;
anything else is refused with every missing item and problem listed, and nothing is saved.
"""

import datetime as dt

import shapely
from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.directory.models import Organisation, OrganisationKind
from commonweal.places import services as places
from commonweal.places.models import Area, AreaType
from commonweal.rights.calendar.acv_casework import decision_due
from commonweal.rights.calendar.nominators import (
    Nominator,
    missing_contents,
    nominator_eligibility,
)
from commonweal.rights.models import CaseStatus, CaseStatusChange, Nomination
from commonweal.rights.services._common import check, person, today
from commonweal.rights.services.eligibility import body_kind_for, local_connection
from commonweal.rights.services.errors import NominationRefused, RightsError

TEXT_FIELDS = (
    "name",
    "address",
    "description",
    "occupiers",
    "owners",
    "reasons",
    "eligibility_evidence",
)


def snapshot(nomination: Nomination) -> dict:
    return {
        "reference": nomination.reference,
        "name": nomination.name,
        "nominator": nomination.nominator_id,
        "nominator_kind": nomination.nominator_kind,
        "status": nomination.status,
        "received_on": nomination.received_on.isoformat(),
        "decided_on": nomination.decided_on.isoformat() if nomination.decided_on else None,
    }


def _reference(authority: Area, received: dt.date) -> str:
    prefix = f"ACV-{received.year}-"
    number = Nomination.objects.filter(reference__startswith=prefix).count() + 1
    while Nomination.objects.filter(reference=f"{prefix}{number:04d}").exists():
        number += 1
    return f"{prefix}{number:04d}"


def _boundary(authority: Area, text: str, errors: dict) -> shapely.Geometry | None:
    if not (text or "").strip():
        return None
    try:
        shape = places.parse_boundary(text)
        places.check_inside_authority(authority, shape)
    except places.NeighbourhoodInvalid as exc:
        errors["boundary"] = exc.reason
        return None
    return shape


def submit_nomination(
    *,
    actor,
    authority: Area,
    nominator: Organisation,
    boundary_geojson: str,
    local_members: int | None = None,
    distributes_surplus: bool = False,
    is_credit_union: bool = False,
    parish: Organisation | None = None,
    owner_user=None,
    received_on: dt.date | None = None,
    postcode: str = "",
    is_sample: bool = False,
    **contents,
) -> Nomination:
    """Record a complete, eligible nomination as received; refuse anything else."""
    check(actor, "rights.nominate", nominator)
    if authority is None or authority.area_type != AreaType.LOCAL_AUTHORITY:
        raise RightsError("Choose the council the land is in.", "authority")
    cleaned = {name: (contents.get(name) or "").strip() for name in TEXT_FIELDS}
    unknown = set(contents) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"unexpected nomination fields: {sorted(unknown)}")
    errors: dict[str, str] = {}
    if not cleaned["name"]:
        errors["name"] = "Say what the land is called (for example, the pub's name)."
    shape = _boundary(authority, boundary_geojson, errors)
    present = {**cleaned, "boundary": shape if "boundary" not in errors else "invalid"}
    for field, description in missing_contents(present):
        errors.setdefault(field, f"The nomination must include {description}.")
    kind = body_kind_for(nominator)
    land = shape if shape is not None else None
    connection = local_connection(nominator, authority, land) if land is not None else None
    eligibility = nominator_eligibility(
        Nominator(
            kind=kind,
            local_members=local_members,
            distributes_surplus=distributes_surplus,
            is_credit_union=is_credit_union,
            local_activities=connection.connected if connection is not None else True,
        )
    )
    if not eligibility.eligible:
        reasons = list(eligibility.reasons)
        if connection is not None and not connection.connected:
            reasons.append(connection.explanation)
        errors["nominator"] = " ".join(reasons)
    if parish is not None and parish.kind != OrganisationKind.PARISH_COUNCIL:
        errors["parish"] = f"{parish.name} is not a parish or town council."
    received = received_on or today()
    if received > today():
        errors["received_on"] = "The date received cannot be in the future."
    if errors:
        raise NominationRefused(errors)
    with transaction.atomic():
        nomination = Nomination(
            reference=_reference(authority, received),
            authority=authority,
            nominator=nominator,
            nominator_kind=kind.value,
            local_members=local_members,
            distributes_surplus=distributes_surplus,
            local_connection=connection.explanation,
            boundary=shapely.to_wkb(shape),
            postcode=(postcode or "").strip().upper()[:8],
            parish=parish,
            owner_user=owner_user,
            received_on=received,
            # Complete on receipt: an incomplete nomination is refused, never stored.
            completed_on=received,
            status=CaseStatus.RECEIVED,
            is_sample=is_sample,
            created_by=person(actor),
            **cleaned,
        )
        nomination.save()
        CaseStatusChange.objects.create(
            nomination=nomination,
            status=CaseStatus.RECEIVED,
            effective_on=received,
            reason="Complete nomination received from " + nominator.name,
            changed_by=person(actor),
            changed_at=timezone.now(),
        )
        audit.record(
            "rights.nomination_received", actor=actor, obj=nomination, after=snapshot(nomination)
        )
        _considering_notices(nomination, actor)
    return nomination


def _considering_notices(nomination: Nomination, actor) -> None:
    """Reg 8: while the nomination is considered, the owner, the occupier (and, by local
    practice, the parish council) are told. The exact recipients in reg 8 were not seen (U5)."""
    from commonweal.rights.models import NoticeKind, Recipient
    from commonweal.rights.services import notices

    due = decision_due(nomination.received_on).target
    notices.issue(
        nomination,
        NoticeKind.CONSIDERING,
        actor=actor,
        issued_on=nomination.received_on,
        title="Notice that the council is considering listing land as an asset of community value",
        paragraphs=[
            notices.land_line(nomination),
            f"The council has received a nomination from {nomination.nominator.name} to list "
            "this land as an asset of community value (Localism Act 2011 s.89). It will decide "
            f"by {due.day} {due:%B %Y}. You may send the council your views before then.",
        ],
        recipients=[
            item
            for item in notices.recipients_for(nomination, NoticeKind.CONSIDERING)
            if item[0] != Recipient.NOMINATOR
        ],
    )


def link_owner(*, actor, nomination: Nomination, owner_user) -> Nomination:
    """Link the owner's account to the case, so they see the notices about their land."""
    check(actor, "rights.run_casework", nomination)
    with transaction.atomic():
        before = nomination.owner_user_id
        nomination.owner_user = owner_user
        nomination.save(update_fields=["owner_user", "updated_at"])
        audit.record(
            "rights.owner_linked",
            actor=actor,
            obj=nomination,
            before={"owner_user": before},
            after={"owner_user": owner_user.pk if owner_user else None},
        )
    return nomination
