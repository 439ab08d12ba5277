"""Who may do what with places: viewing is public; neighbourhoods are the officers' own.

The object of add_neighbourhood is the authority; of change/delete, the neighbourhood
(whose authority decides). An officer scoped to another authority is refused.
"""

import rules

from commonweal.accounts.roles import is_administrator, is_officer_for_area

rules.add_perm("places.view_area", rules.always_allow)
rules.add_perm("places.add_neighbourhood", is_officer_for_area | is_administrator)
rules.add_perm("places.change_neighbourhood", is_officer_for_area | is_administrator)
rules.add_perm("places.delete_neighbourhood", is_officer_for_area | is_administrator)
