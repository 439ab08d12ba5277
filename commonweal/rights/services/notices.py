"""The notices a case produces (s.91, s.97, s.98; ACV-10, 16, 19): each written once, kept
as given, logged in the audit trail, and rendered as HTML or PDF from the same words."""

import datetime as dt
from pathlib import Path

from fpdf import FPDF

from commonweal.core import audit
from commonweal.rights.models import Nomination, Notice, NoticeKind, Recipient
from commonweal.rights.services._common import person

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _when(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def recipients_for(nomination: Nomination, kind: str) -> list[tuple[str, str]]:
    """(recipient, name) pairs for a notice of this kind."""
    owners = nomination.owners.splitlines()[0] if nomination.owners.strip() else "The owner"
    occupiers = (
        nomination.occupiers.splitlines()[0] if nomination.occupiers.strip() else "The occupier"
    )
    everyone = [
        (Recipient.OWNER, owners),
        (Recipient.OCCUPIER, occupiers),
        (Recipient.NOMINATOR, nomination.nominator.name),
    ]
    if nomination.parish is not None:
        everyone.append((Recipient.PARISH, nomination.parish.name))
    if kind in (
        NoticeKind.LISTED,
        NoticeKind.NOT_LISTED,
        NoticeKind.REMOVED,
        NoticeKind.CONSIDERING,
    ):
        return everyone
    if kind == NoticeKind.DISPOSAL_NOTICE:
        found = [
            (Recipient.NOMINATOR, nomination.nominator.name),
            (Recipient.PUBLIC, "Local publicity"),
        ]
        if nomination.parish is not None:
            found.append((Recipient.PARISH, nomination.parish.name))
        return found
    return [(Recipient.OWNER, owners)]


def issue(
    nomination: Nomination,
    kind: str,
    *,
    actor,
    issued_on: dt.date,
    title: str,
    paragraphs: list[str],
    recipients: list[tuple[str, str]] | None = None,
) -> list[Notice]:
    """Write one notice per recipient; call inside the service's transaction."""
    made = []
    for recipient, name in recipients or recipients_for(nomination, kind):
        notice = Notice.objects.create(
            nomination=nomination,
            kind=kind,
            recipient=recipient,
            recipient_name=name[:300],
            title=title,
            paragraphs=[_addressed(recipient, name), *paragraphs],
            issued_on=issued_on,
            issued_by=person(actor),
        )
        audit.record(
            "rights.notice_issued",
            actor=actor,
            obj=notice,
            object_repr=f"{nomination.reference}: {notice}",
            after={"kind": kind, "recipient": recipient, "issued_on": issued_on.isoformat()},
        )
        made.append(notice)
    return made


def _addressed(recipient: str, name: str) -> str:
    if recipient == Recipient.PUBLIC:
        return "Public notice."
    return f"To: {name} ({Recipient(recipient).label.lower()})."


def land_line(nomination: Nomination) -> str:
    where = f", {nomination.address}" if nomination.address else ""
    return f"Land: {nomination.name}{where} (reference {nomination.reference})."


def pdf_bytes(notice: Notice, council: str) -> bytes:
    """The notice as a PDF (fpdf2), with the council's name and the date given."""
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    regular = FONT_DIR / "DejaVuSans.ttf"
    if regular.exists():
        pdf.add_font("body", "", str(regular))
        pdf.add_font("body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        family = "body"
    else:  # pragma: no cover - the Debian fonts are on every machine we run on
        family = "helvetica"
    pdf.set_title(notice.title)
    pdf.set_author(council)
    pdf.set_font(family, "B", 11)
    pdf.multi_cell(0, 6, council, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    pdf.multi_cell(0, 6, f"Date given: {_when(notice.issued_on)}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(family, "B", 16)
    pdf.multi_cell(0, 8, notice.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(family, "", 11)
    for paragraph in notice.paragraphs:
        text = paragraph if family == "body" else paragraph.encode("latin-1", "replace").decode()
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())
