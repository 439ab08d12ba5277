"""The code of conduct: versions officers publish, and groups' acceptance of them."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from commonweal.core import audit
from commonweal.directory.models import CodeOfConduct, ConductAcceptance, Organisation
from commonweal.directory.services._common import check, person
from commonweal.directory.services.errors import DirectoryError, DirectoryInvalid


def current_code() -> CodeOfConduct | None:
    return CodeOfConduct.objects.current()


def publish_code(*, actor, title: str, text: str, summary_of_changes: str = "") -> CodeOfConduct:
    """A new version. Every group is asked to accept it again."""
    check(actor, "directory.publish_conduct")
    errors = {}
    title, text = (title or "").strip(), (text or "").strip()
    if not title:
        errors["title"] = "Give the code a title."
    if len(text) < 50:
        errors["text"] = "Write out the code in full (at least 50 characters)."
    if errors:
        raise DirectoryInvalid(errors)
    with transaction.atomic():
        latest = CodeOfConduct.objects.aggregate(v=Max("version"))["v"] or 0
        code = CodeOfConduct.objects.create(
            version=latest + 1,
            title=title,
            text=text,
            summary_of_changes=(summary_of_changes or "").strip(),
            published_at=timezone.now(),
            published_by=person(actor),
        )
        audit.record(
            "directory.conduct_published", actor=actor, obj=code, after={"version": code.version}
        )
    return code


def accept_code(*, actor, organisation: Organisation) -> ConductAcceptance:
    check(actor, "directory.accept_conduct", organisation)
    code = current_code()
    if code is None:
        raise DirectoryError("There is no code of conduct to accept yet.")
    if organisation.conduct_acceptances.filter(code=code).exists():
        raise DirectoryError(f"{organisation.name} has already accepted version {code.version}.")
    with transaction.atomic():
        acceptance = ConductAcceptance.objects.create(
            organisation=organisation,
            code=code,
            accepted_by=person(actor),
            accepted_at=timezone.now(),
        )
        audit.record(
            "directory.conduct_accepted",
            actor=actor,
            obj=organisation,
            after={"version": code.version},
        )
    return acceptance


@dataclass(frozen=True)
class ConductStatus:
    current: CodeOfConduct | None
    accepted: ConductAcceptance | None  # the latest acceptance of any version

    @property
    def is_current(self) -> bool:
        return bool(self.current and self.accepted and self.accepted.code_id == self.current.pk)

    @property
    def label(self) -> str:
        if self.current is None:
            return "No code of conduct has been published"
        if self.accepted is None:
            return "Has not accepted the code of conduct"
        if self.is_current:
            return f"Accepted version {self.current.version}"
        return (
            f"Accepted version {self.accepted.code.version}; asked to accept version "
            f"{self.current.version}"
        )


def conduct_status(organisation: Organisation) -> ConductStatus:
    accepted = (
        organisation.conduct_acceptances.select_related("code").order_by("-code__version").first()
    )
    return ConductStatus(current_code(), accepted)
