"""Who may use the officers' pages: every view, every method, every persona.

"officer" is Calderdale's officer; the groups are in Calderdale. A Trafford officer is
refused on Calderdale's groups.
"""

import pytest
from django.urls import resolve, reverse

from commonweal.directory.models import InterestTag, Organisation
from commonweal.directory.tests import officer_helpers
from commonweal.directory.tests.conftest import PERSONAS
from commonweal.directory.tests.officer_helpers import audit_count, login_url

pytestmark = pytest.mark.django_db

pending = officer_helpers.pending
overridden = officer_helpers.overridden

STAFF = {"officer", "administrator"}
EVERYONE = set(PERSONAS)

# (id, method, url, data, who may, what they get): url and data take the fixtures' objects.
CASES = [
    ("queue", "get", lambda o: reverse("directory:verification_queue"), None, STAFF, 200),
    (
        "review",
        "get",
        lambda o: reverse("directory:verification_review", args=[o["pending"].slug]),
        None,
        STAFF,
        200,
    ),
    (
        "review-verify",
        "post",
        lambda o: reverse("directory:verification_review", args=[o["pending"].slug]),
        {"action": "verify", "note": "Met them at the library."},
        STAFF,
        302,
    ),
    (
        "review-withdraw",
        "post",
        lambda o: reverse("directory:verification_review", args=[o["group"].slug]),
        {"action": "withdraw", "reason": "The group has stopped meeting."},
        STAFF,
        302,
    ),
    (
        "classification",
        "get",
        lambda o: reverse("directory:classification", args=[o["group"].slug]),
        None,
        STAFF,
        200,
    ),
    (
        "classification-override",
        "post",
        lambda o: reverse("directory:classification", args=[o["group"].slug]),
        {
            "action": "override",
            "classification": "provider",
            "justification": "Delivers the council's lunch club.",
        },
        STAFF,
        302,
    ),
    (
        "classification-clear",
        "post",
        lambda o: reverse("directory:classification", args=[o["overridden"].slug]),
        {"action": "clear", "reason": "The contract has ended."},
        STAFF,
        302,
    ),
    ("conduct", "get", lambda o: reverse("directory:conduct"), None, EVERYONE, 200),
    (
        "conduct-version",
        "get",
        lambda o: reverse("directory:conduct_version", args=[1]),
        None,
        EVERYONE,
        200,
    ),
    ("conduct-publish", "get", lambda o: reverse("directory:conduct_publish"), None, STAFF, 200),
    (
        "conduct-publish-post",
        "post",
        lambda o: reverse("directory:conduct_publish"),
        {
            "title": "Code of conduct for community groups",
            "text": "Groups agree to be open, fair and safe for everyone they serve. " * 3,
            "summary_of_changes": "Shorter and plainer.",
        },
        STAFF,
        302,
    ),
    ("tags", "get", lambda o: reverse("directory:interest_tags"), None, EVERYONE, 200),
    ("tags-manage", "get", lambda o: reverse("directory:interest_tags_manage"), None, STAFF, 200),
    (
        "tags-add",
        "post",
        lambda o: reverse("directory:interest_tags_manage"),
        {"action": "add", "name": "Polish speakers", "description": "", "parent": ""},
        STAFF,
        302,
    ),
    (
        "tags-retire",
        "post",
        lambda o: reverse("directory:interest_tags_manage"),
        {"action": "retire", "tag": "carers"},
        STAFF,
        302,
    ),
]


@pytest.fixture
def objects(group, pending, overridden) -> dict:
    return {"group": group, "pending": pending, "overridden": overridden}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("method", "url", "data", "allowed", "ok"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_every_persona(as_persona, objects, persona, method, url, data, allowed, ok):
    client = as_persona(persona)
    target = url(objects)
    before = audit_count()
    response = getattr(client, method)(target, data or {})
    if persona in allowed:
        assert response.status_code == ok
        if method == "post":
            assert audit_count() == before + 1
    elif persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(login_url())
        assert audit_count() == before
    else:
        assert response.status_code == 403
        assert audit_count() == before


GET_ONLY = ["queue", "conduct", "conduct-version", "tags"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", [c for c in CASES if c[0] in GET_ONLY], ids=GET_ONLY)
def test_read_only_pages_refuse_posts(as_persona, objects, persona, case):
    response = as_persona(persona).post(case[2](objects), {})
    assert response.status_code == 405


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_unknown_group_is_not_found_for_everyone(as_persona, persona):
    client = as_persona(persona)
    for name in ("verification_review", "classification"):
        response = client.get(reverse(f"directory:{name}", args=["no-such-group"]))
        assert response.status_code == 404


def test_an_officer_of_another_borough_is_refused(client, trafford_officer, group, pending):
    client.force_login(trafford_officer)
    before = audit_count()
    for url, data in [
        (reverse("directory:verification_review", args=[pending.slug]), None),
        (reverse("directory:verification_review", args=[pending.slug]), {"action": "verify"}),
        (
            reverse("directory:verification_review", args=[group.slug]),
            {"action": "withdraw", "reason": "Not in our borough at all."},
        ),
        (reverse("directory:classification", args=[group.slug]), None),
        (
            reverse("directory:classification", args=[group.slug]),
            {
                "action": "override",
                "classification": "provider",
                "justification": "Trafford thinks so.",
            },
        ),
    ]:
        response = client.post(url, data) if data else client.get(url)
        assert response.status_code == 403, url
    assert audit_count() == before
    assert not Organisation.public.filter(pk=pending.pk).exists()
    # The queue opens, but shows only Trafford's entries.
    response = client.get(reverse("directory:verification_queue"))
    assert response.status_code == 200
    assert pending.name not in response.content.decode()


def test_an_officer_of_another_borough_may_keep_the_shared_lists(client, trafford_officer):
    # The code of conduct and the taxonomy are the platform's, not one borough's.
    client.force_login(trafford_officer)
    assert client.get(reverse("directory:conduct_publish")).status_code == 200
    assert client.get(reverse("directory:interest_tags_manage")).status_code == 200
    response = client.post(
        reverse("directory:interest_tags_manage"), {"action": "add", "name": "Bikers"}
    )
    assert response.status_code == 302
    assert InterestTag.objects.filter(name="Bikers").exists()


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/groups/officer/verification/", "verification_queue"),
        ("/groups/officer/verification/park-road/", "verification_review"),
        ("/groups/park-road/classification/", "classification"),
        ("/groups/code-of-conduct/", "conduct"),
        ("/groups/code-of-conduct/new/", "conduct_publish"),
        ("/groups/code-of-conduct/3/", "conduct_version"),
        ("/groups/interests/", "interest_tags"),
        ("/groups/interests/manage/", "interest_tags_manage"),
    ],
)
def test_the_paths_reach_these_pages(path, name):
    # Guards against another part's catch-all /groups/<slug>/ path taking these first.
    match = resolve(path)
    assert (match.namespace, match.url_name) == ("directory", name)
