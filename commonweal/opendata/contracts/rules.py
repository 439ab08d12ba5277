"""Who may do what with contracts (django-rules; anything not listed here is refused).

Contracts for public services are public. Officers record and amend the contracts of their
own authority (the object is the authority when recording, the contract otherwise);
administrators act everywhere.
"""

import rules

from commonweal.accounts.roles import is_administrator, is_officer, is_officer_for_area

staff = is_officer_for_area | is_administrator

rules.add_perm("contracts.view_contract", rules.always_allow)
rules.add_perm("contracts.add_contract", staff)
rules.add_perm("contracts.change_contract", staff)
rules.add_perm("contracts.import_contracts", is_officer | is_administrator)
