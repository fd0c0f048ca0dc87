"""Site search: results with counts by type, editors' promotions, the glossary answer and autocomplete.

Every query starts from `.live().public()`, so drafts and pages in private sections
(login, password or group restrictions, and everything beneath them) never appear.
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from core.render_memo import current_request, memoised
from core.routing import as_specific, specific_pages, with_specific_rows
from core.url_parts import parse_int
from core.visibility import searchable_site_pages, site_pages
from glossary.models import GlossaryTermPage
from map.models import MapEntry, MapPage

from .models import UnansweredSearch
from .query import SearchQuery, highlight, normalise_words
from .registry import (
    SEARCH_TYPES,
    SEARCH_TYPES_BY_KEY,
    SearchType,
    search_type_for_content_type_id,
    searchable_content_type_ids,
)

# Entries on the Relationships Map are not pages: they have a type of their own, searched apart, and
# only approved entries whose submitters allowed indexing are found.
MAP_TYPE = SearchType("map", "Relationships Map", "Map entry", ("map.MapEntry",), "public_description")
RESULT_TYPES_BY_KEY = {**SEARCH_TYPES_BY_KEY, MAP_TYPE.key: MAP_TYPE}
RESULTS_PER_PAGE = 10
SUGGESTION_LIMIT = 8
GLOSSARY_CANDIDATES = 20
SORTS = {"relevance": "Relevance", "newest": "Newest"}
# What the search log keeps: searches of a useful length, and at most so many different ones a day,
# so that a script cannot grow the database without limit (old days are pruned on a schedule).
LOGGED_QUERY_LENGTH = range(2, 101)
LOGGED_QUERIES_PER_DAY = 2000


def searchable_pages():
    """Published, public pages of the registered types: the only pages search ever looks at."""
    return searchable_site_pages().live().public().filter(content_type__in=searchable_content_type_ids())


class CountedPaginator(Paginator):
    """A paginator told its total, which the per-type counts already hold, saving a second search."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count


@dataclass(frozen=True)
class Hit:
    """One result as the template shows it; `title` and `summary` are escaped and highlighted."""

    title: SafeString
    url: str
    summary: SafeString
    search_type: SearchType | None = None
    date: datetime.date | None = None
    page_id: int | None = None
    promoted: bool = False


def page_hit(page, request, words, summary="", promoted=False):
    search_type = search_type_for_content_type_id(page.content_type_id)
    summary_attr = search_type.summary_attr if search_type else "in_brief"
    return Hit(
        title=highlight(page.title, words),
        url=page.get_url(request),
        summary=highlight(summary or getattr(page, summary_attr, ""), words),
        search_type=search_type,
        date=getattr(page, search_type.date_attr) if search_type and search_type.date_attr else None,
        page_id=page.pk,
        promoted=promoted,
    )


def searched_before(terms):
    """Wagtail's record of the search for `terms` (normalised), or None for a search nobody has made
    or promoted: read once per request for both the editors' picks and the search log, with its
    unanswered entry and whether editors picked pages for it (`promoted`)."""

    def load(wanted):
        promoted = Exists(SearchPromotion.objects.filter(query=OuterRef("pk")))
        queries = Query.objects.filter(query_string__in=wanted).select_related("unanswered")
        return {query.query_string: query for query in queries.annotate(promoted=promoted)}

    return memoised("searched queries", {terms}, load)[terms]


def promoted_hits(query, request):
    """Editors' picks for this query, in their order; picks of unpublished or private pages are dropped.
    A search that has none costs no query of its own."""
    record = searched_before(normalise_query_string(query.terms))
    if record is None or not record.promoted:
        return []
    promotions = list(record.editors_picks.select_related("page").order_by("sort_order"))
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    visible_pages = site_pages().live().public().filter(pk__in=page_ids)
    visible = {page.pk: page for page in specific_pages(visible_pages, streamfields=False)}
    hits = []
    for promotion in promotions:
        if promotion.page_id in visible:
            page = visible[promotion.page_id]
            hits.append(page_hit(page, request, query.words, promotion.description, promoted=True))
        elif not promotion.page_id and promotion.external_link_url:
            title = promotion.external_link_text or promotion.external_link_url
            hits.append(
                Hit(
                    title=highlight(title, query.words),
                    url=promotion.external_link_url,
                    summary=highlight(promotion.description, query.words),
                    promoted=True,
                )
            )
    return hits


def term_names(term):
    """The names a glossary term answers to: its title and its "also called" variants."""
    return [term.title, *term.alternative_names]


def glossary_answer(query):
    """The published term the query names exactly, else the longest term named within the query."""
    wanted = normalise_words(query.terms)
    candidates = searchable_site_pages(GlossaryTermPage).live().public().search(query.terms, operator="or")
    best, best_length = None, 0
    for term in candidates[:GLOSSARY_CANDIDATES]:
        for name in term_names(term):
            words = normalise_words(name)
            if words == wanted:
                return term
            if words and len(words) > best_length and _contains(wanted, words):
                best, best_length = term, len(words)
    return best


def _contains(haystack, needle):
    return any(haystack[start : start + len(needle)] == needle for start in range(len(haystack)))


def count_by_type(organic, promotions):
    """Matches per filter key, promotions included; `organic` maps content type ids to counts."""
    counts = {
        item.key: sum(organic.get(pk, 0) for pk in item.content_type_ids)
        + sum(hit.search_type == item for hit in promotions)
        for item in SEARCH_TYPES
    }
    counts["all"] = sum(organic.values()) + len(promotions)
    return counts


