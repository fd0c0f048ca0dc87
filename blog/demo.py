"""Demo content for the blog: posts from the project's own archive, retold in brief, read from
`demo/posts.json`; edit the data file to add or change a post."""

import datetime
import json
from pathlib import Path

from taggit.models import Tag

from events.models import EventPage
from home.demo import paragraphs

from .models import (
    BlogIndexPage,
    BlogPage,
    BlogPageAuthor,
    BlogPageRelatedPost,
    BlogPageTag,
    Category,
    Series,
)

# The categories, series, authors and posts, with each post's body as a list of paragraphs
# (strings), headings and quotes.
DATA = json.loads((Path(__file__).parent / "demo" / "posts.json").read_text())


def body_blocks(items):
    """StreamField data for a post's body from the data file."""
    blocks = []
    for item in items:
        if isinstance(item, str):
            blocks += paragraphs(item)
        elif "heading" in item:
            blocks.append(("heading", {"text": item["heading"], "level": "h2"}))
        else:
            quote = {
                "text": item["quote"],
                "attribution": item.get("attribution", ""),
                "role": item.get("role", ""),
            }
            blocks.append(("quote", quote))
    return blocks


def load(demo):
    """Create the blog index, its categories, series and posts; return the index for the menu."""
    index = demo.page(
        demo.home,
        BlogIndexPage,
        "blog",
        title="Blog",
        in_brief="News and thoughts from the field: essays, reflections on our convenings and ideas in progress.",
    )
    categories = {
        slug: Category.objects.get_or_create(slug=slug, defaults=fields)[0]
        for slug, fields in DATA["categories"].items()
    }
    series = {
        slug: Series.objects.get_or_create(slug=slug, defaults=fields)[0]
        for slug, fields in DATA["series"].items()
    }
    people = {key: demo.person(**fields) for key, fields in DATA["people"].items()}
    existing = set(index.get_children().values_list("slug", flat=True))
    posts = {}
    for number, post in enumerate(DATA["posts"]):
        slug = post["slug"]
        if slug in existing:
            posts[slug] = BlogPage.objects.get(slug=slug)
            continue
        in_series = post.get("series")
        convening = post.get("reflects_on")
        posts[slug] = demo.page(
            index,
            BlogPage,
            slug,
            title=post["title"],
            date=datetime.date.fromisoformat(post["date"]),
            in_brief=post["in_brief"],
            body=body_blocks(post["body"]),
            category=categories[post["category"]],
            series=series[in_series["slug"]] if in_series else None,
            series_position=in_series["position"] if in_series else None,
            authors=[
                BlogPageAuthor(person=people[key], sort_order=i) for i, key in enumerate(post["authors"])
            ],
            guest_author=post.get("guest_author", ""),
            tagged_items=[BlogPageTag(tag=Tag.objects.get_or_create(name=name)[0]) for name in post["tags"]],
            hero_image=demo.image(f"blog-{slug}", f"Illustration for {post['title']}", number),
            hero_alt="An abstract drawing of hand-drawn circles overlapping on warm paper.",
            featured=post.get("featured", False),
            exclude_from_newsletter=post.get("exclude_from_newsletter", False),
            related_convening=EventPage.objects.filter(title__icontains=convening).first()
            if convening
            else None,
            related_links=[
                BlogPageRelatedPost(post=posts[other], sort_order=i)
                for i, other in enumerate(post.get("read_next", []))
            ],
        )
    return index
