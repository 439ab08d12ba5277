"""Memberships: who belongs to a group, joining and leaving, and a person's own groups."""

from django.db.models import Case, Value, When
from django.http import HttpRequest
from ninja import Query, Router, Status

from commonweal.accounts.api_auth import session_or_token
from commonweal.core.pagination import PageParams, page_of, paginate
from commonweal.core.permissions import require
from commonweal.directory import services
from commonweal.directory.api import present
from commonweal.directory.api.errors import (
    AUTH_ERRORS,
    LOOKUP_ERRORS,
    organisation_or_404,
    refused,
)
from commonweal.directory.api.schemas import MemberOut, MembershipOut, SlugPath
from commonweal.directory.models import GroupRole, Membership

router = Router(tags=["Memberships"])

ERRORS = {**AUTH_ERRORS, **LOOKUP_ERRORS}
# Leaders first, then the group's administrators, then members.
ROLE_ORDER = Case(
    When(role=GroupRole.LEADER, then=Value(0)),
    When(role=GroupRole.ADMIN, then=Value(1)),
    default=Value(2),
)


@router.get(
    "/organisations/{slug}/members",
    auth=session_or_token,
    response={200: page_of(MemberOut), **ERRORS},
    summary="An organisation's members",
    description=(
        "For the group's leader and administrators, the borough's officers and site "
        "administrators: each current member's name on the site and role in the group, "
        "leaders first. No email addresses."
    ),
    url_name="directory_organisation_members",
    operation_id="directory_organisation_members",
)
def members(request: HttpRequest, slug: SlugPath, paging: Query[PageParams]):
    organisation = organisation_or_404(request, slug)
    require(request.user, "directory.view_members", organisation)
    rows = (
        Membership.objects.current()
        .filter(organisation=organisation)
        .select_related("user")
        .order_by(ROLE_ORDER, "joined_at", "pk")
    )
    page = paginate(request, rows, paging)
    page["results"] = [present.member(row) for row in page["results"]]
    return page


@router.post(
    "/organisations/{slug}/membership",
    auth=session_or_token,
    response={201: MembershipOut, **ERRORS},
    summary="Join an organisation",
    description=(
        "The signed-in person joins a listed group as a member. 422 if they already belong to it."
    ),
    url_name="directory_membership_join",
    operation_id="directory_membership_join",
)
def join(request: HttpRequest, slug: SlugPath):
    organisation = organisation_or_404(request, slug)
    try:
        membership = services.join(actor=request.user, organisation=organisation)
    except services.DirectoryError as exc:
        return refused(exc, where="path.slug")
    return Status(201, present.membership(request, membership))


@router.delete(
    "/organisations/{slug}/membership",
    auth=session_or_token,
    response={204: None, **ERRORS},
    summary="Leave an organisation",
    description=(
        "The signed-in person leaves the group. A leader who leaves stops being published as "
        "its leader. 422 if they do not belong to it."
    ),
    url_name="directory_membership_leave",
    operation_id="directory_membership_leave",
)
def leave(request: HttpRequest, slug: SlugPath):
    organisation = organisation_or_404(request, slug)
    try:
        services.leave(actor=request.user, organisation=organisation)
    except services.DirectoryError as exc:
        return refused(exc, where="path.slug")
    return Status(204, None)


@router.get(
    "/memberships/",
    auth=session_or_token,
    response={200: page_of(MembershipOut), **ERRORS},
    summary="My memberships",
    description="The groups the signed-in person belongs to now, and their role in each.",
    url_name="directory_membership_list",
    operation_id="directory_membership_list",
)
def my_memberships(request: HttpRequest, paging: Query[PageParams]):
    rows = (
        Membership.objects.current()
        .filter(user=request.user)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    page = paginate(request, rows, paging)
    page["results"] = [present.membership(request, row) for row in page["results"]]
    return page
