"""Who may do what in neighbourhood planning (django-rules; anything not listed is refused).

The public sees the register: designated areas, forums, plans and applications once the
council has publicised them. Applicants (the leaders and admins of the organisation that
applied) see their own applications from the start. The authority's officers run the
casework; the qualifying body records its own consultation and submits its plan.
"""

import rules

from commonweal.accounts.roles import is_administrator, is_officer, is_signed_in


def _editor(user, organisation) -> bool:
    from commonweal.directory.rules import is_group_editor

    return organisation is not None and is_group_editor(user, organisation)


@rules.predicate
def officer_here(user, obj) -> bool:
    from commonweal.accounts.roles import is_officer_for_area

    return obj is not None and is_officer_for_area(user, obj)


staff = officer_here | is_administrator


@rules.predicate
def is_public(user, obj) -> bool:
    return obj is not None and obj.is_public


@rules.predicate
def leads_applicant(user, area) -> bool:
    return area is not None and _editor(user, area.applicant)


@rules.predicate
def leads_forum_organisation(user, forum) -> bool:
    return forum is not None and _editor(user, forum.organisation)


@rules.predicate
def edits_organisation(user, organisation) -> bool:
    return _editor(user, organisation)


@rules.predicate
def leads_qualifying_body_of_area(user, area) -> bool:
    from commonweal.rights.planning.services import qualifying_body

    return area is not None and _editor(user, qualifying_body(area))


@rules.predicate
def leads_qualifying_body(user, plan) -> bool:
    return plan is not None and _editor(user, plan.qualifying_body)


rules.add_perm("neighbourhoodplanning.view_register", rules.always_allow)
rules.add_perm("neighbourhoodplanning.view_area", is_public | leads_applicant | staff)
rules.add_perm("neighbourhoodplanning.view_forum", is_public | leads_forum_organisation | staff)
rules.add_perm("neighbourhoodplanning.view_plan", rules.always_allow)
# The object is the applying organisation (None: whether the person may apply at all).
rules.add_perm("neighbourhoodplanning.apply_for_area", is_signed_in & edits_organisation)
rules.add_perm("neighbourhoodplanning.apply_for_forum", is_signed_in & edits_organisation)
rules.add_perm("neighbourhoodplanning.decide_area", is_signed_in & staff)
rules.add_perm("neighbourhoodplanning.decide_forum", is_signed_in & staff)
rules.add_perm(
    "neighbourhoodplanning.start_plan", is_signed_in & (leads_qualifying_body_of_area | staff)
)
rules.add_perm(
    "neighbourhoodplanning.record_consultation", is_signed_in & (leads_qualifying_body | staff)
)
rules.add_perm("neighbourhoodplanning.submit_plan", is_signed_in & (leads_qualifying_body | staff))
rules.add_perm("neighbourhoodplanning.run_plan", is_signed_in & staff)
# Not about one record.
rules.add_perm("neighbourhoodplanning.view_dashboard", is_officer | is_administrator)
