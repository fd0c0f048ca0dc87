"""The short addresses printed on case cards."""

from django.shortcuts import get_object_or_404, redirect

from .models import CaseStudyPage


def short_url(request, code):
    """Send /c/<code>/ to the story wherever it now lives; temporary, so a later move is followed too."""
    story = get_object_or_404(CaseStudyPage.objects.live().public(), short_code=code.lower())
    return redirect(story.get_url(request))
