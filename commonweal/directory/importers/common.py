"""What the directory's importers share: the borough option, cleaning through the
directory's own rules, and de-duplication (a registration number first, then the
normalised name and postcode)."""

import re
from dataclasses import dataclass, field

from commonweal.datasets.importing import RowError
from commonweal.directory import services
from commonweal.directory.engine.identifiers import PARSERS
from commonweal.directory.models import LegalForm, Organisation
from commonweal.places.importers.common import CODE_PATTERNS
from commonweal.places.models import Area, AreaType

NUMBER_LABELS = {
    "charity_number": "charity number",
    "company_number": "company number",
    "society_number": "society number",
}
# Set by clean_details from the postcode: not details a person (or a file) sets.
DERIVED = ("longitude", "latitude")


def authority_option(options: dict) -> Area:
    code = (options.get("authority") or "").strip().upper()
    if not code:
        raise ValueError("say which borough the organisations are in: --option authority=E08000033")
    if not CODE_PATTERNS[AreaType.LOCAL_AUTHORITY].match(code):
        raise ValueError(f"“{code}” is not a local authority code (like E08000033)")
    authority = Area.objects.of_type(AreaType.LOCAL_AUTHORITY).filter(gss_code=code).first()
    if authority is None:
        raise ValueError(f"we do not hold the borough {code}: import its boundaries first")
    return authority


def clean(details: dict, authority: Area, columns: dict[str, str] | None = None) -> dict:
    """The details as the directory's services would clean them, or RowError naming every
    problem (in the file's own column names, when given)."""
    try:
        cleaned = services.clean_details(details, authority=authority)
    except services.DirectoryInvalid as invalid:
        columns = columns or {}
        names = [columns.get(name, name) for name in invalid.errors]
        if len(invalid.errors) == 1:
            raise RowError(names[0], next(iter(invalid.errors.values()))) from None
        reasons = "; ".join(f"{columns.get(k, k)}: {v}" for k, v in invalid.errors.items())
        raise RowError(", ".join(names), reasons) from None
    for name in DERIVED:
        cleaned.pop(name, None)
    return cleaned


def org_ids(details: dict) -> list[tuple[str, str]]:
    """(org-id, "same charity number 1234567") for each registration number given."""
    found = []
    for name, kind in (("charity_number", "charity"), ("company_number", "company")):
        if details.get(name):
            found.append((str(PARSERS[kind](details[name])), name))
    if details.get("society_number"):
        found.append((str(PARSERS["society"](details["society_number"])), "society_number"))
    return [(org_id, f"same {NUMBER_LABELS[name]} {details[name]}") for org_id, name in found]


def normalise_name(name: str) -> str:
    """ "The Park Road Residents' Association" → "park road residents association"."""
    text = (name or "").casefold().replace("&", " and ")
    text = re.sub("['\u2019`]", "", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _postcode_key(postcode: str) -> str:
    return re.sub(r"\s+", "", postcode or "").upper()


@dataclass
class Index:
    """Organisations seen so far, found again by org-id or by name and postcode."""

    by_id: dict = field(default_factory=dict)
    by_name: dict = field(default_factory=dict)

    def find(self, details: dict, extra_keys=()):
        """(what was found, why it matches) or (None, "")."""
        for key, reason in [*extra_keys, *org_ids(details)]:
            if key in self.by_id:
                return self.by_id[key], reason
        name_key = (normalise_name(details.get("name", "")), _postcode_key(details.get("postcode")))
        if name_key in self.by_name:
            where = details.get("postcode") or "no postcode"
            return self.by_name[name_key], f"same name and postcode ({where})"
        return None, ""

    def add(self, item, details: dict, extra_keys=()) -> None:
        for key, _ in [*extra_keys, *org_ids(details)]:
            self.by_id.setdefault(key, item)
        name_key = (normalise_name(details.get("name", "")), _postcode_key(details.get("postcode")))
        self.by_name.setdefault(name_key, item)


def existing(authority: Area, extra_keys=lambda organisation: ()) -> Index:
    index = Index()
    for organisation in Organisation.records.in_authority(authority).order_by("pk"):
        details = {
            "name": organisation.name,
            "postcode": organisation.postcode,
            "charity_number": organisation.charity_number,
            "company_number": organisation.company_number,
            "society_number": organisation.society_number,
        }
        index.add(organisation, details, extra_keys(organisation))
    return index


def merge_into(kept: dict, extra: dict) -> list[str]:
    """Fill the kept row's blanks from a duplicate; the first row's values win."""
    filled = []
    for name, value in extra.items():
        if value in ("", None) or kept.get(name) not in ("", None):
            continue
        kept[name] = value
        filled.append(name)
    return filled


def blanks_to_fill(organisation: Organisation, details: dict) -> dict:
    """What a file can add to an organisation we hold: only what it lacks, so the
    people who run it keep their own words, and a second import changes nothing."""
    changes = {}
    for name, value in details.items():
        if name in ("name", "kind") or value in ("", None):
            continue
        current = getattr(organisation, name)
        if name == "legal_form":
            if current == LegalForm.OTHER and value != LegalForm.OTHER:
                changes[name] = value
        elif current in ("", None):
            changes[name] = value
    return changes


def fill_blanks(organisation: Organisation, details: dict) -> list[str]:
    changes = blanks_to_fill(organisation, details)
    if changes:
        services.update_organisation(actor=None, organisation=organisation, **changes)
    return sorted(changes)
