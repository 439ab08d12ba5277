"""A notice as it was given: HTML to read, PDF to print or send."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from commonweal.accounts.permissions import check as guard
from commonweal.rights.models import Notice
from commonweal.rights.services.notices import pdf_bytes
from commonweal.rights.views.common import crumbs


def _notice(pk: int) -> Notice:
    return get_object_or_404(
        Notice.objects.select_related("nomination__authority", "nomination__nominator"), pk=pk
    )


@require_GET
def notice_page(request, pk: int):
    notice = _notice(pk)
    if denied := guard(request, "rights.view_notice", notice):
        return denied
    return render(
        request,
        "rights/notice.html",
        {
            "notice": notice,
            "council": notice.nomination.authority.name,
            "breadcrumbs": crumbs((notice.nomination.name, None)),
        },
    )


@require_GET
def notice_pdf(request, pk: int):
    notice = _notice(pk)
    if denied := guard(request, "rights.view_notice", notice):
        return denied
    response = HttpResponse(
        pdf_bytes(notice, notice.nomination.authority.name), content_type="application/pdf"
    )
    name = f"{notice.nomination.reference}-{notice.kind}-{notice.recipient}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
