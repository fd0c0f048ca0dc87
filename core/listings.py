"""What every listing needs: its cards' images in one query, and a page of items with its total in one."""

from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When, Window
from django.db.models.functions import Cast

from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.images.shortcuts import get_rendition_or_not_found

from core.url_parts import LARGEST_INTEGER, parse_int

# The renditions templates/includes/card_image.html renders for every listing card, spelled as
# Wagtail expands its `format-{avif,webp} fill-{400x250,800x500}`.
CARD_IMAGE_SPECS = [
    f"format-{image_format}|fill-{size}"
    for image_format in ("avif", "webp")
    for size in ("400x250", "800x500")
]
# The one size of an image shared on social media and sent with a feed item.
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def attach_images(pages, *fields, specs=CARD_IMAGE_SPECS, served=None):
    """`pages` as a list, given the images of `fields` (by default each page's `card_image_fields`),
    each with its renditions of `specs`.

    One query however many pages and fields: the renditions are read with their images, and each
    image is given its own as Wagtail's `prefetch_renditions()` would (prefetching each image field
    on its own would cost two queries per field, and a post's card falls back from its listing
    image to its hero image). Only an image with none of its renditions made yet is read on its
    own, and its renditions made now, so that a list kept in the cache carries them too.

    `served`, the page being served when its type reads its own images with its cards
    (`own_images_with_cards`, which routing then leaves alone), has the images its template shows
    (`served_with`) given every rendition they have, in the same query.
    """
    pages = list(pages)
    wanted = [(page, fields or getattr(page, "card_image_fields", ())) for page in pages]
    ids = {getattr(page, f"{field}_id") for page, names in wanted for field in names} - {None}
    own = served_images(served) if served is not None else []
    own_ids = {image.pk for image in own}
    images = {}
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(Q(image_id__in=ids, filter_spec__in=specs) | Q(image_id__in=own_ids))
    )
    for rendition in renditions.select_related("image") if ids or own_ids else ():
        image = images.setdefault(rendition.image_id, rendition.image)
        if not hasattr(image, "prefetched_renditions"):
            image.prefetched_renditions = []
        image.prefetched_renditions.append(rendition)
        rendition.image = image
    for image in own:
        image.prefetched_renditions = list(getattr(images.get(image.pk), "prefetched_renditions", []))
    missing = ids - images.keys()
    if missing:
        images.update(get_image_model().objects.prefetch_renditions(*specs).in_bulk(missing))
    for pk in ids & images.keys():
        for spec in specs:
            get_rendition_or_not_found(images[pk], spec)
    for page, names in wanted:
        for field in names:
            image = images.get(getattr(page, f"{field}_id"))
            if image is not None:
                setattr(page, field, image)
    return pages


def served_images(page):
    """The images a served page's own template shows (its `served_with` fields that hold images)."""
    return [
        image for name in page.served_with if isinstance(image := getattr(page, name, None), AbstractImage)
    ]


def linked(links, field):
    """(condition, place): which pages the inline panel rows `links` point to through `field`, and
    each page's place in the rows' order (None for the others), both for use inside a query of pages.
    Saved rows are read inside that query; a preview's, held in memory unsaved (modelcluster gives
    them as a list-like stand-in for a queryset), as the page holds them."""
    if isinstance(links, QuerySet):
        place = Subquery(links.filter(**{field: OuterRef("pk")}).values("sort_order")[:1])
        return Q(pk__in=links.values(field)), place
    ids = [getattr(link, f"{field}_id") for link in links]
    if not ids:
        # A typed NULL: PostgreSQL refuses a bare NULL constant to order by.
        return Q(pk__in=[]), Cast(Value(None), IntegerField())
    whens = (When(pk=pk, then=Value(number)) for number, pk in enumerate(ids))
    return Q(pk__in=ids), Case(*whens, default=None, output_field=IntegerField())


def in_link_order(pages, links, field):
    """`pages` narrowed to those `links` point to through `field`, in the links' order (see `linked`)."""
    condition, place = linked(links, field)
    return pages.filter(condition).annotate(link_place=place).order_by("link_place", "pk")


class ListingPaginator(Paginator):
    """A paginator that reads a page of items and the listing's total in the same query.

    The total comes from `COUNT(*) OVER ()` alongside the page's rows, so only an empty listing
    or a page number out of range costs Django's separate count. `prepare(items)` then fetches
    what the cards of that page show (by default their images). Orphans are not supported.
    """

    def __init__(self, object_list, per_page, prepare=attach_images):
        super().__init__(object_list, per_page)
        self.prepare = prepare

    def get_page(self, number):
        # A missing or junk number means the first page; Django's `get_page` treats those out of range.
        number = parse_int(number, default=1)
        bottom = (number - 1) * self.per_page
        # Past the largest OFFSET databases take, a number can only be far beyond the last page.
        if number >= 1 and bottom + self.per_page <= LARGEST_INTEGER:
            items = list(
                self.object_list.annotate(listing_total=Window(Count("pk")))[bottom : bottom + self.per_page]
            )
            if items:
                self.count = items[0].listing_total
                return self._get_page(self.prepare(items), number, self)
        return super().get_page(number)

    def page(self, number):
        page = super().page(number)
        page.object_list = self.prepare(page.object_list)
        return page
