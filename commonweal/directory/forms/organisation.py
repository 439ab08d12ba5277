"""The organisation's details: what a resident registers and a leader edits.

The form only reads what was typed; the rules (identifiers, postcodes, numbers) are the
service's, so its reasons are shown against each field (see `apply_errors`).
"""

from decimal import Decimal, InvalidOperation

from django import forms

from commonweal.directory.models import LegalForm, OrganisationKind
from commonweal.places.models import Area, AreaType

K = OrganisationKind
# Shown under each kind: which side of the community-led / provider line it usually falls.
KIND_HINTS = {
    K.NEIGHBOURHOOD_GROUP: "People who live in one area, organising together. Community-led.",
    K.RESIDENTS_ASSOCIATION: "Residents of a street, estate or area. Community-led.",
    K.TENANTS_ASSOCIATION: "Tenants of a landlord or an estate. Community-led.",
    K.COMMUNITY_GROUP: "A group of common interest or identity run by its members and "
    "volunteers, such as a lunch club, a disability or language group. Usually community-led.",
    K.FAITH_GROUP: "A church, mosque, temple, synagogue or other faith community. "
    "Usually community-led.",
    K.CHARITY: "A registered charity. Community-led if run mainly by volunteers; a provider "
    "if run mainly by paid staff or on contract income.",
    K.CIO: "A charity with its own legal identity. Community-led or a provider depending on "
    "its workforce and income.",
    K.CIC: "A company that trades for a community purpose. Often a service provider.",
    K.COOPERATIVE: "Owned and run by its members. Community-led or a provider depending on "
    "its workforce and income.",
    K.SOCIAL_ENTERPRISE: "A business with social aims that sells goods or services. "
    "Usually a service provider.",
    K.PARISH_COUNCIL: "The elected local council for a parish or town. Serves a defined area.",
    K.NEIGHBOURHOOD_FORUM: "Designated by the council to make a neighbourhood plan where "
    "there is no parish council. Serves a defined area.",
    K.INFRASTRUCTURE: "Supports other groups, such as a council for voluntary service.",
    K.PUBLIC_PROVIDER: "An NHS trust, school, council service or similar. Always a service "
    "provider, not a voice of the community.",
    K.BUSINESS: "A business trading for profit. Always a service provider.",
}

NUMBER_HINTS = {
    "charity_number": "From the Charity Commission, for example 1234567.",
    "company_number": "From Companies House, for example 01234567.",
    "society_number": "From the Financial Conduct Authority's Mutuals Register.",
}


def authorities():
    """The boroughs whose places we hold: an organisation belongs to one of them."""
    return Area.objects.of_type(AreaType.LOCAL_AUTHORITY).order_by("name")


