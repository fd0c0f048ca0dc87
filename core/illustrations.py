"""The demo content's illustrations: a small set of flat compositions drawn with Pillow.

Each picture is one of several compositions (rings, a round table, a web of people, a street, two
paths, a conversation) in one of the palettes below, the first of which is the site's own design
tokens; the key it is drawn for picks both, so the same demo always gets the same pictures. Each
comes with alt text that says what it shows.
"""

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw

SIZE = (1200, 750)

# (ink, paper, second colour) and how to name them in alt text. The first is site.css's --accent,
# --accent-soft and --moss; the rest keep the same weight of ink against a pale ground.
PALETTES = [
    (("#9a3a20", "#f6e3d8", "#35604a"), ("rust", "pale peach", "green")),
    (("#35604a", "#e3efe6", "#c77d4e"), ("green", "pale mint", "ochre")),
    (("#2f4f6f", "#e4ecf4", "#d9a441"), ("navy", "pale blue", "mustard")),
    (("#7a4e7e", "#f1e6f2", "#3f7f74"), ("plum", "lilac", "teal")),
    (("#8a5a2b", "#f5ebdd", "#2f6f8f"), ("brown", "cream", "blue")),
]


def rings(draw, rng, ink, second):
    for colour in (ink, second, ink, second):
        x, y, r = rng.randint(150, 1050), rng.randint(150, 600), rng.randint(120, 300)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=colour, width=rng.randint(10, 26))
    return "Overlapping rings in {ink} and {second} on {paper}"


def round_table(draw, rng, ink, second):
    cx, cy, seats = 600, 375, rng.randint(6, 9)
    draw.ellipse((cx - 190, cy - 190, cx + 190, cy + 190), fill=ink)
    for n in range(seats):
        angle = 2 * math.pi * n / seats + rng.random() * 0.2
        x, y = cx + 265 * math.cos(angle), cy + 265 * math.sin(angle)
        draw.ellipse((x - 48, y - 48, x + 48, y + 48), fill=second)
    return (
        f"A round table seen from above with {seats} seats around it, in {{ink}} and {{second}} on {{paper}}"
    )


def web(draw, rng, ink, second):
    # A jittered three-by-three grid: spread over the picture, never in one clump.
    people = [
        (250 + 350 * (n % 3) + rng.randint(-90, 90), 160 + 215 * (n // 3) + rng.randint(-50, 50))
        for n in range(9)
    ]
    for index, (x, y) in enumerate(people):
        for other in (people[(index + 1) % 9], people[(index + 3) % 9]):
            draw.line((x, y, *other), fill=ink, width=8)
    for x, y in people:
        draw.ellipse((x - 34, y - 34, x + 34, y + 34), fill=second, outline=ink, width=8)
    return "Nine dots joined by lines into a loose web, in {second} and {ink} on {paper}"


def street(draw, rng, ink, second):
    houses = rng.randint(4, 6)
    width = 1000 // houses
    for n in range(houses):
        left, height = 100 + n * width, rng.randint(220, 330)
        top = 640 - height
        draw.rectangle((left + 10, top, left + width - 10, 640), fill=ink)
        draw.polygon([(left, top), (left + width // 2, top - 90), (left + width, top)], fill=ink)
        for row in range(2):
            for column in range(2):
                x = left + 35 + column * (width - 100)
                y = top + 40 + row * 90
                draw.rectangle((x, y, x + 40, y + 50), fill=second)
    draw.line((60, 660, 1140, 660), fill=second, width=12)
    return f"A street of {houses} houses with lit windows, in {{ink}} and {{second}} on {{paper}}"


def paths(draw, rng, ink, second):
    for colour, offset in ((ink, -60), (second, 60)):
        points = []
        for step in range(25):
            x = 60 + step * 45
            meeting = math.exp(-(((x - 600) / 260) ** 2))
            y = 375 + offset * (1 - meeting) + 140 * math.sin(step / 3 + rng.random() * 0.3) * (1 - meeting)
            points.append((x, y))
        draw.line(points, fill=colour, width=22, joint="curve")
    return "Two winding paths that meet and run side by side, in {ink} and {second} on {paper}"


def conversation(draw, rng, ink, second):
    draw.rounded_rectangle((170, 170, 700, 470), radius=90, fill=ink)
    draw.polygon([(260, 450), (240, 590), (380, 460)], fill=ink)
    draw.rounded_rectangle((520, 300, 1040, 580), radius=90, fill=second)
    draw.polygon([(920, 560), (960, 680), (840, 575)], fill=second)
    for n in range(3):
        x = 330 + n * 90 + rng.randint(-6, 6)
        draw.ellipse((x, 300, x + 40, 340), fill=second)
    return "Two speech bubbles overlapping, in {ink} and {second} on {paper}"


COMPOSITIONS = [rings, round_table, web, street, paths, conversation]


def choose(key):
    """The composition and a random generator for `key`, the same on every run."""
    digest = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    return COMPOSITIONS[digest % len(COMPOSITIONS)], random.Random(digest)  # noqa: S311 - drawing, not security


def draw_illustration(key, palette=0):
    """(JPEG bytes, alt text) for the picture drawn for `key` in palette number `palette`."""
    (ink, paper, second), names = PALETTES[palette % len(PALETTES)]
    composition, rng = choose(key)
    canvas = Image.new("RGB", SIZE, paper)
    description = composition(ImageDraw.Draw(canvas), rng, ink, second)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82)
    alt = description.format(ink=names[0], paper=names[1], second=names[2])
    return buffer.getvalue(), alt + "."
