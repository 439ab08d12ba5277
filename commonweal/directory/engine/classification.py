"""Community-led or provider: the one function that tells them apart.

The programme's critics asked that community groups be told apart from social
enterprises and other service providers, which are businesses and cannot be the
voice of the community. An organisation is *community-led* when it is wholly or
mainly run by its members and volunteers and does not mainly sell services; it is
a *provider* when it is mainly paid staff or mainly earns its income from contracts.

"Mainly" means more than half, so the boundaries are strict:
- contract income of exactly half of all income is not "mainly from contracts";
- as many paid staff (full-time equivalent) as active volunteers is not "mainly
  volunteers", so it is a provider.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Classification(StrEnum):
    COMMUNITY_LED = "community_led"
    PROVIDER = "provider"
    UNDETERMINED = "undetermined"

    @property
    def label(self) -> str:
        return {
            "community_led": "Community-led",
            "provider": "Service provider",
            "undetermined": "Not yet classified",
        }[self.value]


# Kinds that are providers whatever their workforce: they sell or deliver services.
PROVIDER_KINDS = frozenset({"public_provider", "business"})
# Above this share of income from contracts an organisation mainly sells services.
CONTRACT_SHARE_LIMIT = Decimal("0.5")


@dataclass(frozen=True)
class Workforce:
    """What an organisation tells us about its people and money. None is "not known"."""

    kind: str
    members: int | None = None
    active_volunteers: int | None = None
    paid_staff_fte: Decimal | None = None
    annual_income: Decimal | None = None
    # A share from 0 to 1 of annual income earned from contracts to deliver services.
    contract_income_share: Decimal | None = None


@dataclass(frozen=True)
class Result:
    classification: Classification
    rule: str  # a short stable name for the rule that decided, for reports and tests
    reason: str  # plain English, shown beside the classification


def _share_text(share: Decimal) -> str:
    # Whole percentages where exact; otherwise one decimal place, so a share just over half
    # never reads as the "50%" it has just crossed.
    percent = share * 100
    if percent == percent.to_integral_value():
        return f"{percent.quantize(Decimal('1'))}%"
    return f"{percent.quantize(Decimal('0.1'))}%"


def classify(workforce: Workforce) -> Result:
    """Classify one organisation from its kind, workforce and income."""
    if workforce.kind in PROVIDER_KINDS:
        what = "a public service provider" if workforce.kind == "public_provider" else "a business"
        return Result(
            Classification.PROVIDER,
            "provider_kind",
            f"It is {what}, which delivers services whatever its workforce.",
        )
    share = workforce.contract_income_share
    if share is None and workforce.annual_income == 0:
        share = Decimal(0)
    if share is not None and not Decimal(0) <= share <= Decimal(1):
        raise ValueError("The share of income from contracts must be between 0 and 1.")
    if share is not None and share > CONTRACT_SHARE_LIMIT:
        return Result(
            Classification.PROVIDER,
            "mainly_contract_income",
            f"{_share_text(share)} of its income comes from contracts to deliver services, "
            "so it mainly sells services.",
        )
    missing = []
    if workforce.paid_staff_fte is None:
        missing.append("paid staff")
    if workforce.active_volunteers is None:
        missing.append("active volunteers")
    if share is None:
        missing.append("share of income from contracts")
    if missing:
        return Result(
            Classification.UNDETERMINED,
            "missing_figures",
            f"We need its figures for {', '.join(missing)} to classify it.",
        )
    paid = workforce.paid_staff_fte
    volunteers = workforce.active_volunteers
    if paid < 0 or volunteers < 0:
        raise ValueError("Paid staff and volunteers cannot be negative.")
    if paid == 0:
        if volunteers == 0 and not workforce.members:
            return Result(
                Classification.UNDETERMINED,
                "no_people",
                "It has told us of no members, volunteers or paid staff.",
            )
        return Result(
            Classification.COMMUNITY_LED,
            "volunteer_run",
            "It is run wholly by its members and volunteers, with no paid staff, and does "
            "not mainly sell services.",
        )
    if volunteers > paid:
        return Result(
            Classification.COMMUNITY_LED,
            "mainly_volunteers",
            f"It is run mainly by volunteers ({volunteers} active volunteers to "
            f"{_fte(paid)} paid staff, full-time equivalent) and does not mainly sell services.",
        )
    return Result(
        Classification.PROVIDER,
        "mainly_paid_staff",
        f"It is run mainly by paid staff ({_fte(paid)} full-time equivalent to {volunteers} "
        "active volunteers).",
    )


def _fte(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text
