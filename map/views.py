"""What each of the map page's routes does: explore, join, confirm, manage, an entry, feed and open data."""

from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect

from django_ratelimit.core import is_ratelimited

from core.listings import ListingPaginator
from core.public_forms import post_size_problem
from core.structured_data import document

from . import moderation
from .explorer import MapExplorer
from .feeds import NewEntriesFeed
from .forms import EntryForm
from .models.entries import MapEntry, Theme
from .opendata import entries_csv, entries_json
from .tokens import CONFIRM, MANAGE, read_token

PER_PAGE = 24
RELATED_LIMIT = 6
JOIN_RATE = "5/h"
# The form has about thirty inputs (themes and choices included); the site-wide limits stay high for the admin.
FORM_MAX_FIELDS = 80
FORM_MAX_BYTES = 16 * 1024
SAFE_METHODS = ("GET", "HEAD")


def prefetch_themes(entries):
    prefetch_related_objects(entries, "themes")
    return entries


def explore(page, request):
    """The map page's context: the filters, the tile map and a page of matching entries."""
    themes = list(Theme.objects.all())
    explorer = MapExplorer(request.GET, themes)
    paginator = ListingPaginator(explorer.results(), PER_PAGE, prepare=prefetch_themes)
    entries = paginator.get_page(request.GET.get("page"))
    tiles = explorer.tiles()
    grid_width, grid_height = explorer.grid_size()
    return {
        "explorer": explorer,
        "entries": entries,
        "grid_tiles": [tile for tile in tiles if tile.x is not None],
        "other_tiles": [tile for tile in tiles if tile.x is None],
        "tiles": tiles,
        "grid_width": grid_width,
        "grid_height": grid_height,
        "clear_url": page.get_url(request),
    }


def render(page, request, template, status=200, **context):
    response = page.render(request, template=f"map/{template}.html", context_overrides=context)
    response.status_code = status
    return response


def refuse_link(page, request):
    return render(page, request, "link_refused", status=403)


def oversized(request):
    """A clear 4xx for a body no honest submission sends, before the form reads it."""
    status = post_size_problem(request, FORM_MAX_BYTES, FORM_MAX_FIELDS)
    if status is None:
        return None
    message = "Form too large." if status == 413 else "Unexpected form fields."
    return HttpResponse(message, status=status, content_type="text/plain")


def join(page, request):
    """The Add yourself form. A valid submission is stored unconfirmed and the address is asked to confirm."""
    if request.method in SAFE_METHODS:
        return render(page, request, "join", form=EntryForm())
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    refusal = oversized(request)
    if refusal:
        return refusal
    form = EntryForm(request.POST)
    if is_ratelimited(request, group="map-join", key="ip", rate=JOIN_RATE, method="POST", increment=True):
        form.add_error(
            None, "Several entries have been sent from here recently. Please try again in an hour."
        )
        return render(page, request, "join", status=429, form=form)
    if not form.is_valid():
        return render(page, request, "join", status=400, form=form)
    if not form.is_spam():
        entry = form.save()
        moderation.submitted(entry, page)
    return redirect(page.get_url(request) + page.reverse_subpage("join_sent"))


def join_sent(page, request):
    return render(page, request, "join_sent")


def entry_for(token, purpose):
    found = read_token(token, purpose)
    if found is None:
        return None
    pk, secret = found
    return MapEntry.objects.filter(pk=pk, secret=secret).first()


def confirm(page, request, token):
    """The link in the first email. A GET only asks, so that mail scanners following links confirm nothing."""
    entry = entry_for(token, CONFIRM)
    if entry is None:
        return refuse_link(page, request)
    if request.method == "POST":
        moderation.confirm(entry)
        return render(page, request, "confirmed", entry=entry)
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return render(page, request, "confirm", entry=entry, token=token)


def manage(page, request, token):
    """Edit or remove an entry through the link in any email about it."""
    entry = entry_for(token, MANAGE)
    if entry is None:
        return refuse_link(page, request)
    if request.method in SAFE_METHODS:
        form = EntryForm(instance=entry, editing=True, initial=pending_initial(entry))
        return render(page, request, "manage", entry=entry, form=form, token=token)
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.POST.get("action") == "remove":
        moderation.remove(entry, by="owner")
        return render(page, request, "removed")
    refusal = oversized(request)
    if refusal:
        return refusal
    form = EntryForm(request.POST, instance=MapEntry.objects.get(pk=entry.pk), editing=True)
    if not form.is_valid():
        return render(page, request, "manage", status=400, entry=entry, form=form, token=token)
    moderation.submit_edit(entry, form)
    return render(page, request, "saved", entry=entry)


def pending_initial(entry):
    """An edit awaiting moderation is what the submitter sees and changes next, not the approved version."""
    return entry.pending_changes


def entry(page, request, pk):
    """An approved entry's public fields, its themes, others like it and the site content linked to it."""
    found = MapEntry.objects.public().filter(pk=pk).prefetch_related("themes").first()
    if found is None:
        raise Http404("No such entry on the map")
    themes = list(found.themes.all())
    tagged = MapEntry.themes.through.objects.filter(theme__in=themes).values("mapentry_id")
    related = list(
        MapEntry.objects.public()
        .filter(region=found.region, pk__in=tagged)
        .exclude(pk=found.pk)
        .order_by("name", "pk")[:RELATED_LIMIT]
    )
    linked = [
        ("Glossary terms they use", list(found.glossary_terms.live().public().order_by("title"))),
        ("Case Maker stories about them", list(found.stories.live().public().order_by("title"))),
        ("Convenings they joined", list(found.convenings.live().public().order_by("-start"))),
    ]
    return render(
        page,
        request,
        "map_entry",
        entry=found,
        themes=themes,
        related=related,
        linked=[(heading, pages) for heading, pages in linked if pages],
        json_ld_data=organisation_json_ld(page, request, found),
    )


def organisation_json_ld(page, request, entry):
    """schema.org Organization, only for organisations whose submitter allowed indexing."""
    if entry.kind != "organisation" or not entry.allow_indexing:
        return None
    url = page.get_full_url(request) + page.reverse_subpage("entry", kwargs={"pk": entry.pk})
    return document(
        {
            "@type": "Organization",
            "@id": url,
            "name": entry.name,
            "url": entry.website if entry.shows("website") else url,
            "areaServed": entry.region_name,
            "knowsAbout": [theme.name for theme in entry.themes.all()],
            "description": entry.description if entry.shows("description") else None,
            "email": entry.public_contact if entry.shows("public_contact") else None,
        }
    )


def feed(page, request):
    return NewEntriesFeed(page)(request)


def open_data_csv(page, request):
    return entries_csv(page, request)


def open_data_json(page, request):
    return entries_json(page, request)
