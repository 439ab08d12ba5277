"""Organisations: finding them, reading one, registering, editing and verifying them."""

import json

from django.db import transaction
from django.http import HttpRequest
from ninja import Query, Router, Status

from commonweal.accounts.api_auth import session_or_token
from commonweal.core.pagination import PageParams
from commonweal.core.permissions import require
from commonweal.directory import services
from commonweal.directory.api import present
from commonweal.directory.api.errors import (
    LOOKUP_ERRORS,
    WRITE_ERRORS,
    error,
    organisation_or_404,
    refused,
)
from commonweal.directory.api.inputs import (
    BenefitIn,
    OrganisationIn,
    OrganisationPatch,
    SearchFilters,
    VerificationIn,
)
from commonweal.directory.api.schemas import OrganisationDetail, SlugPath
from commonweal.directory.api.search import OrganisationSearchPage, search_page
from commonweal.places.models import Area, AreaType

router = Router(tags=["Organisations"])


# Text fields a request may set to null, meaning "clear it".
TEXT_FIELDS = (
    "charity_number",
    "company_number",
    "society_number",
    "description",
    "website",
    "email",
    "phone",
    "postcode",
)


def _details(payload, *, leave_out=()) -> dict:
    values = payload.dict(exclude_unset=True)
    for field in leave_out:
        values.pop(field, None)
    for field in TEXT_FIELDS:
        if field in values and values[field] is None:
            values[field] = ""
    return values


@router.get(
    "/",
    response={200: OrganisationSearchPage, **LOOKUP_ERRORS},
    summary="Find organisations",
    description=(
        "The directory's verified organisations, filtered by any of `borough`, `area`, "
        "`kind`, `tag` (a community-of-interest slug) and `q` (free text). With `postcode`, "
        "or `lon` and `lat`, the nearest come first, each with its distance and whether its "
        "area of benefit covers the place. 422, naming the parameter, for a postcode, area "
        "or borough we do not hold."
    ),
    url_name="directory_organisation_list",
    operation_id="directory_organisation_list",
)
def list_organisations(
    request: HttpRequest, filters: Query[SearchFilters], paging: Query[PageParams]
):
    return search_page(request, filters, paging)


@router.get(
    "/{slug}",
    response={200: OrganisationDetail, **LOOKUP_ERRORS},
    summary="An organisation",
    description=(
        "Everything public about one organisation: its registration numbers as org-id "
        "identifiers, areas of benefit, communities-of-interest tags, its classification "
        "(community-led or service provider) with the reason and any officer's override, "
        "code of conduct status, member count, activities and links to other groups. The "
        "leader's contact details appear only while the leader agrees to publish them. "
        "Unverified and withdrawn entries are a 404 except to the people who run them, the "
        "borough's officers and administrators."
    ),
    url_name="directory_organisation_detail",
    operation_id="directory_organisation_detail",
)
def organisation_detail(request: HttpRequest, slug: SlugPath):
    return present.detail(request, organisation_or_404(request, slug))


@router.post(
    "/",
    auth=session_or_token,
    response={201: OrganisationDetail, **WRITE_ERRORS},
    summary="Register an organisation",
    description=(
        "For anyone signed in. The new entry is unverified, and hidden from the public, "
        "until an officer checks it; the person registering it becomes its leader. 422, "
        "with a reason for each field, if the details cannot be accepted; nothing is saved."
    ),
    url_name="directory_organisation_create",
    operation_id="directory_organisation_create",
)
def create_organisation(request: HttpRequest, payload: OrganisationIn):
    authority = Area.objects.filter(
        area_type=AreaType.LOCAL_AUTHORITY, gss_code=payload.authority.upper()
    ).first()
    if authority is None:
        return error(
            422,
            "invalid_details",
            f"We do not hold a borough with the code {payload.authority}.",
            [{"location": "body.payload.authority", "message": "Choose a borough we hold."}],
        )
    details = _details(payload, leave_out=("authority", "name", "kind"))
    try:
        organisation = services.register_organisation(
            actor=request.user,
            authority=authority,
            name=payload.name,
            kind=payload.kind,
            **details,
        )
    except services.DirectoryError as exc:
        return refused(exc)
    return Status(201, present.detail(request, organisation))


