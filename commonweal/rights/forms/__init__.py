"""Forms for the right to bid pages. They check what a person typed; the services decide,
and a service's refusal is put back on the field it names (``add_service_error``)."""

from django import forms

from commonweal.rights.forms.casework import ACTIONS
from commonweal.rights.forms.common import DATE_HINT, DateField, add_service_error
from commonweal.rights.forms.public import AskToBidForm, NominationForm, OwnerNoticeForm

__all__ = [
    "ACTIONS",
    "DATE_HINT",
    "AskToBidForm",
    "DateField",
    "NominationForm",
    "OwnerNoticeForm",
    "add_service_error",
    "forms",
]
