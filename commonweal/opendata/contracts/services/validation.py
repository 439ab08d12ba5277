"""Checking a contract's details before anything is saved: every reason at once."""

import re
from decimal import Decimal

from commonweal.opendata.contracts.models import AWARDED_STATUSES, Route, Status
from commonweal.opendata.contracts.ocds import schemas
from commonweal.opendata.contracts.ocds.packages import schema_dir
from commonweal.opendata.contracts.services.errors import ContractError

CPV = re.compile(r"\d{8}(-\d)?")

FIELDS = (
    "title",
    "description",
    "service",
    "cpv_code",
    "buyer_council",
    "buyer_organisation",
    "suppliers",
    "value_amount",
    "currency",
    "award_date",
    "start_date",
    "end_date",
    "areas_served",
    "route",
    "procurement_exercise",
    "challenge_reference",
    "social_value_weighting",
    "commitments",
    "status",
)


def currencies() -> list[str]:
    return schemas.schema_enum(schema_dir(), "definitions", "Value", "properties", "currency")


def _in_authority(area, authority) -> bool:
    return area.pk == authority.pk or area.authority_id == authority.pk


def _exercise_problem(exercise, values: dict, authority, route: str, reference: str) -> str:
    """A linked exercise must be this council's, for the same service, and the contract must
    say it followed a right to challenge; a reference given as well must be the exercise's."""
    if route != Route.CHALLENGE:
        return "Only a procurement after a community right to challenge follows an exercise."
    if exercise.service.authority_id != authority.pk:
        return f"That procurement exercise is not one of {authority.name}'s."
    if values["service"] and values["service"].casefold() != exercise.service.name.casefold():
        return (
            f"That procurement exercise is for “{exercise.service.name}”; "
            "the contract's service must be the same."
        )
    if reference and reference != exercise.expression.reference:
        return (
            f"That procurement exercise follows expression of interest "
            f"{exercise.expression.reference}, not {reference}."
        )
    return ""


def validate(values: dict, authority) -> dict:
    errors: dict[str, str] = {}
    values["title"] = (values.get("title") or "").strip()
    values["service"] = (values.get("service") or "").strip()
    if not values["title"]:
        errors["title"] = "Enter the contract's title."
    if not values["service"]:
        errors["service"] = "Enter the public service the contract is for."
    council, organisation = values.get("buyer_council"), values.get("buyer_organisation")
    if bool(council) == bool(organisation):
        errors["buyer"] = "Choose one buyer: the council or an organisation in the directory."
    elif council and council.pk != authority.pk:
        errors["buyer"] = "The buyer council must be the council whose contracts these are."
    status = values.get("status") or Status.PLANNED
    if status not in Status.values:
        errors["status"] = "Choose a status from the list."
    suppliers = list(values.get("suppliers") or [])
    if status in AWARDED_STATUSES:
        if not suppliers:
            errors["suppliers"] = "An awarded contract needs at least one supplier."
        if not values.get("award_date"):
            errors["award_date"] = "Enter the date the contract was awarded."
    amount = values.get("value_amount")
    if amount is not None and Decimal(amount) < 0:
        errors["value_amount"] = "The value cannot be negative."
    currency = (values.get("currency") or "GBP").upper()
    values["currency"] = currency
    if currency not in currencies():
        errors["currency"] = f"“{currency}” is not an ISO 4217 currency code."
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        errors["end_date"] = "The end date must be on or after the start date."
    route = values.get("route") or Route.OPEN
    if route not in Route.values:
        errors["route"] = "Choose a procurement route from the list."
    reference = (values.get("challenge_reference") or "").strip()
    exercise = values.get("procurement_exercise")
    if exercise is not None:
        problem = _exercise_problem(exercise, values, authority, route, reference)
        if problem:
            errors["procurement_exercise"] = problem
        reference = reference or exercise.expression.reference
    values["challenge_reference"] = reference
    if route == Route.CHALLENGE and not reference and "procurement_exercise" not in errors:
        errors["challenge_reference"] = (
            "Enter the reference of the right to challenge expression of interest."
        )
    weighting = values.get("social_value_weighting")
    if weighting is not None and not (0 <= Decimal(weighting) <= 100):
        errors["social_value_weighting"] = "The social value weighting is a percentage (0 to 100)."
    cpv = (values.get("cpv_code") or "").strip()
    values["cpv_code"] = cpv
    if cpv and not CPV.fullmatch(cpv):
        errors["cpv_code"] = "A CPV code is 8 digits, optionally with a check digit (85310000-5)."
    outside = [a.name for a in values.get("areas_served") or [] if not _in_authority(a, authority)]
    if outside:
        errors["areas_served"] = f"These areas are not in {authority.name}: {', '.join(outside)}."
    for index, item in enumerate(values.get("commitments") or [], start=1):
        if not (item[0] or "").strip():
            errors["commitments"] = f"Social value commitment {index} has no description."
    if errors:
        raise ContractError(errors)
    values["status"], values["route"], values["suppliers"] = status, route, suppliers
    return values
