"""Demo content for the newsletter: the archive page and an issue made of the newest demo pages."""

import json
from pathlib import Path

from wagtail.models import Page

from .models import NewsletterIndexPage, NewsletterIssuePage, NewsletterItem

DATA = Path(__file__).parent / "demo" / "newsletter.json"
ITEM_MODELS = ("blogpage", "eventpage", "casestudypage")


def load(demo):
    data = json.loads(DATA.read_text())
    index = demo.page(demo.home, NewsletterIndexPage, **data["index"])
    newest = list(
        Page.objects.live()
        .public()
        .filter(content_type__model__in=ITEM_MODELS)
        .order_by("-first_published_at", "-pk")
    )
    for issue in data["issues"]:
        fields = {key: value for key, value in issue.items() if key != "items"}
        chosen = newest[: issue["items"]]
        if not index.get_children().filter(slug=issue["slug"]).exists():
            page = NewsletterIssuePage(**fields)
            page.items = [NewsletterItem(page=item) for item in chosen]
            index.add_child(instance=page)
            page.save_revision().publish()
            demo.created += 1
    return index