def log_search(query, found):
    """Count the search for Wagtail's search terms report and note it for ours if it found nothing.

    A search already counted today costs one query: the day's count (its record was read with the
    editors' picks). A new one is logged only while the day has room for it.
    """
    terms = normalise_query_string(query.terms)
    if len(terms) not in LOGGED_QUERY_LENGTH:
        return
    logged_query = searched_before(terms)
    today = timezone.now().date()  # the day as Wagtail's own `Query.add_hit` counts it
    counted = (
        logged_query is not None
        and QueryDailyHits.objects.filter(query=logged_query, date=today).update(hits=F("hits") + 1) > 0
    )
    if not counted:
        if QueryDailyHits.objects.filter(date=today).count() >= LOGGED_QUERIES_PER_DAY:
            return
        logged_query = logged_query or Query.get(terms)
        logged_query.add_hit(today)
    UnansweredSearch.record(logged_query, found=found)


def matching_entries(query):
    """Approved map entries whose submitters allowed indexing, matching the query; none without a map page."""
    map_page = MapPage.objects.live().public().first()
    if map_page is None:
        return None, MapEntry.objects.none()
    return map_page, MapEntry.objects.indexable().search(query.terms)


def map_entry_results(query, number):
    """A page of matching map entries, as hits linking to their pages on the map."""
    map_page, entries = matching_entries(query)
    results_page = Paginator(entries, RESULTS_PER_PAGE).get_page(number)
    map_url = map_page.get_url(current_request()) if map_page else None
    hits = [
        Hit(
            title=highlight(entry.name, query.words),
            url=map_url + map_page.reverse_subpage("entry", kwargs={"pk": entry.pk}),
            summary=highlight(entry.public_description, query.words),
            search_type=MAP_TYPE,
        )
        for entry in results_page
    ]
    paginator = CountedPaginator(hits, RESULTS_PER_PAGE, results_page.paginator.count)
    return paginator._get_page(hits, results_page.number, paginator)


def search_results(request, query, search_type, sort, number):
    """What the results page shows for one search, filter, sort and page number, as plain values."""
    promotions = promoted_hits(query, request)
    pages = searchable_pages().exclude(id__in=[hit.page_id for hit in promotions if hit.page_id])
    organic = pages.search(query.terms, order_by_relevance=False).facet("content_type_id")
    counts = count_by_type(organic, promotions)
    if search_type == MAP_TYPE:
        entries_page = map_entry_results(query, number)
        counts[MAP_TYPE.key] = entries_page.paginator.count
        return {
            "counts": counts,
            "total": counts[MAP_TYPE.key],
            "results_page": entries_page,
            "hits": list(entries_page),
            "promotions": [],
            "glossary_term": None,
        }
    counts[MAP_TYPE.key] = matching_entries(query)[1].count()

    if search_type:
        pages = pages.filter(content_type__in=search_type.content_type_ids)
        promotions = [hit for hit in promotions if hit.search_type == search_type]
    # Each result comes with its specific fields, which hits show, in the same query.
    listed = with_specific_rows(pages, streamfields=False)
    if sort == "newest":
        results = listed.order_by("-first_published_at", "-id").search(query.terms, order_by_relevance=False)
    else:
        results = listed.search(query.terms)
    organic_total = (
        sum(organic.get(pk, 0) for pk in search_type.content_type_ids)
        if search_type
        else sum(organic.values())
    )
    paginator = CountedPaginator(results, RESULTS_PER_PAGE, organic_total)
    results_page = paginator.get_page(number)
    hits = [page_hit(as_specific(page), request, query.words) for page in results_page]
    # The page keeps its hits, not the search that found them, so that it can be cached.
    paginator = CountedPaginator(hits, RESULTS_PER_PAGE, organic_total)
    results_page = paginator._get_page(hits, results_page.number, paginator)
    first_page = results_page.number == 1
    return {
        "counts": counts,
        "total": counts[search_type.key] if search_type else counts["all"],
        "results_page": results_page,
        "hits": hits,
        "promotions": promotions if first_page else [],
        "glossary_term": glossary_answer(query) if first_page else None,
    }


def search(request):
    query = SearchQuery.parse(request.GET.get("q", ""))
    search_type = RESULT_TYPES_BY_KEY.get(request.GET.get("type", ""))
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance"
    context = {
        "query": query,
        "selected_type": search_type,
        "sorts": SORTS,
        "sort": sort,
    }
    if not query:
        context["suggestions"] = (
            Query.objects.filter(editors_picks__isnull=False)
            .distinct()
            .order_by("query_string")
            .values_list("query_string", flat=True)[:SUGGESTION_LIMIT]
        )
        return render(request, "search/search.html", context)

    number = parse_int(request.GET.get("page"), default=1)
    results = search_results(request, query, search_type, sort, number)
    if results["results_page"].number == 1 and not search_type and sort == "relevance":
        # Only a fresh search is logged; paging, filtering and re-sorting it are not new searches.
        log_search(query, found=results["counts"]["all"] > 0)
    context.update(results)
    context["filters"] = [(item, results["counts"][item.key]) for item in (*SEARCH_TYPES, MAP_TYPE)]
    return render(request, "search/search.html", context)


def suggest(request):
    """Up to eight titles and addresses for the words typed so far, for the header's autocomplete."""
    query = SearchQuery.parse(request.GET.get("q", ""))
    suggestions = []
    if len(query.terms) >= 2:
        for page in searchable_pages().autocomplete(query.terms)[:SUGGESTION_LIMIT]:
            search_type = search_type_for_content_type_id(page.content_type_id)
            suggestions.append(
                {"title": page.title, "url": page.get_url(request), "type": search_type.singular}
            )
    response = JsonResponse({"query": query.text, "results": suggestions})
    response["X-Robots-Tag"] = "noindex"
    return response
