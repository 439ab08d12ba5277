"""Who may do what with the right to data requests log (django-rules; deny by default).

The log is public (requesters' names only with their consent); officers record requests to
their own authority and its bodies, and record what came of them; administrators anywhere.
"""

import rules

from commonweal.accounts.roles import is_administrator, is_officer_for_area

staff = is_officer_for_area | is_administrator

rules.add_perm("datarequests.view_request", rules.always_allow)
rules.add_perm("datarequests.add_request", staff)
rules.add_perm("datarequests.change_request", staff)
