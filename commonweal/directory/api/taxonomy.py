"""The communities-of-interest taxonomy groups are tagged with."""

from django.http import HttpRequest
from ninja import Query, Router

from commonweal.api import ErrorResponse
from commonweal.core.pagination import PageParams, page_of, paginate
from commonweal.directory.api import present
from commonweal.directory.api.schemas import InterestTagOut
from commonweal.directory.models import InterestTag

router = Router(tags=["Interest tags"])


@router.get(
    "/",
    response={200: page_of(InterestTagOut), 404: ErrorResponse, 422: ErrorResponse},
    summary="Communities-of-interest tags",
    description=(
        "The tags officers maintain for groups of common interest or identity (faith, "
        "disability, language, age …), in name order. Retired tags are left out. Use a "
        "tag's `slug` to search with `tag`, or to tag a group."
    ),
    url_name="directory_interest_tag_list",
    operation_id="directory_interest_tag_list",
)
def interest_tags(request: HttpRequest, paging: Query[PageParams]):
    tags = InterestTag.objects.current().select_related("parent").order_by("name", "pk")
    page = paginate(request, tags, paging)
    page["results"] = [present.interest_tag(tag) for tag in page["results"]]
    return page
