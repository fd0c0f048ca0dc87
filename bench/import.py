"""Time the WordPress import of a generated export (2,000 posts, 200 pages) on a fresh SQLite site.

    .venv/bin/python bench/import.py                 # 2,000 posts and 200 pages
    .venv/bin/python bench/import.py --posts 200 --pages 20 --keep

Prints the wall time and peak memory (maximum resident set size) of `manage.py import_wordpress`
run as an administrator would, then of a second run that finds nothing changed. Target: under 60 s
and under 300 MB for the first run, without media. Everything is made in a temporary folder and
removed at the end unless `--keep`.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "relationships",
    "neighbours",
    "trust",
    "council",
    "practice",
    "community",
    "kindness",
    "listening",
    "time",
    "care",
    "belonging",
    "connection",
    "convening",
    "place",
    "people",
    "together",
    "slow",
    "question",
    "table",
    "story",
    "change",
]
SITE = "https://relationshipsproject.org"


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def body(rng, wp_id, gutenberg):
    """A body of the usual kinds: paragraphs, a heading, a list, a link to an earlier post and a shortcode."""
    link = f'<a href="{SITE}/?p={rng.randint(1000, max(1000, wp_id - 1))}">an earlier post</a>'
    parts = [
        f"<p>{sentence(rng, 30)} <strong>{sentence(rng, 3)}</strong> {link}</p>",
        f"<h2>{sentence(rng, 4)}</h2>",
        f"<p>{sentence(rng, 40)}</p>",
        "<ul>" + "".join(f"<li>{sentence(rng, 5)}</li>" for _ in range(3)) + "</ul>",
        f"<blockquote><p>{sentence(rng, 15)}</p><cite>{sentence(rng, 2)}</cite></blockquote>",
        f"<p>{sentence(rng, 25)}</p>",
    ]
    if gutenberg:
        return "\n\n".join(f"<!-- wp:paragraph -->\n{part}\n<!-- /wp:paragraph -->" for part in parts)
    return "\n\n".join(parts) + '\n\n[gallery ids="1,2,3"]'


def item(rng, wp_id, post_type, title, slug, date, parent=0, order=0, categories=(), tags=()):
    terms = "".join(
        f'<category domain="category" nicename="{c}"><![CDATA[{c.title()}]]></category>' for c in categories
    ) + "".join(
        f'<category domain="post_tag" nicename="{t}"><![CDATA[{t.title()}]]></category>' for t in tags
    )
    link = f"{SITE}/{date[:4]}/{date[5:7]}/{date[8:10]}/{slug}/" if post_type == "post" else f"{SITE}/{slug}/"
    return f"""<item><title>{escape(title)}</title><link>{link}</link>
<dc:creator><![CDATA[author{wp_id % 10}]]></dc:creator><guid isPermaLink="false">{SITE}/?p={wp_id}</guid>
<content:encoded><![CDATA[{body(rng, wp_id, gutenberg=wp_id % 2 == 0)}]]></content:encoded>
<excerpt:encoded><![CDATA[{sentence(rng, 20) if wp_id % 3 else ""}]]></excerpt:encoded>
<wp:post_id>{wp_id}</wp:post_id><wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt>
<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>{parent}</wp:post_parent>
<wp:menu_order>{order}</wp:menu_order><wp:post_type>{post_type}</wp:post_type>{terms}
<wp:comment><wp:comment_id>{wp_id}</wp:comment_id><wp:comment_content>Thanks</wp:comment_content></wp:comment>
</item>
"""


def write_export(path, posts, pages):
    rng = random.Random(22)
    categories = [f"category-{n}" for n in range(20)]
    tags = [f"tag-{n}" for n in range(50)]
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
            f"<channel><title>Bench</title><link>{SITE}</link><wp:wxr_version>1.2</wp:wxr_version>"
            f"<wp:base_site_url>{SITE}</wp:base_site_url>\n"
        )
        for n in range(10):
            out.write(
                f"<wp:author><wp:author_login>author{n}</wp:author_login>"
                f"<wp:author_display_name>Author {n}</wp:author_display_name></wp:author>\n"
            )
        for slug in categories:
            out.write(
                f"<wp:category><wp:category_nicename>{slug}</wp:category_nicename><wp:cat_name>{slug.title()}</wp:cat_name></wp:category>\n"
            )
        for slug in tags:
            out.write(
                f"<wp:tag><wp:tag_slug>{slug}</wp:tag_slug><wp:tag_name>{slug.title()}</wp:tag_name></wp:tag>\n"
            )
        for n in range(pages):
            wp_id = 100 + n
            parent = 100 + rng.randrange(n) if n >= 20 else 0
            out.write(
                item(rng, wp_id, "page", f"Page {n}", f"page-{n}", "2020-01-01 09:00:00", parent, n % 7)
            )
        for n in range(posts):
            wp_id = 1000 + n
            date = f"20{15 + n % 10}-{1 + n % 12:02d}-{1 + n % 28:02d} 09:00:00"
            title = f"{sentence(rng, 5)[:-1]} {n}"
            out.write(
                item(
                    rng,
                    wp_id,
                    "post",
                    title,
                    f"post-{n}",
                    date,
                    categories=[rng.choice(categories)],
                    tags=rng.sample(tags, 3),
                )
            )
        out.write("</channel></rss>\n")


def run(command, env):
    """(wall seconds, CPU seconds, peak resident memory in MB, output) of one command, measured on
    that process alone. CPU time is the steadier figure on a busy machine."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{output}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


SITE_TREE = """
from wagtail.models import Page, Site
from blog.models import BlogIndexPage
from home.models import HomePage
root = Page.get_first_root_node()
for child in root.get_children():
    child.delete()
home = root.add_child(instance=HomePage(title="Home", slug="home", strapline="Bench"))
Site.objects.all().delete()
Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
home.add_child(instance=BlogIndexPage(title="Blog", slug="blog", in_brief="News"))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and say where it is")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="import-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "relationships.settings.test",
    }
    python = [sys.executable, "manage.py"]
    try:
        export = folder / "export.xml"
        write_export(export, options.posts, options.pages)
        size = export.stat().st_size / (1024 * 1024)
        print(f"Export: {options.posts} posts, {options.pages} pages, {size:.1f} MB")
        seconds, _cpu, _memory, _output = run([*python, "migrate", "--noinput"], env)
        print(f"Migrated a fresh SQLite database in {seconds:.0f} s", flush=True)
        run([*python, "shell", "-c", SITE_TREE], env)
        seconds, cpu, memory, output = run([*python, "import_wordpress", str(export)], env)
        print(
            f"First import:  {seconds:6.1f} s ({cpu:.1f} s of CPU), peak memory {memory:5.0f} MB "
            "(target: under 60 s and 300 MB)",
            flush=True,
        )
        print("\n".join(line for line in output.splitlines() if line.startswith("  ") and line[2] != "-"))
        seconds, cpu, memory, output = run([*python, "import_wordpress", str(export)], env)
        print(
            f"Second import: {seconds:6.1f} s ({cpu:.1f} s of CPU), peak memory {memory:5.0f} MB (nothing to change)"
        )
        print("\n".join(line for line in output.splitlines() if "Nothing changed" in line))
    finally:
        if options.keep:
            print(f"Kept in {folder}")
        else:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
