"""Who may vote in a pot: residents of its area, old enough, with the access code if set.

Nothing is stored but the ballot itself: the postcode and date of birth are checked and
forgotten (data minimisation).
"""

from datetime import date

from django.contrib.auth.hashers import check_password
from django.utils import timezone

from commonweal.budgets.models import AgeCheck
from commonweal.budgets.services.errors import BudgetsError
from commonweal.budgets.services.places import area_of_pot, find_postcode, postcode_in


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def check_eligibility(
    pot,
    *,
    postcode: str,
    date_of_birth: date | None = None,
    age_declared: bool = False,
    access_code: str = "",
    today: date | None = None,
) -> None:
    """Raise BudgetsError (with every failing field) unless the voter is eligible."""
    process = pot.process
    errors = {}
    area = area_of_pot(pot)
    try:
        found = find_postcode(postcode)
    except BudgetsError as exc:
        errors["postcode"] = exc.reason
    else:
        if area is not None and not postcode_in(found, area):
            errors["postcode"] = (
                f"{found.postcode} is not in {area.name}. Only people who live there can "
                "vote for this pot."
            )
    if process.age_check == AgeCheck.DATE_OF_BIRTH:
        if date_of_birth is None:
            errors["date_of_birth"] = "Enter your date of birth."
        elif age_on(date_of_birth, today or timezone.localdate()) < process.min_age:
            errors["date_of_birth"] = f"You must be {process.min_age} or older to vote."
    elif not age_declared:
        errors["age_declared"] = f"Confirm that you are {process.min_age} or older."
    if process.access_code_hash and not check_password(
        access_code.strip(), process.access_code_hash
    ):
        errors["access_code"] = "The access code is not right. Check the letter it came in."
    if errors:
        raise BudgetsError(next(iter(errors.values())), errors=errors)