@router.patch(
    "/{slug}",
    auth=session_or_token,
    response={200: OrganisationDetail, **WRITE_ERRORS},
    summary="Change an organisation's details",
    description=(
        "For the group's leader and administrators, the borough's officers and site "
        "administrators. Only the fields given change. The classification is worked out "
        "again from the new figures. 422, with a reason for each field, if the details cannot "
        "be accepted; nothing is saved."
    ),
    url_name="directory_organisation_update",
    operation_id="directory_organisation_update",
)
def update_organisation(request: HttpRequest, slug: SlugPath, payload: OrganisationPatch):
    organisation = organisation_or_404(request, slug)
    require(request.user, "directory.change_organisation", organisation)
    try:
        organisation = services.update_organisation(
            actor=request.user, organisation=organisation, **_details(payload)
        )
    except services.DirectoryError as exc:
        return refused(exc)
    return present.detail(request, organisation)


@router.put(
    "/{slug}/benefit",
    auth=session_or_token,
    response={200: OrganisationDetail, **WRITE_ERRORS},
    summary="Set where an organisation works",
    description=(
        "For the people who may change the organisation. Replaces its areas of benefit: "
        "`area_codes` (areas we hold in the borough), a drawn `boundary` (GeoJSON, inside "
        "the borough) or `borough_wide`. A neighbourhood group needs a defined area and "
        "cannot be borough-wide. With `interest_tags`, replaces its communities-of-interest "
        "tags too. 422 with the reason if refused; nothing is saved."
    ),
    url_name="directory_organisation_benefit",
    operation_id="directory_organisation_benefit",
)
def set_benefit(request: HttpRequest, slug: SlugPath, payload: BenefitIn):
    organisation = organisation_or_404(request, slug)
    require(request.user, "directory.change_organisation", organisation)
    boundary = json.dumps(payload.boundary) if payload.boundary is not None else None
    try:
        # Both or neither: refused tags undo the areas just set.
        with transaction.atomic():
            organisation = services.set_benefit(
                actor=request.user,
                organisation=organisation,
                area_codes=payload.area_codes,
                boundary_geojson=boundary,
                borough_wide=payload.borough_wide,
            )
            if payload.interest_tags is not None:
                services.set_interest_tags(
                    actor=request.user, organisation=organisation, slugs=payload.interest_tags
                )
    except services.DirectoryError as exc:
        return refused(exc)
    return present.detail(request, organisation)


@router.post(
    "/{slug}/verification",
    auth=session_or_token,
    response={200: OrganisationDetail, **WRITE_ERRORS},
    summary="Verify or withdraw an organisation",
    description=(
        "For the borough's officers and administrators. `verify` lists an entry publicly; "
        "`withdraw` (with a `reason`) takes it out of public listings. Each decision is "
        "recorded with who made it and why. 422 if the entry is already in that state, or a "
        "withdrawal has no reason."
    ),
    url_name="directory_organisation_verification",
    operation_id="directory_organisation_verification",
)
def verification(request: HttpRequest, slug: SlugPath, payload: VerificationIn):
    organisation = organisation_or_404(request, slug)
    require(request.user, "directory.verify_organisation", organisation)
    try:
        if payload.decision == "verify":
            organisation = services.verify_organisation(
                actor=request.user, organisation=organisation, note=payload.reason
            )
        else:
            organisation = services.withdraw_organisation(
                actor=request.user, organisation=organisation, reason=payload.reason
            )
    except services.DirectoryError as exc:
        return refused(exc)
    return present.detail(request, organisation)
