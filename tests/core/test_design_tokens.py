"""WCAG contrast of the design tokens themselves, in the light and dark schemes.

The colour custom properties in site.css are parsed for both schemes and every pairing the
stylesheets use is checked with the WCAG 2.2 relative-luminance formula: text at 4.5:1, user
interface parts (input borders, focus ring) at 3:1. A new token value that fails is caught here,
before any page is rendered.
"""

import re

from django.conf import settings
from django.test import SimpleTestCase

SITE_CSS = settings.BASE_DIR / "static" / "css" / "site.css"
BACKGROUNDS = ("paper", "paper-raised", "paper-sunk")

# (foreground, background) pairs of text, from the rules that use them.
TEXT_PAIRS = [
    *[
        (ink, background)
        for ink in ("ink", "ink-soft", "accent", "moss", "error")
        for background in BACKGROUNDS
    ],
    ("accent-ink", "accent"),  # buttons
    ("paper", "ink"),  # skip link, current page in pagination
    ("paper", "moss"),  # "happening now" badge, an open glossary definition button
    ("ink", "accent-soft"),  # messages and call-to-action blocks
    ("accent", "accent-soft"),  # links inside them
]
# (component colour, adjacent colour) pairs for non-text contrast.
UI_PAIRS = [
    ("line", "paper"),  # input and select borders against the page
    ("line", "paper-raised"),  # and against the field's own background
    # The focus ring; its 2px offset puts it on the page background, even round a filled button.
    *[("focus", background) for background in BACKGROUNDS],
]


def scheme_tokens(css):
    """The colour tokens of the light `:root` block and, overlaid on them, the dark scheme's block."""
    declarations = re.compile(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;")
    light = dict(declarations.findall(re.search(r"^:root\s*\{(.*?)\}", css, re.S | re.M).group(1)))
    dark_block = re.search(r"@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{(.*?)\}", css, re.S)
    return {"light": light, "dark": {**light, **dict(declarations.findall(dark_block.group(1)))}}


def luminance(hex_colour):
    """WCAG relative luminance of an sRGB colour written #rrggbb."""
    channels = [int(hex_colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class ContrastFormulaTest(SimpleTestCase):
    def test_the_formula_gives_the_known_ratios(self):
        self.assertAlmostEqual(contrast("#000000", "#ffffff"), 21.0)
        self.assertAlmostEqual(contrast("#777777", "#ffffff"), 4.48, places=2)
        self.assertAlmostEqual(contrast("#ffffff", "#ffffff"), 1.0)


class DesignTokenContrastTest(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schemes = scheme_tokens(SITE_CSS.read_text())

    def test_both_schemes_define_every_token_used_here(self):
        used = {name for pair in TEXT_PAIRS + UI_PAIRS for name in pair}
        for scheme, tokens in self.schemes.items():
            self.assertLessEqual(used, set(tokens), scheme)
        self.assertNotEqual(self.schemes["light"]["paper"], self.schemes["dark"]["paper"])

    def assert_pairs(self, pairs, minimum):
        failures = [
            f"{scheme}: {foreground} on {background} is {ratio:.2f}:1"
            for scheme, tokens in self.schemes.items()
            for foreground, background in pairs
            if (ratio := contrast(tokens[foreground], tokens[background])) < minimum
        ]
        self.assertEqual(failures, [])

    def test_text_colours_reach_4_5_to_1(self):
        self.assert_pairs(TEXT_PAIRS, 4.5)

    def test_borders_and_the_focus_ring_reach_3_to_1(self):
        self.assert_pairs(UI_PAIRS, 3.0)
