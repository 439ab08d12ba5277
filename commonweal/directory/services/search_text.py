"""Free-text matching for the directory search: PostgreSQL full-text search where we
have it, and a plain every-word-must-match fallback elsewhere (SQLite).

Each returns the narrowed queryset and a rank for every organisation in it.
"""

import re

from django.db.models import F, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce

from commonweal.directory.models import InterestTag, Organisation

_WORD = re.compile(r"-?\w+", re.UNICODE)


def postgres(queryset, text: str):
    """websearch syntax ("quoted phrases", or, -not) with English stemming; the name
    counts for more than the description and the communities of interest."""
    from django.contrib.postgres.aggregates import StringAgg
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    tag_names = (
        InterestTag.objects.filter(organisations=OuterRef("pk"))
        .order_by()
        .values("organisations")
        .annotate(names=StringAgg("name", delimiter=" ", output_field=TextField()))
        .values("names")
    )
    document = (
        SearchVector("name", weight="A", config="english")
        + SearchVector("description", weight="B", config="english")
        + SearchVector(
            Coalesce(Subquery(tag_names), Value(""), output_field=TextField()),
            weight="B",
            config="english",
        )
    )
    wanted = SearchQuery(text, search_type="websearch", config="english")
    matched = (
        queryset.annotate(document=document)
        .filter(document=wanted)
        .annotate(rank=SearchRank(F("document"), wanted))
    )
    ranks = dict(matched.values_list("pk", "rank"))
    return queryset.filter(pk__in=list(ranks)), ranks


def words(text: str) -> tuple[list[str], list[str]]:
    """The words that must appear, and those (written -word) that must not."""
    wanted, unwanted = [], []
    for token in _WORD.findall(text.lower()):
        if token.startswith("-"):
            if token[1:]:
                unwanted.append(token[1:])
        else:
            wanted.append(token)
    return wanted, unwanted


def fallback(queryset, text: str):
    """Every word must appear (case-insensitively) in the name, the description or a
    community of interest's name; ranked by how many of the words are in the name."""
    wanted, unwanted = words(text)
    if not wanted and not unwanted:
        return queryset.none(), {}
    for word in wanted:
        queryset = queryset.filter(pk__in=_containing(word))
    for word in unwanted:
        queryset = queryset.exclude(pk__in=_containing(word))
    ranks = {}
    for organisation in queryset.prefetch_related("interest_tags"):
        name = organisation.name.lower()
        elsewhere = " ".join(
            [
                organisation.description.lower(),
                *(t.name.lower() for t in organisation.interest_tags.all()),
            ]
        )
        in_name = sum(word in name for word in wanted)
        in_rest = sum(word in elsewhere for word in wanted)
        # A word in the name outranks any number found only elsewhere.
        ranks[organisation.pk] = in_name + in_rest / (len(wanted) + 1)
    return queryset, ranks


def _containing(word: str):
    return Organisation.records.filter(
        Q(name__icontains=word)
        | Q(description__icontains=word)
        | Q(interest_tags__name__icontains=word)
    ).values("pk")
