"""The three editorial roles and the site-wide moderation workflow, defined once.

A data migration applies them to every database; tests that flush the database re-apply them.
`apply_roles` takes an app registry so it works with historical models inside a migration.
"""

EDITORS = "Editors"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"
WORKFLOW_NAME = "Moderators approval"

# Snippets that readers see (people, and the labels that sort content). They go live when saved,
# with no review, so Editors may only view and choose them; Moderators keep them up to date.
CONTENT_SNIPPETS = [
    ("core", "person"),
    ("blog", "category"),
    ("blog", "series"),
    ("events", "eventseries"),
    ("casestudies", "sector"),
    ("casestudies", "scale"),
    ("casestudies", "enabler"),
    ("glossary", "glossarygroup"),
    ("map", "theme"),
]
SUGGESTIONS = ("glossary", "glossarysuggestion")
# "View" on Heatmap results opens only the anonymous totals report: results have no admin listing.
HEATMAP_TOTALS = ("heatmap", "heatmapresult")
# Editors see and export the map's entries; moderators decide on them (and may delete them).
MAP_ENTRIES = ("map", "mapentry")

# Editors write and submit; locking, unlocking, publishing and unpublishing are Moderators' rights.
# Wagtail lets anyone with "change" delete pages that are not live: core.wagtail_hooks narrows that
# to an Editor's own drafts.
PAGE_PERMISSIONS = {
    EDITORS: ["add", "change"],
    MODERATORS: ["add", "change", "lock", "publish", "unlock"],
    ADMINISTRATORS: ["add", "bulk_delete", "change", "lock", "publish", "unlock"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: ["add", "choose"],
    MODERATORS: ["add", "change", "choose", "delete"],
    ADMINISTRATORS: ["add", "change", "choose", "delete"],
}
WORKFLOW_MODELS = [("wagtailcore", "workflow"), ("wagtailcore", "task")]
ADMIN_MODELS = [
    ("auth", "user"),
    ("auth", "group"),
    ("wagtailcore", "site"),
    ("wagtailredirects", "redirect"),
    ("wagtailsearchpromotions", "query"),
    ("core", "sitesettings"),
]


def model_permissions(apps, models, actions):
    """Permission rows for `actions` on each (app_label, model), created if post_migrate has not yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    rows = []
    for app_label, model in models:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            rows.append(permission)
    return rows


def model_permissions_for(apps, role):
    """The model-level (Django) permissions of each role."""
    admin_access = model_permissions(apps, [("wagtailadmin", "admin")], ["access"])
    snippets_view = model_permissions(apps, CONTENT_SNIPPETS, ["view"])
    snippets_edit = model_permissions(apps, CONTENT_SNIPPETS, ["add", "change", "view"])
    suggestions = model_permissions(apps, [SUGGESTIONS], ["change", "view"])
    map_entries = model_permissions(apps, [MAP_ENTRIES], ["view"])
    if role == EDITORS:
        return admin_access + snippets_view + suggestions + map_entries
    moderation = (
        model_permissions(apps, CONTENT_SNIPPETS + [SUGGESTIONS, MAP_ENTRIES], ["delete"])
        + model_permissions(apps, [MAP_ENTRIES], ["change"])
        + model_permissions(apps, WORKFLOW_MODELS, ["add", "change", "view"])
    )
    moderation += model_permissions(apps, [HEATMAP_TOTALS], ["view"])
    if role == MODERATORS:
        return admin_access + snippets_edit + suggestions + map_entries + moderation
    return (
        admin_access
        + snippets_edit
        + suggestions
        + map_entries
        + moderation
        + model_permissions(apps, WORKFLOW_MODELS, ["delete"])
        + model_permissions(apps, ADMIN_MODELS, ["add", "change", "delete", "view"])
    )


def apply_roles(apps):
    """Create or reset the three groups, their permissions and the moderation workflow on the whole site."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for role in (EDITORS, MODERATORS, ADMINISTRATORS):
        group, _ = Group.objects.get_or_create(name=role)
        groups[role] = group
        group.permissions.set(model_permissions_for(apps, role))

        GroupPagePermission.objects.filter(group=group).delete()
        if root_page is not None:
            for permission in model_permissions(apps, [("wagtailcore", "page")], PAGE_PERMISSIONS[role]):
                GroupPagePermission.objects.create(group=group, page=root_page, permission=permission)

        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection is not None:
            media = [("wagtailimages", "image"), ("wagtaildocs", "document")]
            for permission in model_permissions(apps, media, COLLECTION_PERMISSIONS[role]):
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission=permission
                )

    if root_page is not None:
        apply_workflow(apps, root_page, groups[MODERATORS])
    return groups


def apply_workflow(apps, root_page, moderators):
    """One approval step by Moderators, on the root page so it covers every page of every site."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
    task.groups.set([moderators])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
