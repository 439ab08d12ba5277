"""Registration numbers, checked and expressed as org-id identifiers (org-id.guide).

- Charity Commission for England and Wales: 6 or 7 digits → GB-CHC-1234567
- Scottish Charity Regulator: SC and 6 digits → GB-SC-SC012345
- Charity Commission for Northern Ireland: NIC and 6 digits (or 6 digits) → GB-NIC-100001
- Companies House: 8 digits, or 2 letters and 6 digits (SC, NI, OC, CE …) → GB-COH-01234567
- Mutuals Public Register (co-operative and community benefit societies): digits,
  optionally ending in R → GB-MPR-12345R
"""

import re
from dataclasses import dataclass


class InvalidIdentifier(ValueError):
    """A registration number that cannot be right, with the reason in plain words."""


@dataclass(frozen=True)
class OrgId:
    scheme: str
    value: str

    def __str__(self) -> str:
        return f"{self.scheme}-{self.value}"


def _squash(raw: str) -> str:
    return re.sub(r"[\s.\-/]", "", raw or "").upper()


def charity_id(raw: str) -> OrgId:
    number = _squash(raw)
    if re.fullmatch(r"SC\d{6}", number):
        return OrgId("GB-SC", number)
    if re.fullmatch(r"NIC\d{6}", number):
        return OrgId("GB-NIC", number[3:])
    if re.fullmatch(r"[1-9]\d{5,6}", number):
        return OrgId("GB-CHC", number)
    raise InvalidIdentifier(
        f"“{(raw or '').strip()}” is not a charity number: in England and Wales it is 6 or 7 "
        "digits (for example 1234567); in Scotland SC and 6 digits; in Northern Ireland NIC and "
        "6 digits."
    )


COMPANY_PREFIXES = ("SC", "NI", "OC", "SO", "NC", "R0", "CE", "CS", "GE", "FC", "LP", "SL", "IP")


def company_id(raw: str) -> OrgId:
    number = _squash(raw)
    if re.fullmatch(r"\d{1,8}", number):
        return OrgId("GB-COH", number.zfill(8))
    if re.fullmatch(r"[A-Z]{2}\d{6}", number) and number[:2] in COMPANY_PREFIXES:
        return OrgId("GB-COH", number)
    raise InvalidIdentifier(
        f"“{(raw or '').strip()}” is not a company number: it is 8 digits (for example "
        "01234567), or 2 letters such as SC or NI and 6 digits."
    )


def society_id(raw: str) -> OrgId:
    number = _squash(raw)
    if re.fullmatch(r"[1-9]\d{0,5}R?", number):
        return OrgId("GB-MPR", number)
    raise InvalidIdentifier(
        f"“{(raw or '').strip()}” is not a society number from the Mutuals Public Register: it "
        "is up to 6 digits, sometimes followed by R (for example 31234R)."
    )


PARSERS = {"charity": charity_id, "company": company_id, "society": society_id}
SCHEMES = {"GB-CHC": "charity", "GB-SC": "charity", "GB-NIC": "charity", "GB-COH": "company"}
SCHEMES["GB-MPR"] = "society"


def parse_org_id(text: str) -> tuple[str, OrgId]:
    """ "GB-CHC-1234567" → ("charity", OrgId). Raises InvalidIdentifier."""
    cleaned = (text or "").strip().upper()
    for scheme, kind in SCHEMES.items():
        if cleaned.startswith(scheme + "-"):
            value = cleaned[len(scheme) + 1 :]
            if scheme == "GB-NIC":
                value = "NIC" + value
            return kind, PARSERS[kind](value)
    raise InvalidIdentifier(
        f"“{(text or '').strip()}” is not an org-id we know: use GB-CHC-, GB-SC-, GB-NIC-, "
        "GB-COH- or GB-MPR- followed by the number."
    )
