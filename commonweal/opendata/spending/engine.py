"""Pure rules for spending files: amounts, dates, names and the sector of a supplier.

No Django here: the importer and the services call these, and they are tested alone.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation


class BadValue(ValueError):
    """A value that cannot be read, with the reason in plain words."""


AMOUNT = re.compile(r"^-?\d+(\.\d+)?$")


def parse_amount(raw: str) -> Decimal:
    """ "1,234.50" → 1234.50; "(12.00)", "-12.00", "12.00-" and "12.00 CR" are credits."""
    text = (raw or "").strip()
    if not text:
        raise BadValue("the amount is missing")
    body = text.replace("£", "").replace(",", "").replace(" ", "")
    negative = False
    if body.startswith("(") and body.endswith(")"):
        body, negative = body[1:-1], True
    elif body.upper().endswith("CR"):
        body, negative = body[:-2], True
    elif body.endswith("-"):
        body, negative = body[:-1], True
    if not AMOUNT.match(body):
        raise BadValue(f"“{text}” is not an amount of money")
    try:
        value = Decimal(body)
    except InvalidOperation:
        raise BadValue(f"“{text}” is not an amount of money") from None
    if abs(value) >= Decimal("1e12"):
        raise BadValue(f"“{text}” is too large to be one payment")
    value = value.quantize(Decimal("0.01"))
    return -value if negative else value


NOT_GIVEN = {"", "n/a", "na", "-", "none", "not applicable"}


def parse_optional_amount(raw: str) -> Decimal | None:
    if (raw or "").strip().casefold() in NOT_GIVEN:
        return None
    return parse_amount(raw)


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %Y")


def parse_date(raw: str) -> date:
    """ISO dates, and the day-first forms councils publish (31/07/2018, 31-Jul-18)."""
    text = (raw or "").strip()
    if not text:
        raise BadValue("the date is missing")
    candidate = text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text) else text
    for form in DATE_FORMATS:
        try:
            value = datetime.strptime(candidate, form).date()
        except ValueError:
            continue
        if not 2000 <= value.year <= 2100:
            raise BadValue(f"“{text}” is not a date between 2000 and 2100")
        return value
    raise BadValue(f"“{text}” is not a date (use YYYY-MM-DD or DD/MM/YYYY)")


LEGAL_SUFFIXES = ("limited", "ltd", "plc", "llp", "llc", "cic", "cio", "inc")


def normalise_name(name: str) -> str:
    """ "The Park Road Residents' Association Ltd." → "park road residents association"."""
    text = (name or "").casefold().replace("&", " and ")
    text = re.sub("['\u2019`]", "", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


# Sector rules ---------------------------------------------------------------------------

VCS, PRIVATE, PUBLIC, INDIVIDUAL, UNKNOWN = "vcs", "private", "public", "individual", "unknown"

# Directory kinds (commonweal.directory OrganisationKind values) and their sector.
KIND_SECTORS = {
    "neighbourhood_group": VCS,
    "residents_association": VCS,
    "tenants_association": VCS,
    "community_group": VCS,
    "faith_group": VCS,
    "charity": VCS,
    "cio": VCS,
    "cic": VCS,
    "cooperative": VCS,
    "social_enterprise": VCS,
    "neighbourhood_forum": VCS,
    "infrastructure": VCS,
    "parish_council": PUBLIC,
    "public_provider": PUBLIC,
    "business": PRIVATE,
}

WITHHELD = re.compile(
    r"^(redacted|withheld|personal budgets?|personal data|name withheld|private individual|"
    r"individual|confidential|\d{4}:\w+.*)$",
    re.IGNORECASE,
)
PUBLIC_WORDS = re.compile(
    r"\b(council|nhs|police|constabulary|fire and rescue|hm revenue|hmrc|department for|"
    r"ministry of|government|borough of|clinical commissioning|ccg|foundation trust|"
    r"university|college|academy trust|primary school|high school|combined authority|"
    r"environment agency|dvla|hm courts|passenger transport|metropolitan district)\b",
    re.IGNORECASE,
)
VCS_WORDS = re.compile(
    r"\b(charity|charitable|cic|cio|community interest|voluntary|volunteer|"
    r"residents association|tenants association|community association|housing association|"
    r"church|parish church|mosque|temple|scouts|guides|age uk|mind|barnardos|citizens advice|"
    r"hospice|society|foundation|trust|association|club|community)\b",
    re.IGNORECASE,
)
COMPANY_WORDS = re.compile(r"\b(ltd|limited|plc|llp|t/a|trading as|inc|gmbh)\b\.?", re.IGNORECASE)


@dataclass(frozen=True)
class SectorCall:
    sector: str
    reason: str


def sector_from_kind(kind: str, name: str) -> SectorCall:
    sector = KIND_SECTORS.get(kind, UNKNOWN)
    return SectorCall(sector, f"the directory lists {name} as a {kind.replace('_', ' ')}")


def sector_from_file(
    name: str, *, supplier_ref: str = "", charity_number: str = "", company_number: str = ""
) -> SectorCall:
    """The best reading of a supplier's sector from the spending file alone.

    The order matters: a registered charity number is the strongest evidence; then names
    that only public bodies use; then words voluntary groups use (a "Trust" or "Society"
    that is also "Ltd" is often a charitable company); then a company suffix.
    """
    text = (name or "").strip()
    if not text or WITHHELD.match(text) or WITHHELD.match((supplier_ref or "").strip()):
        return SectorCall(INDIVIDUAL, "the council withheld the name (a payment to a person)")
    if charity_number:
        return SectorCall(VCS, f"the file gives a registered charity number ({charity_number})")
    public = PUBLIC_WORDS.search(text)
    if public:
        return SectorCall(PUBLIC, f"the name says it is a public body (“{public.group(0)}”)")
    vcs = VCS_WORDS.search(text)
    if vcs:
        return SectorCall(
            VCS,
            f"the name suggests a voluntary or community group (“{vcs.group(0)}”); "
            "not confirmed by a registration number",
        )
    company = COMPANY_WORDS.search(text)
    if company:
        return SectorCall(PRIVATE, f"the name is a company's (“{company.group(0).strip('.')}”)")
    if company_number:
        return SectorCall(
            PRIVATE, f"the file gives a company number ({company_number}) and no charity number"
        )
    return SectorCall(UNKNOWN, "nothing in the file says which sector it is in")
