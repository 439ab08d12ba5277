"""Forms for officers recording and amending contracts (no JavaScript needed)."""

from decimal import Decimal

from django import forms

from commonweal.directory.models import Organisation
from commonweal.opendata.contracts.models import Route, Sector, Status
from commonweal.places.models import Area, AreaType

CURRENCIES = [("GBP", "Pounds sterling (GBP)"), ("EUR", "Euros (EUR)"), ("USD", "US dollars (USD)")]
SUPPLIER_SLOTS = 3
COUNCIL = "council"


def _organisations(authority):
    return Organisation.records.filter(authority=authority).exclude(status="withdrawn")


def _exercises(authority):
    from commonweal.rights.challenge.models import ProcurementExercise

    # Exercises may be linked only from the council that runs them.
    return ProcurementExercise.objects.filter(service__authority=authority).select_related(
        "service", "expression"
    )


def served_area_options(authority) -> list[tuple[str, str]]:
    wards = Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("name")
    neighbourhoods = Area.objects.of_type(AreaType.NEIGHBOURHOOD).in_authority(authority)
    return [(authority.gss_code, f"The whole of {authority.name}")] + [
        (a.gss_code, f"{a.name} ({a.get_area_type_display().lower()})")
        for a in [*wards, *neighbourhoods.order_by("name")]
    ]


def areas_from_codes(authority, codes) -> list[Area]:
    chosen = set(codes)
    found = [authority] if authority.gss_code in chosen else []
    found += list(
        Area.objects.of_type(AreaType.WARD, AreaType.NEIGHBOURHOOD)
        .in_authority(authority)
        .filter(gss_code__in=chosen)
    )
    return found


class TermsForm(forms.Form):
    """What an amendment may change: the terms, the service and who supplies it."""

    title = forms.CharField(
        max_length=200, label="Title", error_messages={"required": "Enter the contract's title."}
    )
    description = forms.CharField(required=False, label="Description", widget=forms.Textarea)
    service = forms.CharField(
        max_length=120,
        label="Public service",
        error_messages={"required": "Enter the public service the contract is for."},
    )
    cpv_code = forms.CharField(max_length=10, required=False, label="CPV code (optional)")
    value_amount = forms.DecimalField(
        required=False, min_value=Decimal("0"), max_digits=14, decimal_places=2, label="Value"
    )
    currency = forms.ChoiceField(choices=CURRENCIES, initial="GBP", label="Currency")
    award_date = forms.DateField(required=False, label="Award date")
    start_date = forms.DateField(required=False, label="Start date")
    end_date = forms.DateField(required=False, label="End date")
    social_value_weighting = forms.DecimalField(
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        max_digits=5,
        decimal_places=2,
        label="Social value weighting in the award (per cent)",
    )
    commitments = forms.CharField(
        required=False,
        label="Social value commitments",
        widget=forms.Textarea,
        help_text="One a line; add how it is measured after a vertical bar, e.g. "
        "“Ten local apprenticeships | apprentices employed”.",
    )

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority = authority
        choices = [("", "None")] + [(str(o.pk), o.name) for o in _organisations(authority)]
        for slot in range(1, SUPPLIER_SLOTS + 1):
            self.fields[f"supplier_{slot}"] = forms.ChoiceField(
                choices=choices, required=False, label=f"Supplier {slot}"
            )
        self.area_options = served_area_options(authority)

    def details(self) -> dict:
        data = dict(self.cleaned_data)
        picked = [data.pop(f"supplier_{slot}") for slot in range(1, SUPPLIER_SLOTS + 1)]
        ids = [int(value) for value in picked if value]
        by_id = {o.pk: o for o in _organisations(self.authority).filter(pk__in=ids)}
        data["suppliers"] = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
        data["areas_served"] = areas_from_codes(self.authority, self.data.getlist("areas_served"))
        data["commitments"] = [
            tuple(part.strip() for part in ([*line.split("|", 1), ""])[:2])
            for line in (data.get("commitments") or "").splitlines()
            if line.strip()
        ]
        return data


class ContractForm(TermsForm):
    buyer = forms.ChoiceField(label="Buyer")
    route = forms.ChoiceField(choices=Route.choices, label="Procurement route")
    procurement_exercise = forms.ChoiceField(
        required=False,
        label="Right to challenge procurement exercise",
        help_text="Only for a procurement that followed a community right to challenge.",
    )
    challenge_reference = forms.CharField(
        max_length=120,
        required=False,
        label="Right to challenge reference",
        help_text=(
            "Only if the procurement exercise is not in the list (for example, it was run "
            "before Commonweal): the reference of the expression of interest."
        ),
    )
    status = forms.ChoiceField(choices=Status.choices, label="Status")

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, authority=authority, **kwargs)
        self.fields["procurement_exercise"].choices = [("", "None")] + [
            (str(p.pk), f"{p.expression.reference}: {p.service.name}")
            for p in _exercises(authority)
        ]
        self.fields["buyer"].choices = [(COUNCIL, f"{authority.name} Council")] + [
            (str(o.pk), o.name) for o in _organisations(authority)
        ]

    def details(self) -> dict:
        data = super().details()
        buyer = data.pop("buyer")
        data["buyer_council"] = self.authority if buyer == COUNCIL else None
        data["buyer_organisation"] = (
            None if buyer == COUNCIL else _organisations(self.authority).filter(pk=buyer).first()
        )
        chosen = data.get("procurement_exercise")
        data["procurement_exercise"] = (
            _exercises(self.authority).filter(pk=chosen).first() if chosen else None
        )
        return data


class AmendForm(TermsForm):
    rationale = forms.CharField(
        label="Why is the contract being amended?",
        widget=forms.Textarea,
        error_messages={"required": "Say why the contract is being amended."},
    )

    def details(self) -> dict:
        data = super().details()
        data.pop("rationale")
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices, label="New status")
    award_date = forms.DateField(required=False, label="Award date (when it is awarded)")


class FilterForm(forms.Form):
    service = forms.ChoiceField(required=False, label="Service")
    supplier = forms.ChoiceField(required=False, label="Supplier")
    area = forms.ChoiceField(required=False, label="Area served")
    sector = forms.ChoiceField(
        required=False, choices=[("", "Any sector"), *Sector.choices], label="Supplier's sector"
    )

    def __init__(self, *args, services, suppliers, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [("", "Any service")] + [(s, s) for s in services]
        self.fields["supplier"].choices = [("", "Any supplier")] + [
            (o.slug, o.name) for o in suppliers
        ]
        self.fields["area"].choices = [("", "Anywhere")] + [
            (f"{a.area_type}:{a.gss_code}", a.name) for a in areas
        ]


class ImportForm(forms.Form):
    package = forms.FileField(label="OCDS release package (JSON)")
    commit = forms.BooleanField(required=False, label="Save the contracts (otherwise a dry run)")