class OrganisationForm(forms.Form):
    name = forms.CharField(
        label="Name of the organisation",
        max_length=200,
        error_messages={"required": "Enter the organisation's name."},
    )
    kind = forms.ChoiceField(
        label="What kind of organisation is it?",
        choices=K.choices,
        error_messages={
            "required": "Choose what kind of organisation it is.",
            "invalid_choice": "Choose what kind of organisation it is.",
        },
    )
    legal_form = forms.ChoiceField(
        label="Legal form", choices=LegalForm.choices, initial=LegalForm.OTHER, required=False
    )
    charity_number = forms.CharField(label="Charity number", required=False, max_length=20)
    company_number = forms.CharField(label="Company number", required=False, max_length=20)
    society_number = forms.CharField(label="Society number", required=False, max_length=20)
    description = forms.CharField(
        label="What does it do?", required=False, widget=forms.Textarea, max_length=5000
    )
    website = forms.CharField(label="Website", required=False, max_length=200)
    email = forms.CharField(label="The group's email address", required=False, max_length=254)
    phone = forms.CharField(label="The group's phone number", required=False, max_length=30)
    postcode = forms.CharField(label="Postcode where it meets", required=False, max_length=10)
    members_count = forms.CharField(label="Members", required=False, max_length=12)
    active_volunteers = forms.CharField(label="Active volunteers", required=False, max_length=12)
    paid_staff_fte = forms.CharField(
        label="Paid staff (full-time equivalent)", required=False, max_length=12
    )
    annual_income = forms.CharField(label="Annual income", required=False, max_length=20)
    contract_income_percent = forms.CharField(
        label="Share of income from contracts", required=False, max_length=8
    )
    figures_year = forms.CharField(label="Year of these figures", required=False, max_length=4)

    # The service's field names for the form's, where they differ.
    SERVICE_FIELDS = {"contract_income_percent": "contract_income_share"}

    def clean_contract_income_percent(self):
        text = self.cleaned_data["contract_income_percent"].replace("%", "").strip()
        if not text:
            return None
        try:
            percent = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError(
                "Enter the share of income from contracts as a percentage, like 25."
            ) from None
        if not percent.is_finite() or not 0 <= percent <= 100:
            raise forms.ValidationError(
                "Enter the share of income from contracts as a percentage from 0 to 100."
            )
        return percent

    def details(self) -> dict:
        """What to give the service, with the percentage as a share from 0 to 1."""
        data = {
            key: value
            for key, value in self.cleaned_data.items()
            if key not in ("contract_income_percent", "authority")
        }
        if "contract_income_percent" in self.cleaned_data:
            percent = self.cleaned_data["contract_income_percent"]
            data["contract_income_share"] = None if percent is None else percent / 100
        return data

    def apply_errors(self, errors: dict[str, str]) -> None:
        """Show the service's reasons against the fields they are about."""
        by_service = {service: form for form, service in self.SERVICE_FIELDS.items()}
        for field, message in errors.items():
            name = by_service.get(field, field)
            if name in self.fields and self.has_error(name):
                continue  # the form's own reason for this field is already shown
            self.add_error(name if name in self.fields else None, message)

    def check_the_rest(self, authority) -> None:
        """When the form itself refused something, still report the service's reasons for
        the other fields, so every problem is shown at once."""
        from commonweal.directory import services

        try:
            services.clean_details(self.details(), authority=authority)
        except services.DirectoryInvalid as invalid:
            self.apply_errors(invalid.errors)

    @classmethod
    def initial_from(cls, organisation) -> dict:
        initial = {
            name: getattr(organisation, name)
            for name in cls.base_fields
            if hasattr(organisation, name)
        }
        share = organisation.contract_income_share
        if share is not None:
            initial["contract_income_percent"] = f"{(Decimal(share) * 100).normalize():f}"
        return {key: ("" if value is None else value) for key, value in initial.items()}


class RegisterForm(OrganisationForm):
    authority = forms.ChoiceField(label="Which borough is it in?", required=False)

    field_order = ["name", "kind", "authority"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        held = list(authorities())
        self.authorities = {area.gss_code: area for area in held}
        choices = [(area.gss_code, area.name) for area in held]
        if len(held) == 1:
            self.fields["authority"].initial = held[0].gss_code
        else:
            choices.insert(0, ("", "Work it out from the postcode where it meets"))
        self.fields["authority"].choices = choices
        self.fields["authority"].error_messages["invalid_choice"] = (
            "Choose a borough from the list."
        )

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("authority")
        authority = self.authorities.get(code) if code else None
        if authority is None and not self.has_error("authority"):
            authority = self._authority_from_postcode(cleaned.get("postcode") or "")
        cleaned["authority"] = authority
        return cleaned

    def _authority_from_postcode(self, postcode: str):
        from commonweal.places import services as places

        if not postcode.strip():
            self.add_error(
                "authority", "Choose the borough it is in, or give the postcode where it meets."
            )
            return None
        try:
            found = places.lookup_postcode(postcode)
        except places.PlacesError:
            return None  # the service says what is wrong with the postcode
        authority = self.authorities.get(found.postcode.authority_code)
        if authority is None:
            self.add_error(
                "authority",
                f"We do not hold the borough of {found.postcode.postcode}: choose one from "
                "the list.",
            )
        return authority
