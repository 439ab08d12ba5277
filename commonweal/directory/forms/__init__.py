"""Forms for the directory's pages. They read what was typed; the services decide what is
acceptable, and their reasons are shown against the fields they are about."""

from commonweal.directory.forms.activities import ActivityForm
from commonweal.directory.forms.benefit import AreasForm, InterestsForm, area_choices
from commonweal.directory.forms.organisation import (
    KIND_HINTS,
    NUMBER_HINTS,
    OrganisationForm,
    RegisterForm,
)
from commonweal.directory.forms.people import LeaderContactForm, MemberForm

__all__ = [
    "KIND_HINTS",
    "NUMBER_HINTS",
    "ActivityForm",
    "AreasForm",
    "InterestsForm",
    "LeaderContactForm",
    "MemberForm",
    "OrganisationForm",
    "RegisterForm",
    "area_choices",
]
