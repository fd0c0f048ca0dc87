"""Where one uncached render of a page spends its time: SQL, templates, rich text, images, URL
building, structured data, middleware and the rest, then pyinstrument's call tree.

Every Django cache is a DummyCache, so nothing a previous request stored hides any work; one
request is made first so that Python's own per-process caches (templates, URL resolvers, content
types) and image renditions exist, as on a site that has run a while.

    .venv/bin/python bench/profile.py /blog/some-post/      (the seeded bench database by default)
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "relationships.settings.base")
os.environ.setdefault(
    "DATABASE_URL", os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rel_bench")
)
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault("SECRET_KEY", "profile-only-" + "x" * 50)
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
os.environ.setdefault("CACHES_OFF", "true")  # every cache a DummyCache: the bare render

# The first matching part of a frame's file or function names its share; checked innermost first.
CATEGORIES = (
    ("structured data", ("json_ld", "structured")),
    ("rich text", ("wagtail/rich_text", "rich_text.py", "expand_db_html")),
    ("images", ("wagtail/images", "PIL/", "willow/")),
    ("URL building", ("get_url_parts", "get_site_root_paths", "relative_url", "django/urls/", "pageurl")),
    ("templates", ("django/template/", "templatetags")),
)


def category_of(frame):
    """The innermost category on the frame's stack; work inside a view that no category claims is
    the view's own (models, ORM), and only what runs outside every view is middleware."""
    while frame is not None:
        where = f"{frame.file_path or ''} {frame.function or ''}"
        for name, markers in CATEGORIES:
            if any(marker in where for marker in markers):
                return name
        if "views" in (frame.file_path or "") or frame.function == "serve":
            return "other Python (views, models, ORM)"
        frame = frame.parent
    return "middleware and request handling"


def shares(root):
    """{category: seconds of own time}, each frame's own time given to its innermost category."""
    totals = {}
    stack = [root]
    while stack:
        frame = stack.pop()
        own = frame.time - sum(child.time for child in frame.children)
        if own > 0:
            name = category_of(frame)
            totals[name] = totals.get(name, 0.0) + own
        stack.extend(frame.children)
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help='the page\'s path, e.g. /blog/, or "post" for the newest post')
    parser.add_argument("--tree", action="store_true", help="also print pyinstrument's call tree")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from pyinstrument import Profiler

    if args.path == "post":
        from blog.models import BlogPage

        args.path = BlogPage.objects.live().public().order_by("-date", "-pk").first().url
    client = Client()
    client.get(args.path)
    sql = {"count": 0, "seconds": 0.0}

    def timed(execute, sql_text, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql_text, params, many, context)
        finally:
            sql["count"] += 1
            sql["seconds"] += time.perf_counter() - start

    profiler = Profiler(interval=0.0005)
    with connection.execute_wrapper(timed):
        start = time.perf_counter()
        profiler.start()
        response = client.get(args.path)
        profiler.stop()
        total = time.perf_counter() - start
    print(f"{args.path}: HTTP {response.status_code}, {total * 1000:.1f} ms, {sql['count']} queries")
    print(f"  {'SQL (database time, within the rest)':<34} {sql['seconds'] * 1000:7.1f} ms")
    session = profiler.last_session
    root = session.root_frame() if session else None
    if root is not None:
        for name, seconds in sorted(shares(root).items(), key=lambda item: -item[1]):
            print(f"  {name:<34} {seconds * 1000:7.1f} ms")
    if args.tree:
        print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
