"""Running the WordPress import as an administrator would, and the fixtures it reads."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

from wordpress.models import ImportedObject

FIXTURES = Path(__file__).parent / "fixtures"
SITE_EXPORT = FIXTURES / "site.xml"
UPLOADS = FIXTURES / "uploads"


def run_import(*args):
    """(exit status, standard output, standard error) of `manage.py import_wordpress *args`."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import_wordpress", *[str(arg) for arg in args], stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), f"{err.getvalue()}{error}"
    return 0, out.getvalue(), err.getvalue()


def imported(kind, wp_id):
    """What the import made of a WordPress object, as its specific class."""
    target = ImportedObject.objects.get(kind=kind, wp_id=str(wp_id)).target
    return getattr(target, "specific", target)
