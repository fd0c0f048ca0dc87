# Sourced by the bench shell scripts: a throwaway copy of the demo site (its own SQLite file and
# media in a temporary folder) served by gunicorn with production settings on loopback only.
# `start_demo_site [gunicorn options]` sets SITE (its base URL) and GUNICORN_PID; everything is
# stopped and removed when the calling script exits.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${BIN:-$ROOT/.venv/bin}
SCRATCH=$(mktemp -d)
GUNICORN_PID=

export DJANGO_SETTINGS_MODULE=relationships.settings.production
export SECRET_KEY="bench-only-throwaway-key-loopback-only-never-deployed-0123456789"
export SECURE_SSL_REDIRECT=false ALLOWED_HOSTS=127.0.0.1,localhost LOG_LEVEL=ERROR
export DATABASE_URL="sqlite:///$SCRATCH/db.sqlite3" MEDIA_ROOT="$SCRATCH/media"
# Django serves the demo's images itself, as in the embedded set-up (production uses S3 or the proxy).
export SERVE_MEDIA=true

stop_demo_site() {
    if [ -n "$GUNICORN_PID" ]; then
        kill "$GUNICORN_PID" 2>/dev/null && wait "$GUNICORN_PID" 2>/dev/null
    fi
    rm -rf "$SCRATCH"
}
trap stop_demo_site EXIT

start_demo_site() {
    cd "$ROOT"
    echo "Building the demo site in $SCRATCH ..." >&2
    "$BIN/python" manage.py migrate --noinput -v0
    "$BIN/python" manage.py load_demo_content --force > /dev/null
    "$BIN/python" manage.py collectstatic --noinput -v0
    local port
    port=$("$BIN/python" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
    SITE="http://127.0.0.1:$port"
    "$BIN/gunicorn" relationships.wsgi -c gunicorn.conf.py --bind "127.0.0.1:$port" \
        --access-logfile /dev/null --error-logfile "$SCRATCH/gunicorn.log" "$@" 2>> "$SCRATCH/gunicorn.log" &
    GUNICORN_PID=$!
    for _ in $(seq 100); do
        curl -fs "$SITE/health/" > /dev/null && return 0
        sleep 0.2
    done
    echo "gunicorn did not start:" >&2
    cat "$SCRATCH/gunicorn.log" >&2
    exit 1
}

# The path of the newest published post, for scripts that visit one.
newest_post_path() {
    "$BIN/python" -c "import django; django.setup(); from blog.models import BlogPage; \
print(BlogPage.objects.live().public().order_by('-date').first().url)"
}
