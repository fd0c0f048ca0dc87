"""The site-wide demo pages (home, About, Connect, Toolbox), settings and menu.

Each content app has a `demo.py` with `load(demo)`, called in order by the
`load_demo_content` command after this one. Every step is get-or-create, so loading twice
changes nothing.
"""

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from core.demo import paragraphs
from core.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings, StandardPage
from core.site_url import apply_site_url

from .models import HomePage


def load(demo):
    """The home page, the site record, settings, the standard pages and the menu."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        for child in root.get_children():
            if not isinstance(child.specific, HomePage):
                Site.objects.filter(root_page=child).delete()
                child.delete()
        home = demo.page(
            root,
            HomePage,
            "home",
            title="Home",
            strapline="Everything works better when relationships work well",
            hero_text=(
                "We help spread and embed relationship-centred practice across our systems, "
                "organisations and communities, so that relationships become the first mile, not the extra one."
            ),
            hero_image=demo.image("hero-table", "Around the table", 0),
            testimonials=[
                (
                    "testimonial",
                    {
                        "text": "Being in this space has solidified how crucial relationships are. It has affirmed "
                        "how much can change when relationships are good.",
                        "context": "Relational Councils Network member",
                    },
                ),
                (
                    "testimonial",
                    {
                        "text": "Meeting other practitioners, the variety of speakers and the camaraderie: it can "
                        "be lonely work and this group feels like a real support network.",
                        "context": "Side by Side participant",
                    },
                ),
                (
                    "testimonial",
                    {
                        "text": "Professionally, this project has kept me going: direction, regular time with "
                        "like-minded people, and being treated as someone with expertise to share.",
                        "context": "Community Weaver",
                    },
                ),
            ],
        )
    demo.home = home
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        apply_site_url()  # the demo record is at localhost until SITE_URL says otherwise
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "The Relationships Project"
        site.save()

    settings = SiteSettings.load()
    if not settings.contact_email:
        settings.charity_details = "The Relationships Project is a registered charity in England and Wales."
        settings.contact_email = "hello@relationshipsproject.org"
        settings.newsletter_url = "https://relationshipsproject.org/newsletter"
        settings.bluesky_url = "https://bsky.app/profile/rshipsproject.bsky.social"
        settings.linkedin_url = "https://www.linkedin.com/company/the-relationships-project"
        settings.default_social_image = demo.image("social", "The Relationships Project", 0)
        settings.save()

    about = demo.page(
        home,
        StandardPage,
        "about",
        title="About us",
        in_brief="We believe everything works better when relationships work well, and we help make that common practice.",
        body=paragraphs(
            "The Relationships Project began in 2018 with a public lecture at the LSE on how relationships "
            "shape the world. A conversation started, a core group formed, and in January 2019 the project emerged.",
            "We build a body of knowledge and stories about what works, co-create tools and training that help "
            "people ask what they can do in their own place, and connect practitioners so good ideas spread.",
            "We are a small, part-time team working with a wider group of associates. Everything we do is done "
            "in collaboration.",
        ),
    )
    connect = demo.page(
        home,
        StandardPage,
        "connect",
        title="Connect",
        in_brief="Collaborative spaces for learning, sharing and connecting with other relationship-centred practitioners.",
        body=paragraphs(
            "Being a relationship-centred practitioner can feel lonely at times, but you are not alone. Across the "
            "UK and beyond there is a growing network of people and organisations who share a belief in the power "
            "of relationships.",
            "Join a convening, explore the Relationships Map to find fellow travellers, or get in touch if there "
            "is a conversation you would like to co-host with us.",
        ),
    )
    toolbox = demo.page(
        home,
        StandardPage,
        "toolbox",
        title="Toolbox",
        in_brief="Practical, co-designed tools for putting relationships at the heart of what you do.",
        body=[
            *paragraphs(
                "Our toolbox grows with every collaboration. Each tool is free to use and designed to be adapted "
                "to your own place and context."
            ),
            (
                "accordion",
                {
                    "items": [
                        {
                            "title": "The Relationships Heatmap",
                            "body": RichText(
                                "<p>An interactive diagnostic that guides reflection on your practice, surfacing "
                                "strengths and the places where more could be done to nurture relationships.</p>"
                            ),
                        },
                        {
                            "title": "The Bridge Builders Handbook",
                            "body": RichText(
                                "<p>Practical steps for local connectors who want to reach across communities "
                                "and think like mediators.</p>"
                            ),
                        },
                        {
                            "title": "Kit for Councils",
                            "body": RichText(
                                "<p>Help for local authorities to sustain community relationships and to "
                                "reimagine services with relationships as the central principle.</p>"
                            ),
                        },
                    ]
                },
            ),
        ],
    )
    if home.toolbox_page_id is None:
        home.toolbox_page = toolbox
        home.save_revision().publish()
    if toolbox.listing_image_id is None:
        toolbox.listing_image = demo.image("toolbox", "Tools for every place", 2)
        toolbox.save_revision().publish()
    return {"about": about, "connect": connect, "toolbox": toolbox}


def build_navigation(demo, pages):
    """Menu and footer links, set once; editors change them in Settings → Navigation."""
    navigation = NavigationSettings.load()
    if navigation.menu_items.exists():
        return
    for order, page in enumerate(pages):
        MainMenuItem.objects.create(
            settings=navigation, link_text=page.title, link_page=page, sort_order=order
        )
    for order, page in enumerate(pages[-2:]):
        FooterLink.objects.create(settings=navigation, link_text=page.title, link_page=page, sort_order=order)
    demo.created += 1
