"""Moving the test database between migrations, for the tests of data migrations."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets, state=None):
    """Migrate the test database to `targets` and return the models as they were there (or at `state`)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(state or targets).apps


def latest():
    """The last migration of every app, where the rest of the suite expects the database to be."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
