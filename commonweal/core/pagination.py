"""Page-number pagination for every app's API.

An operation takes ``paging: Query[PageParams]``, declares ``page_of(ItemSchema)`` as its 200
response, and returns ``paginate(request, items, paging)``. The response is::

    {"count": 123, "page": 2, "page_size": 50,
     "next": "https://…?page=3", "previous": "https://…?page=1", "results": [...]}

``page_size`` defaults to ``settings.API_PAGE_SIZE`` and is capped at ``MAX_PAGE_SIZE``; a larger
value is reduced rather than refused. A page past the last one is a 404 (page 1 always exists,
even when empty).
"""

import math
from collections.abc import Sequence
from functools import cache
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Schema
from pydantic import create_model

MAX_PAGE_SIZE = 200


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Which page of results, counting from 1.")
    page_size: int | None = Field(
        None,
        ge=1,
        description=(
            f"How many results per page: at most {MAX_PAGE_SIZE} (a larger number is reduced "
            "to that); the site's default when not given."
        ),
    )

    def size(self) -> int:
        return min(self.page_size or settings.API_PAGE_SIZE, MAX_PAGE_SIZE)


@cache
def page_of(item: type[Schema]) -> type[Schema]:
    """The response schema for one page of `item`s, named e.g. ``AreaSummaryPage``."""
    return create_model(
        f"{item.__name__}Page",
        __base__=Schema,
        __doc__=f"One page of {item.__name__} results.",
        count=(int, Field(..., description="How many results there are on every page together.")),
        page=(int, Field(..., description="This page's number, counting from 1.")),
        page_size=(int, Field(..., description="The most results a page holds.")),
        next=(str | None, Field(..., description="The next page's address, if there is one.")),
        previous=(
            str | None,
            Field(..., description="The previous page's address, if there is one."),
        ),
        results=(list[item], ...),
    )


def paginate(request: HttpRequest, items: QuerySet | Sequence, params: PageParams) -> dict:
    """One page of `items` (a QuerySet or a list) as the page response body."""
    size = params.size()
    count = items.count() if isinstance(items, QuerySet) else len(items)
    last = max(1, math.ceil(count / size))
    if params.page > last:
        pages = "is 1 page" if last == 1 else f"are {last} pages"
        raise Http404(f"There is no page {params.page}: there {pages} of results.")
    start = (params.page - 1) * size
    return {
        "count": count,
        "page": params.page,
        "page_size": size,
        "next": _page_url(request, params.page + 1) if params.page < last else None,
        "previous": _page_url(request, params.page - 1) if params.page > 1 else None,
        "results": list(items[start : start + size]),
    }


def _page_url(request: HttpRequest, page: int) -> str:
    query: Any = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
