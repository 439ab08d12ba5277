"""Who may do what with feedback (django-rules; anything not listed here is refused).

The object is a Report unless said otherwise. Anyone may read the anonymised reports; the
reporter (and the leaders of the group they raised it for) follow it up; the provider's
staff (anyone who belongs to the provider's organisation in the directory) and the
borough's officers answer it; officers route what nobody is responsible for.
"""

import rules

from commonweal.accounts.roles import (
    is_administrator,
    is_officer,
    is_officer_for_area,
    is_signed_in,
)

EDITING = ("leader", "admin")
# Organisations that provide services rather than speak for a community: they answer
# reports, and do not raise them for a group or collect support.
PROVIDER_KINDS = ("public_provider", "business")


def _roles(user) -> dict[int, str]:
    """{organisation id: role} for the person's current memberships."""
    return {pk: role for pk, (role, _community) in _memberships(user).items()}


def _memberships(user) -> dict[int, tuple[str, bool]]:
    if not getattr(user, "is_authenticated", False):
        return {}
    cache = getattr(user, "_feedback_roles", None)
    if cache is None:
        from commonweal.directory.models import Membership

        rows = Membership.objects.current().filter(user=user)
        cache = {
            pk: (role, kind not in PROVIDER_KINDS and provider is None)
            for pk, role, kind, provider in rows.values_list(
                "organisation_id", "role", "organisation__kind", "organisation__feedback_provider"
            )
        }
        user._feedback_roles = cache
    return cache


def forget_roles(user) -> None:
    if user is not None:
        user.__dict__.pop("_feedback_roles", None)


@rules.predicate
def is_reporter(user, report) -> bool:
    return report is not None and user.is_authenticated and report.reporter_id == user.pk


@rules.predicate
def leads_reporting_group(user, report) -> bool:
    return report is not None and _roles(user).get(report.group_id) in EDITING


@rules.predicate
def leads_supporting_group(user, report) -> bool:
    return report is not None and _roles(user).get(report.support_group_id) in EDITING


@rules.predicate
def is_provider_staff(user, report) -> bool:
    if report is None or report.provider_id is None:
        return False
    return report.provider.organisation_id in _roles(user)


@rules.predicate
def officer_here(user, report) -> bool:
    return report is not None and is_officer_for_area(user, report.authority)


@rules.predicate
def is_open(user, report) -> bool:
    return report is not None and report.is_open


@rules.predicate
def is_escalated(user, report) -> bool:
    return report is not None and report.escalated


@rules.predicate
def collecting_support(user, report) -> bool:
    return report is not None and report.support_group_id is not None


@rules.predicate
def edits_a_group(user) -> bool:
    """Leads or runs a community group (not a provider)."""
    return any(role in EDITING and community for role, community in _memberships(user).values())


@rules.predicate
def edits_group(user, organisation) -> bool:
    if organisation is None:
        return False
    role, community = _memberships(user).get(organisation.pk, ("", False))
    return role in EDITING and community


@rules.predicate
def staff_of_provider(user, provider) -> bool:
    return provider is not None and provider.organisation_id in _roles(user)


@rules.predicate
def officer_for_provider(user, provider) -> bool:
    return provider is not None and is_officer_for_area(user, provider.organisation.authority)


answering = is_provider_staff | officer_here | is_administrator
following_up = is_reporter | leads_reporting_group

rules.add_perm("feedback.view_report", rules.always_allow)
rules.add_perm("feedback.view_league", rules.always_allow)
rules.add_perm("feedback.view_catalogue", rules.always_allow)
rules.add_perm("feedback.view_report_private", is_signed_in & (following_up | answering))
rules.add_perm("feedback.raise_report", is_signed_in)
# The object is the group a report is raised for.
rules.add_perm("feedback.raise_for_group", is_signed_in & edits_group)
rules.add_perm("feedback.acknowledge_report", is_signed_in & is_open & answering)
rules.add_perm("feedback.respond_report", is_signed_in & is_open & answering)
rules.add_perm("feedback.reopen_report", is_signed_in & is_open & following_up)
rules.add_perm("feedback.escalate_report", is_signed_in & is_open & following_up)
rules.add_perm("feedback.close_report", is_signed_in & is_open & following_up)
rules.add_perm("feedback.route_report", is_signed_in & is_open & (officer_here | is_administrator))
rules.add_perm(
    "feedback.take_escalation",
    is_signed_in & is_open & is_escalated & (officer_here | is_administrator),
)
rules.add_perm("feedback.collect_support", is_signed_in & is_open & edits_a_group)
# The object is the group that collects the support.
rules.add_perm("feedback.collect_support_for", is_signed_in & edits_group)
rules.add_perm("feedback.add_support", is_signed_in & is_open & collecting_support)
rules.add_perm(
    "feedback.view_supporters",
    is_signed_in & (leads_supporting_group | is_provider_staff | officer_here | is_administrator),
)
# The object is a Provider.
rules.add_perm(
    "feedback.view_provider_queue",
    is_signed_in & (staff_of_provider | officer_for_provider | is_administrator),
)
# Not about one report: the triage and escalation queue, and the catalogue.
rules.add_perm("feedback.view_triage", is_officer | is_administrator)
rules.add_perm("feedback.manage_catalogue", is_officer | is_administrator)
