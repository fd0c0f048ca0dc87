"""Taking the Heatmap as a group: create, join, the aggregated group page and the creator's page.

The group page shows figures only once MIN_GROUP_SIZE people have finished, and only as averages,
spreads and anonymous numbered columns; all of it is computed in the database.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from core.site_url import site_root

from .aggregates import (
    MIN_GROUP_SIZE,
    PEOPLE_GRID_LIMIT,
    completed_counts,
    element_means_by_group,
    group_people_means,
    group_statement_stats,
)
from .forms import GroupForm, StartForm, refused
from .guards import (
    RATE_MESSAGE,
    find_group,
    find_managed_group,
    found_by,
    post_problem,
    starting_too_often,
)
from .models import HeatmapGroup, HeatmapPage
from .presenting import disagreements, finding_groups, over_time, people_grid, resolve_links
from .scoring import findings, statement_grid
from .tokens import new_token
from .views import render_page_with_form, start_result

ROUNDS_LIMIT = 4
CLOSED_MESSAGE = (
    "This group has closed, so it takes no new answers. Ask its creator for the link to a new round, "
    "or take the Heatmap on your own."
)


def new_group(version, name, manage_hash=None, previous=None):
    join_token, _ = new_token()
    manage_token, fresh_hash = new_token()
    group = HeatmapGroup.objects.create(
        version=version,
        name=name,
        join_token=join_token,
        manage_hash=manage_hash or fresh_hash,
        previous=previous,
    )
    return group, manage_token


@never_cache
@require_POST
def create_group(request, page_id):
    page = get_object_or_404(HeatmapPage.objects.live().public(), pk=page_id)
    problem = post_problem(request)
    form = GroupForm(request.POST if problem is None else {}, prefix="group")
    if problem is not None:
        refused(form, problem[1])
    elif starting_too_often(request):
        problem = (429, RATE_MESSAGE)
        refused(form, RATE_MESSAGE)
    if problem is not None or not form.is_valid():
        response = render_page_with_form(request, page, StartForm(), problem[0] if problem else 400)
        response.context_data["group_form"] = form
        return response
    _, manage_token = new_group(page.current_version(), form.cleaned_data["name"])
    return redirect("heatmap:manage", token=manage_token)


def rounds(group):
    """This round and the ones before it, oldest first."""
    chain = [group]
    while len(chain) < ROUNDS_LIMIT and chain[-1].previous_id:
        earlier = HeatmapGroup.objects.filter(pk=chain[-1].previous_id).first()
        if earlier is None:
            break
        chain.append(earlier)
    return list(reversed(chain))


def group_report(request, group):
    structure = group.version.questions
    chain = rounds(group)
    counts = completed_counts(chain)
    context = {"count": counts.get(group.pk, 0), "min_size": MIN_GROUP_SIZE}
    if context["count"] < MIN_GROUP_SIZE:
        return context
    stats = group_statement_stats(group)
    means_by_round = element_means_by_group(
        [item for item in chain if counts.get(item.pk, 0) >= MIN_GROUP_SIZE]
    )
    means = means_by_round.get(group.pk, {})
    context.update(
        rows=statement_grid(structure, {key: row["mean"] for key, row in stats.items()}),
        spread_rows=statement_grid(structure, {key: row["spread"] for key, row in stats.items()}),
        columns=range(1, structure.max_statements() + 1),
        disagreements=disagreements(structure, stats),
        findings_groups=finding_groups(resolve_links(request, findings(structure, means))),
        people_limit=PEOPLE_GRID_LIMIT,
    )
    if context["count"] <= PEOPLE_GRID_LIMIT:
        people = group_people_means(group)
        context["people_rows"] = people_grid(structure, people)
        context["people_columns"] = range(1, len(people) + 1)
    earlier = [item for item in chain if item.pk in means_by_round]
    if len(earlier) > 1:
        moments = [
            (f"Round {number}, {timezone.localtime(item.created_at):%-d %b %Y}", means_by_round[item.pk])
            for number, item in enumerate(earlier, start=1)
        ]
        context["history_rows"] = over_time(structure, moments)
        context["history_labels"] = [label for label, _ in moments]
    return context


def render_group(request, group, form=None, status=200):
    context = {
        "group": group,
        "heatmap": group.version.page,
        "scale": group.version.questions.scale,
        "join_form": form or StartForm(),
        "retention_months": settings.HEATMAP_RETENTION_MONTHS,
        **group_report(request, group),
    }
    return render(request, "heatmap/group.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD"])
@found_by(find_group, "group")
def group_page(request, group, token):
    return render_group(request, group)


@never_cache
@require_POST
@found_by(find_group, "group")
def join(request, group, token):
    problem = post_problem(request)
    form = StartForm(request.POST if problem is None else None)
    if problem is not None:
        form.add_error(None, problem[1])
        return render_group(request, group, form, problem[0])
    if group.is_closed:
        form.add_error(
            None,
            "This group has closed, so it takes no new answers. Ask its creator for the link to a new round, or take the Heatmap on your own.",
        )
        return render_group(request, group, form, 409)
    if starting_too_often(request):
        form.add_error(None, RATE_MESSAGE)
        return render_group(request, group, form, 429)
    if not form.is_valid():
        return render_group(request, group, form, 400)
    result_token = start_result(group.version, label=form.cleaned_data["label"], group=group)
    return redirect("heatmap:step", token=result_token, step=1)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@found_by(find_managed_group, "group")
def manage(request, group, token):
    status = 200
    error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "close" and not group.is_closed:
            HeatmapGroup.objects.filter(pk=group.pk).update(closed_at=timezone.now())
            return redirect("heatmap:manage", token=token)
        if action == "new_round":
            if starting_too_often(request):
                error, status = RATE_MESSAGE, 429
            else:
                HeatmapGroup.objects.filter(pk=group.pk, closed_at__isnull=True).update(
                    closed_at=timezone.now()
                )
                new_group(group.version.page.current_version(), group.name, group.manage_hash, previous=group)
                return redirect("heatmap:manage", token=token)
        elif action != "close":
            error, status = "That action is not one this page offers. Choose a button below.", 400
    context = {
        "group": group,
        "heatmap": group.version.page,
        "token": token,
        "error": error,
        "count": completed_counts([group]).get(group.pk, 0),
        "min_size": MIN_GROUP_SIZE,
        "join_url": site_root(request) + reverse("heatmap:group", args=[group.join_token]),
        "manage_url": site_root(request) + reverse("heatmap:manage", args=[token]),
    }
    return render(request, "heatmap/manage.html", context, status=status)
