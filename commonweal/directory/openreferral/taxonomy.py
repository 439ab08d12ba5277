"""The taxonomies the feed uses: our communities of interest, and three of our own
vocabularies (kind, legal form, classification) so a Commonweal feed round-trips."""

from dataclasses import dataclass

from commonweal.directory.models import (
    ClassificationChoice,
    InterestTag,
    LegalForm,
    OrganisationKind,
)
from commonweal.directory.openreferral.ids import taxonomy_id, term_id


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str

    @property
    def id(self) -> str:
        return taxonomy_id(self.key)


INTERESTS = Taxonomy(
    "interests",
    "Communities of interest",
    "Communities of interest and identity (faith, disability, language, age …) that a group "
    "serves, from the taxonomy the council's officers maintain.",
)
KINDS = Taxonomy("organisation-kinds", "Kinds of organisation", "What kind of organisation it is.")
LEGAL_FORMS = Taxonomy("legal-forms", "Legal forms", "The organisation's legal form.")
CLASSIFICATION = Taxonomy(
    "classification",
    "Community-led or service provider",
    "Whether the organisation is community-led (mainly members and volunteers) or a service "
    "provider (mainly paid staff and contract income), as the directory classifies it.",
)
TAXONOMIES = (INTERESTS, KINDS, LEGAL_FORMS, CLASSIFICATION)
BY_ID = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}

CHOICES = {
    KINDS.key: OrganisationKind,
    LEGAL_FORMS.key: LegalForm,
    CLASSIFICATION.key: ClassificationChoice,
}


def term(taxonomy: Taxonomy, code: str, name: str, description: str = "") -> dict:
    return {
        "id": term_id(taxonomy.key, code),
        "name": name,
        "description": description or name,
        "taxonomy": taxonomy.name,
        "taxonomy_id": taxonomy.id,
        "term": code,
    }


def choice_term(taxonomy: Taxonomy, code: str) -> dict:
    return term(taxonomy, code, str(CHOICES[taxonomy.key](code).label))


def interest_term(tag: InterestTag) -> dict:
    record = term(INTERESTS, tag.slug, tag.name, tag.description)
    if tag.parent_id:
        record["parent_id"] = term_id(INTERESTS.key, tag.parent.slug)
    return record


def all_terms() -> list[dict]:
    terms = [interest_term(tag) for tag in InterestTag.objects.current().select_related("parent")]
    for taxonomy in (KINDS, LEGAL_FORMS, CLASSIFICATION):
        terms += [choice_term(taxonomy, code) for code in CHOICES[taxonomy.key].values]
    return terms


def taxonomy_record(taxonomy: Taxonomy, *, with_terms: bool = False) -> dict:
    record = {"id": taxonomy.id, "name": taxonomy.name, "description": taxonomy.description}
    if with_terms:
        record["taxonomy_terms"] = [t for t in all_terms() if t["taxonomy_id"] == taxonomy.id]
    return record
