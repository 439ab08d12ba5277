"""Checking the details a person gives about an organisation, all at once."""

from decimal import Decimal, InvalidOperation

from commonweal.directory.engine.identifiers import PARSERS, InvalidIdentifier
from commonweal.directory.models import LegalForm, Organisation, OrganisationKind
from commonweal.directory.services.errors import DirectoryInvalid

# The fields a person may set on an organisation (areas of benefit and tags have their own
# service, benefit.set_benefit).
DETAIL_FIELDS = (
    "name",
    "kind",
    "legal_form",
    "charity_number",
    "company_number",
    "society_number",
    "description",
    "website",
    "email",
    "phone",
    "postcode",
    "members_count",
    "active_volunteers",
    "paid_staff_fte",
    "annual_income",
    "contract_income_share",
    "figures_year",
)
NUMBER_FIELDS = {"charity_number": "charity", "company_number": "company"}
NUMBER_FIELDS["society_number"] = "society"


def _decimal(value, field: str, errors: dict, *, places: int) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", "").replace("£", "").strip())
    except InvalidOperation:
        errors[field] = "Enter a number."
        return None
    if not number.is_finite() or number < 0:
        errors[field] = "Enter a number of zero or more."
        return None
    return round(number, places)


def _whole(value, field: str, errors: dict) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).replace(",", "").strip())
    except ValueError:
        errors[field] = "Enter a whole number."
        return None
    if number < 0:
        errors[field] = "Enter a whole number of zero or more."
        return None
    return number


def clean_details(details: dict, *, authority) -> dict:
    """Check submitted details; raise DirectoryInvalid with every problem at once."""
    from commonweal.places import services as places

    errors: dict[str, str] = {}
    cleaned = {}
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise DirectoryInvalid({sorted(unknown)[0]: "This is not a detail you can set."})
    for field, value in details.items():
        if isinstance(value, str):
            value = value.strip()
        cleaned[field] = value
    if "name" in cleaned:
        cleaned["name"] = " ".join((cleaned["name"] or "").split())
        if not cleaned["name"]:
            errors["name"] = "Enter the organisation's name."
        elif len(cleaned["name"]) > 200:
            errors["name"] = "The name must be 200 characters or fewer."
    if "kind" in cleaned and cleaned["kind"] not in OrganisationKind.values:
        errors["kind"] = "Choose what kind of organisation it is."
    if "legal_form" in cleaned:
        cleaned["legal_form"] = cleaned["legal_form"] or LegalForm.OTHER
        if cleaned["legal_form"] not in LegalForm.values:
            errors["legal_form"] = "Choose its legal form, or “Other or not known”."
    for field, kind in NUMBER_FIELDS.items():
        if cleaned.get(field):
            try:
                org_id = PARSERS[kind](cleaned[field])
            except InvalidIdentifier as exc:
                errors[field] = str(exc)
            else:
                cleaned[field] = org_id.value if org_id.scheme != "GB-NIC" else "NIC" + org_id.value
        elif field in cleaned:
            cleaned[field] = ""
    for field in ("members_count", "active_volunteers", "figures_year"):
        if field in cleaned:
            cleaned[field] = _whole(cleaned[field], field, errors)
    if cleaned.get("figures_year") is not None and not 1900 <= cleaned["figures_year"] <= 2100:
        errors["figures_year"] = "Enter a year, for example 2026."
    if "paid_staff_fte" in cleaned:
        cleaned["paid_staff_fte"] = _decimal(
            cleaned["paid_staff_fte"], "paid_staff_fte", errors, places=1
        )
    if "annual_income" in cleaned:
        cleaned["annual_income"] = _decimal(
            cleaned["annual_income"], "annual_income", errors, places=2
        )
    if "contract_income_share" in cleaned:
        share = _decimal(
            cleaned["contract_income_share"], "contract_income_share", errors, places=3
        )
        if share is not None and share > 1:
            errors["contract_income_share"] = (
                "Give the share of income from contracts as a number from 0 to 1 "
                "(0.25 is a quarter)."
            )
        cleaned["contract_income_share"] = share
    if cleaned.get("website") and not cleaned["website"].startswith(("https://", "http://")):
        cleaned["website"] = "https://" + cleaned["website"]
    if cleaned.get("email") and ("@" not in cleaned["email"] or " " in cleaned["email"]):
        errors["email"] = "Enter an email address like name@example.org."
    if cleaned.get("postcode"):
        try:
            found = places.lookup_postcode(cleaned["postcode"])
        except places.PlacesError as exc:
            errors["postcode"] = getattr(exc, "reason", None) or str(exc)
        else:
            cleaned["postcode"] = found.postcode.postcode
            if authority is not None and found.postcode.authority_code != authority.gss_code:
                errors["postcode"] = f"{found.postcode.postcode} is not in {authority.name}."
            cleaned["longitude"] = found.postcode.longitude
            cleaned["latitude"] = found.postcode.latitude
    elif "postcode" in cleaned:
        cleaned.update(postcode="", longitude=None, latitude=None)
    _check_sizes(cleaned, errors)
    if errors:
        raise DirectoryInvalid(errors)
    return cleaned


# The largest whole number the integer columns hold on every database we support.
MAX_WHOLE = 2_147_483_647


def _check_sizes(cleaned: dict, errors: dict) -> None:
    """Refuse what the columns cannot hold, rather than let the database fail the save."""
    for field, value in cleaned.items():
        if field in errors or value is None or field not in DETAIL_FIELDS:
            continue
        column = Organisation._meta.get_field(field)
        limit = getattr(column, "max_length", None)
        if isinstance(value, str) and limit and len(value) > limit:
            errors[field] = f"This must be {limit} characters or fewer."
        elif isinstance(value, int) and value > MAX_WHOLE:
            errors[field] = "This number is too large."
        elif isinstance(value, Decimal):
            whole_digits = column.max_digits - column.decimal_places
            if value >= Decimal(10) ** whole_digits:
                errors[field] = "This number is too large."
