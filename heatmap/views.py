"""Taking the Heatmap alone: start, one section per step, results, CSV, retake and delete.

Every view answers through the private link; pages carrying answers are never cached or indexed.
"""

import csv

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from core.spreadsheets import spreadsheet_safe

from .aggregates import means_by_element
from .forms import StartForm, StepForm, refused
from .guards import RATE_MESSAGE, find_result, found_by, post_problem, starting_too_often, unknown_link
from .models import Answer, HeatmapPage, HeatmapResult
from .presenting import over_time, person_report
from .scoring import element_means
from .tokens import new_token

HISTORY_LIMIT = 6


def start_result(version, *, label="", group=None, previous=None):
    token, token_hash = new_token()
    HeatmapResult.objects.create(
        version=version, token_hash=token_hash, label=label, group=group, previous=previous
    )
    return token


def render_page_with_form(request, page, form, status):
    response = page.serve(request)
    response.context_data["start_form"] = form
    response.status_code = status
    return response


@never_cache
@require_POST
def start(request, page_id):
    page = get_object_or_404(HeatmapPage.objects.live().public(), pk=page_id)
    problem = post_problem(request)
    if problem is not None:
        return render_page_with_form(request, page, refused(StartForm({}), problem[1]), problem[0])
    form = StartForm(request.POST)
    if starting_too_often(request):
        return render_page_with_form(request, page, refused(form, RATE_MESSAGE), 429)
    if not form.is_valid():
        return render_page_with_form(request, page, form, 400)
    token = start_result(page.current_version(), label=form.cleaned_data["label"])
    return redirect("heatmap:step", token=token, step=1)


def first_unanswered_step(result, scores):
    structure = result.version.questions
    for number, section in enumerate(structure.sections, start=1):
        if any(key not in scores for key in structure.statement_keys(section)):
            return number
    return None


def save_answers(result, scores):
    """Replace this step's answers in one transaction: all of them are stored or none."""
    elements = result.version.questions.statements
    with transaction.atomic():
        result.answers.filter(statement_key__in=scores).delete()
        Answer.objects.bulk_create(
            Answer(result=result, statement_key=key, element_key=elements[key]["key"], score=score)
            for key, score in scores.items()
        )


def step_context(result, token, step, form):
    structure = result.version.questions
    return {
        "result": result,
        "token": token,
        "heatmap": result.version.page,
        "form": form,
        "section": structure.section(step),
        "step": step,
        "step_count": structure.step_count,
        "scale": structure.scale,
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@found_by(find_result)
def step(request, result, token, step):
    structure = result.version.questions
    section = structure.section(step)
    if section is None:
        raise Http404("No such step")
    if result.is_complete:
        if request.method != "POST":
            return redirect("heatmap:results", token=token)
        return render(request, "heatmap/finished.html", {"token": token, "result": result}, status=409)
    form_kwargs = {"structure": structure, "section": section, "version_number": result.version.number}
    if request.method != "POST":
        scores = result.scores()
        initial = {f"s-{key}": scores[key] for key in structure.statement_keys(section) if key in scores}
        form = StepForm(initial=initial, **form_kwargs)
        return render(request, "heatmap/step.html", step_context(result, token, step, form))

    problem = post_problem(request)
    if problem is not None:
        form = refused(StepForm({}, require_all=False, **form_kwargs), problem[1])
        return render(
            request, "heatmap/step.html", step_context(result, token, step, form), status=problem[0]
        )
    moving_back = request.POST.get("move") == "back"
    form = StepForm(request.POST, require_all=not moving_back, **form_kwargs)
    if not form.is_valid():
        return render(request, "heatmap/step.html", step_context(result, token, step, form), status=400)
    save_answers(result, form.scores())
    if moving_back:
        return redirect("heatmap:step", token=token, step=max(step - 1, 1))
    if step < structure.step_count:
        return redirect("heatmap:step", token=token, step=step + 1)
    missing = first_unanswered_step(result, result.scores())
    if missing is not None:
        return redirect("heatmap:step", token=token, step=missing)
    HeatmapResult.objects.filter(pk=result.pk, completed_at__isnull=True).update(completed_at=timezone.now())
    return redirect("heatmap:results", token=token)


def history(result):
    """This result and the earlier ones it retook, oldest first (at most HISTORY_LIMIT)."""
    chain = [result]
    while len(chain) < HISTORY_LIMIT and chain[-1].previous_id:
        earlier = HeatmapResult.objects.filter(pk=chain[-1].previous_id, completed_at__isnull=False).first()
        if earlier is None:
            break
        chain.append(earlier)
    return list(reversed(chain))


def history_rows(result, chain):
    means = means_by_element("result_id", result__in=chain)
    moments = [
        (timezone.localtime(item.completed_at).strftime("%-d %b %Y"), means.get(item.pk, {}))
        for item in chain
    ]
    return over_time(result.version.questions, moments), [label for label, _ in moments]


@never_cache
@require_http_methods(["GET", "HEAD"])
@found_by(find_result)
def results(request, result, token):
    scores = result.scores()
    if not result.is_complete:
        return redirect("heatmap:step", token=token, step=first_unanswered_step(result, scores) or 1)
    structure = result.version.questions
    chain = history(result)
    context = {
        "result": result,
        "token": token,
        "heatmap": result.version.page,
        "scale": structure.scale,
        "retention_months": settings.HEATMAP_RETENTION_MONTHS,
        **person_report(request, structure, scores),
    }
    if len(chain) > 1:
        context["history_rows"], context["history_labels"] = history_rows(result, chain)
    return render(request, "heatmap/results.html", context)


@never_cache
@require_http_methods(["GET", "HEAD"])
@found_by(find_result)
def results_csv(request, result, token):
    if not result.is_complete:
        return unknown_link(request)
    structure = result.version.questions
    scores = result.scores()
    means = element_means(structure, scores)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="heatmap-results.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "Heatmap",
            "Version",
            "Label",
            "Finished",
            "Section",
            "Element",
            "Statement",
            "Score",
            "Element average",
        ]
    )
    for section in structure.sections:
        for element in section["elements"]:
            for statement in element["statements"]:
                writer.writerow(
                    [
                        spreadsheet_safe(value)
                        for value in (
                            result.version.page.title,
                            result.version.number,
                            result.label,
                            timezone.localtime(result.completed_at).date().isoformat(),
                            section["title"],
                            element["name"],
                            statement["text"],
                            scores.get(statement["key"], ""),
                            f"{means[element['key']]:.2f}" if means[element["key"]] is not None else "",
                        )
                    ]
                )
    return response


@never_cache
@require_POST
@found_by(find_result)
def delete(request, result, token):
    """Delete at once, with no second step: the owner asked, and nothing else refers to the answers."""
    with transaction.atomic():
        if request.POST.get("include_earlier"):
            HeatmapResult.objects.filter(pk__in=[item.pk for item in history(result)]).delete()
        else:
            result.delete()
    return redirect("heatmap:deleted")


@never_cache
@require_POST
@found_by(find_result)
def retake(request, result, token):
    if not result.is_complete:
        return redirect("heatmap:step", token=token, step=1)
    if starting_too_often(request):
        return render(
            request,
            "heatmap/finished.html",
            {"token": token, "result": result, "error": RATE_MESSAGE},
            status=429,
        )
    page = result.version.page
    new = start_result(page.current_version(), label=result.label, previous=result)
    return redirect("heatmap:step", token=new, step=1)


@never_cache
def deleted(request):
    return render(request, "heatmap/deleted.html", {"home_url": reverse("wagtail_serve", args=[""])})
