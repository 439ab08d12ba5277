"""Who may do what in community rights (django-rules; anything not listed here is refused)."""

import rules

# The officer's timeline calculator computes public law from the dates given: anyone may use it.
rules.add_perm("rights.view_timeline", rules.always_allow)
