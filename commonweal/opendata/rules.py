"""Who may see open data: street crime is published open data, so everyone."""

import rules

rules.add_perm("opendata.view_crime", rules.always_allow)
