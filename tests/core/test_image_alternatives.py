"""Every image on every page has alternative text from an editor or is decorative by design.

Decorative images (alt="") are allowed only where the template places them beside text that says
the same thing: listing cards next to their title link, speakers' photos next to their names and
the home page's hero, which editors are told is decoration.
"""

from bs4 import BeautifulSoup

from tests.base import SiteTestCase
from tests.realistic_site import build_realistic_site

DECORATIVE_CONTEXTS = ("card", "event-people", "hero__image")


class ImageAlternativesTest(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pages = build_realistic_site(cls.home)

    def images(self):
        for name, path in self.pages:
            soup = BeautifulSoup(self.client.get(path, HTTP_HOST="localhost").content, "html.parser")
            for image in soup.find_all("img"):
                classes = {cls for parent in image.parents for cls in parent.get("class", [])}
                yield name, image, classes

    def test_every_image_is_described_or_decorative_by_design(self):
        described, decorative, problems = [], [], []
        for name, image, classes in self.images():
            alt = image.get("alt")
            if alt is None:
                problems.append(f"{name}: no alt on {image}")
            elif alt.strip():
                described.append(alt)
            elif classes.intersection(DECORATIVE_CONTEXTS):
                decorative.append(name)
            else:
                problems.append(f"{name}: empty alt outside a decorative context: {image}")
        self.assertEqual(problems, [])
        # The editors' words reach the page: a block's alt, a post's hero alt, an image's description.
        self.assertIn("Tables along a street", described)
        self.assertIn("Neighbours sharing food at long tables", described)
        self.assertIn("A street lunch on a summer afternoon", described)
        self.assertIn("home", decorative)
