"""The people of a group: the leader's published contact, its members and their roles, and
its acceptance of the code of conduct."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse

from commonweal.accounts.permissions import check as guard
from commonweal.core.permissions import can
from commonweal.directory import services
from commonweal.directory.forms import LeaderContactForm, MemberForm
from commonweal.directory.models import GroupRole, Membership
from commonweal.directory.views.manage_common import (
    crumbs,
    organisation_for,
    posted,
    reason,
    show,
)

NO_NAME = "Name not given"
ROLE_AS = {
    GroupRole.LEADER: "the group's leader",
    GroupRole.ADMIN: "an administrator of the group",
    GroupRole.MEMBER: "a member of the group",
}
ROLE_ORDER = {GroupRole.LEADER: 0, GroupRole.ADMIN: 1, GroupRole.MEMBER: 2}


def leader_contact(request, slug: str):
    organisation = organisation_for(slug)
    if denied := guard(request, "directory.manage_leader_contact", organisation):
        return denied
    here = reverse("directory:leader_contact", args=[slug])
    current = organisation.leader_contacts.consented().filter(user=request.user).first()
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        services.withdraw_consent(actor=request.user, organisation=organisation)
        messages.success(
            request,
            "Your contact details are no longer published. They were removed at once from "
            "the group's page, the directory's data feeds and its exports.",
        )
        return redirect(here)
    initial = {"public_name": request.user.display_name}
    if current is not None:
        initial = {
            "public_name": current.public_name,
            "public_email": current.public_email,
            "public_phone": current.public_phone,
        }
    form = LeaderContactForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.give_consent(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except services.DirectoryInvalid as invalid:
            form.apply_errors(invalid.errors)
        else:
            messages.success(request, "Your contact details are published as the group's leader.")
            return redirect(here)
    return show(
        request,
        "directory/manage/leader_contact.html",
        {
            "organisation": organisation,
            "consent_text": services.CONSENT_TEXT,
            "current": current,
            "breadcrumbs": crumbs(organisation, ("Your contact details as leader", "")),
        },
        form,
    )


def conduct_accept(request, slug: str):
    organisation = organisation_for(slug)
    permission = (
        "directory.accept_conduct" if request.method == "POST" else "directory.change_organisation"
    )
    if denied := guard(request, permission, organisation):
        return denied
    form = forms.Form(posted(request))
    if request.method == "POST":
        try:
            acceptance = services.accept_code(actor=request.user, organisation=organisation)
        except services.DirectoryError as error:
            form.add_error(None, reason(error))
        else:
            messages.success(
                request,
                f"{organisation.name} has accepted version {acceptance.code.version} of the "
                "code of conduct.",
            )
            return redirect("directory:conduct_accept", slug)
    status = services.conduct_status(organisation)
    return show(
        request,
        "directory/manage/conduct.html",
        {
            "organisation": organisation,
            "status": status,
            "can_accept": can(request.user, "directory.accept_conduct", organisation)
            and status.current is not None
            and not status.is_current,
            "breadcrumbs": crumbs(organisation, ("Code of conduct", "")),
        },
        form,
    )


def members(request, slug: str):
    organisation = organisation_for(slug)
    permission = (
        "directory.manage_members" if request.method == "POST" else "directory.view_members"
    )
    if denied := guard(request, permission, organisation):
        return denied
    form = MemberForm(posted(request))
    if request.method == "POST" and form.is_valid():
        membership = get_object_or_404(
            Membership.objects.current().select_related("user", "organisation"),
            pk=form.cleaned_data["membership"],
            organisation=organisation,
        )
        try:
            message = _change_member(request, membership, form.cleaned_data)
        except services.DirectoryError as error:
            form.add_error("role" if error.field == "role" else None, reason(error))
        else:
            messages.success(request, message)
            return redirect("directory:members", slug)
    current = Membership.objects.current().filter(organisation=organisation).select_related("user")
    rows = sorted(
        (
            {
                "membership": membership,
                "name": membership.user.display_name or NO_NAME,
                "is_you": membership.user_id == request.user.pk,
            }
            for membership in current
        ),
        key=lambda row: (ROLE_ORDER.get(row["membership"].role, 9), row["name"].lower()),
    )
    return show(
        request,
        "directory/manage/members.html",
        {
            "organisation": organisation,
            "rows": rows,
            "roles": GroupRole.choices,
            "can_manage": can(request.user, "directory.manage_members", organisation),
            "breadcrumbs": crumbs(organisation, ("Members", "")),
        },
        form,
    )


def _change_member(request, membership: Membership, data: dict) -> str:
    name = membership.user.display_name or "The member"
    if data["action"] == "remove":
        services.remove_member(actor=request.user, membership=membership)
        return f"{name} is no longer a member of {membership.organisation.name}."
    role = data.get("role") or ""
    old_leader = services.leader(membership.organisation)
    services.set_role(actor=request.user, membership=membership, role=role)
    message = f"{name} is now {ROLE_AS[role]}."
    if role == GroupRole.LEADER and old_leader and old_leader.pk != membership.pk:
        old_name = old_leader.user.display_name or "The previous leader"
        message += (
            f" {old_name} is now an administrator, and their contact details are no longer "
            "published."
        )
    return message


urlpatterns = [
    path("<slug:slug>/leader-contact/", leader_contact, name="leader_contact"),
    path("<slug:slug>/code-of-conduct/", conduct_accept, name="conduct_accept"),
    path("<slug:slug>/members/", members, name="members"),
]
