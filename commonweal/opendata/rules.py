"""Who may see and change open data. Street crime and council spending are published open
data, so everyone sees them; only the borough's officers (and administrators) say which
places a council service area spends in."""

import rules

from commonweal.accounts.roles import is_administrator, is_officer_for_area


@rules.predicate
def officer_for_service(user, obj) -> bool:
    """An officer of the borough the service area (or the borough itself) belongs to."""
    return obj is not None and is_officer_for_area(user, obj)


rules.add_perm("opendata.view_crime", rules.always_allow)
rules.add_perm("opendata.view_spending", rules.always_allow)
rules.add_perm("opendata.place_service_area", officer_for_service | is_administrator)
