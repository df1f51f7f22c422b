#!/usr/bin/env bash
# Benchmark the REC Portal in production mode (DEBUG=0) on PostgreSQL, behind gunicorn, with wrk.
# Method and results: docs/benchmarks.md.
#
#   bash scripts/benchmark.sh            # about 6.5 minutes on a 2-core machine
#   DURATION=5s EXTRA_MEETINGS=500 bash scripts/benchmark.sh   # a quicker, rougher run
#
# What it touches:
#   - PostgreSQL database $BENCH_DB (default rec_bench) on 127.0.0.1:5432 as user postgres:
#     dropped and created at the start, dropped again at the end (KEEP_DB=1 keeps it);
#   - /tmp/rec-bench/ (results, logs, the wrk Lua reporter; pyinstrument if PROFILE=1 and the venv
#     lacks it, installed with pip --target /tmp/rec-bench/pylib, not into the venv) and
#     /tmp/rec-bench-media/ (MEDIA_ROOT of the demo documents); both are wiped at the start;
#   - in the checkout, only git-ignored build output: locale/*/LC_MESSAGES/*.mo
#     (compiletranslations) and staticfiles/ (collectstatic).
# It starts one gunicorn on 127.0.0.1:$BENCH_PORT (default 8300) and stops it on exit; wrk only ever
# targets 127.0.0.1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PY="$ROOT/.venv/bin/python"
GUNICORN="$ROOT/.venv/bin/gunicorn"
WRK="${WRK:-/usr/bin/wrk}"
PORT="${BENCH_PORT:-8300}"
BENCH_DB="${BENCH_DB:-rec_bench}"
PGHOST=127.0.0.1
PGPORT=5432
PGUSER=postgres
WORKERS="${WORKERS:-2}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-8}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-3s}"
EXTRA_MEETINGS="${EXTRA_MEETINGS:-2000}"
PROFILE="${PROFILE:-1}"
OUT=/tmp/rec-bench
BASE="http://127.0.0.1:$PORT"

export PGHOST PGPORT PGUSER
export DEBUG=0
export SECRET_KEY
SECRET_KEY="$("$PY" -c 'import secrets, string; print("".join(secrets.choice(string.ascii_letters + string.digits + "-_") for _ in range(50)))')"
export ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_SSL_REDIRECT=0
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$BENCH_DB"
export MEDIA_ROOT=/tmp/rec-bench-media
export LOG_LEVEL=WARNING
export DEMO_PASSWORD
DEMO_PASSWORD="bench-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(18))')"
unset REDIS_URL  # per-process cache, as a single-server set-up without Redis

rm -rf "$OUT" "$MEDIA_ROOT"
mkdir -p "$OUT" "$MEDIA_ROOT"

GUNICORN_PID=""
cleanup() {
    if [[ -n "$GUNICORN_PID" ]] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
        kill "$GUNICORN_PID" 2>/dev/null || true
        wait "$GUNICORN_PID" 2>/dev/null || true
    fi
    if [[ "${KEEP_DB:-0}" != 1 ]]; then
        dropdb --if-exists "$BENCH_DB" 2>/dev/null || true
    fi
}
trap cleanup EXIT INT TERM

log() { printf '\n== %s (%s)\n' "$*" "$(date +%T)"; }
manage() { "$PY" manage.py "$@"; }
shell() { "$PY" manage.py shell --no-imports -c "$1"; }

# --- Machine ------------------------------------------------------------------------
{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "python: $("$PY" -V 2>&1)"
    echo "django: $("$PY" -c 'import django; print(django.get_version())')"
    echo "gunicorn: $("$GUNICORN" --version 2>&1 | head -1)"
    echo "postgresql: $(psql -d postgres -Atc 'show server_version')"
    echo "wrk: $("$WRK" --version 2>&1 | head -1 | cut -d' ' -f1-2)"
} | tee "$OUT/machine.txt"

# --- Database and preparation --------------------------------------------------------
log "fresh database $BENCH_DB"
dropdb --if-exists "$BENCH_DB"
createdb "$BENCH_DB"

log "prepare: compiletranslations, collectstatic, migrate, seed_demo"
manage compiletranslations >"$OUT/prepare.log"
manage collectstatic --no-input >>"$OUT/prepare.log"
manage migrate --no-input >>"$OUT/prepare.log"
manage seed_demo >>"$OUT/prepare.log"
# Statistics as autovacuum would have them on a live database, so the planner is not guessing.
psql -d "$BENCH_DB" -qc 'VACUUM ANALYZE'
tail -n 25 "$OUT/prepare.log"

# --- Pages ---------------------------------------------------------------------------
log "pick the meetings to load"
# The public meeting and the Working Group (a) group-level meeting with the most agenda items and
# documents, chosen through the visibility policy itself.
read -r PUBLIC_SLUG GROUP_SLUG < <(shell '
from django.db.models import Count
from accounts.models import User
from meetings.models import Meeting
rich = Meeting.objects.annotate(a=Count("agenda_items", distinct=True), d=Count("documents", distinct=True)).order_by("-a", "-d", "slug")
public = rich.filter(level="public").first()
group = rich.filter(pk__in=Meeting.objects.visible_to(User.objects.get(username="wg-a")).filter(level="group")).first()
print("PICK", public.slug, group.slug)
' | sed -n "s/^PICK //p")
echo "public meeting: $PUBLIC_SLUG"
echo "group meeting:  $GROUP_SLUG"

# name|user ("-" = anonymous)|path
PAGES="home-anon|-|/en/
home-wg-a|wg-a|/en/
public-meeting-anon|-|/en/meetings/$PUBLIC_SLUG/
public-meeting-wg-a|wg-a|/en/meetings/$PUBLIC_SLUG/
group-meeting-wg-a|wg-a|/en/meetings/$GROUP_SLUG/
group-meeting-exec|exec|/en/meetings/$GROUP_SLUG/
group-meeting-secretariat|secretariat|/en/meetings/$GROUP_SLUG/
admin-meetings-secretariat|secretariat|/admin/meetings/meeting/
static-bootstrap-css|-|/static/bootstrap/css/bootstrap.min.css"
echo "$PAGES" >"$OUT/pages.txt"

log "sessions for the demo users"
# Sessions made the way django.contrib.auth.login makes them; the cookie is Secure (DEBUG=0), so
# wrk and curl send it in an explicit Cookie header over plain http on 127.0.0.1.
declare -A SESSION
while read -r user key; do
    SESSION[$user]="$key"
done < <(shell '
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
for name in ("wg-a", "exec", "secretariat"):
    user = get_user_model().objects.get(username=name)
    s = SessionStore()
    s["_auth_user_id"] = str(user.pk)
    s["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    s["_auth_user_hash"] = user.get_session_auth_hash()
    s.save()
    print("SESSION", name, s.session_key)
' | sed -n "s/^SESSION //p")
echo "sessions for: ${!SESSION[*]}"

# --- Query counts (in process, Django test client) -----------------------------------
count_queries() {  # $1 = phase label
    BENCH_PAGES="$PAGES" BENCH_PHASE="$1" BENCH_OUT="$OUT" ALLOWED_HOSTS=127.0.0.1,localhost,testserver shell '
import os, statistics, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from meetings.models import AgendaItem, Document, Meeting

phase, out = os.environ["BENCH_PHASE"], os.environ["BENCH_OUT"]
print(f"# {phase}: {Meeting.objects.count()} meetings, {AgendaItem.objects.count()} agenda items, {Document.objects.count()} documents")
for line in os.environ["BENCH_PAGES"].splitlines():
    name, user, path = line.split("|")
    client = Client()
    if user != "-":
        client.force_login(get_user_model().objects.get(username=user))
    first = client.get(path)
    assert first.status_code == 200, (name, first.status_code)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    captured = list(ctx.captured_queries)  # before the next request_started resets the log
    body = b"".join(response.streaming_content) if response.streaming else response.content
    with open(f"{out}/queries-{phase}-{name}.sql", "w") as f:
        for q in captured:
            seconds, sql = q["time"], q["sql"]
            f.write(f"-- {seconds}s\n{sql};\n")
    times, sql_times, spent = [], [], [0.0]
    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[0] += time.perf_counter() - start
    for _ in range(30):
        spent[0] = 0.0
        t = time.perf_counter()
        with connection.execute_wrapper(timed):
            r = client.get(path)
            if r.streaming:
                b"".join(r.streaming_content)
        times.append((time.perf_counter() - t) * 1000)
        sql_times.append(spent[0] * 1000)
    sql_ms = statistics.median(sql_times)
    print(f"QUERIES|{phase}|{name}|{len(captured)}|{statistics.median(times):.2f}|{len(body)}|{sql_ms:.2f}")
' | tee -a "$OUT/queries.txt"
}

# --- Load (gunicorn + wrk) ----------------------------------------------------------
cat >"$OUT/report.lua" <<'LUA'
-- Print one machine-readable line per run; latencies in milliseconds.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50=%.2f p90=%.2f p99=%.2f mean=%.2f max=%.2f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.mean / 1000, latency.max / 1000, summary.requests,
    e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

start_gunicorn() {
    if curl -s -o /dev/null "$BASE/"; then
        echo "something already answers on $BASE: stop it or set BENCH_PORT" >&2
        exit 1
    fi
    "$GUNICORN" rec_portal.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
        --error-logfile "$OUT/gunicorn.log" --log-level warning &
    GUNICORN_PID=$!
    for _ in $(seq 50); do
        kill -0 "$GUNICORN_PID" 2>/dev/null || break
        curl -fs -o /dev/null "$BASE/en/" && return 0
        sleep 0.2
    done
    echo "gunicorn did not start; see $OUT/gunicorn.log" >&2
    exit 1
}

stop_gunicorn() {
    kill "$GUNICORN_PID"
    wait "$GUNICORN_PID" 2>/dev/null || true
    GUNICORN_PID=""
}

load() {  # $1 = phase label
    local phase="$1" name user path cookie=() check
    while IFS='|' read -r name user path; do
        cookie=()
        if [[ "$user" != "-" ]]; then
            cookie=(-H "Cookie: sessionid=${SESSION[$user]}")
        fi
        # Check the page answers 200, and that a logged-in request really is logged in.
        check="$(curl -s -D "$OUT/page-$phase-$name.headers" -o "$OUT/page-$phase-$name.html" -w '%{http_code} %{size_download}' "${cookie[@]}" "$BASE$path")"
        [[ "$check" == 200\ * ]] || { echo "$name: HTTP $check" >&2; exit 1; }
        if [[ "$user" != "-" && "$path" == /en/* ]]; then
            grep -q 'Signed in as' "$OUT/page-$phase-$name.html" || { echo "$name: not signed in" >&2; exit 1; }
        fi
        "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${cookie[@]}" "$BASE$path" >/dev/null
        "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$OUT/report.lua" "${cookie[@]}" "$BASE$path" \
            >"$OUT/wrk-$phase-$name.txt"
        printf 'LOAD|%s|%s|%s|%s\n' "$phase" "$name" "${check#* }" \
            "$(grep '^RESULT' "$OUT/wrk-$phase-$name.txt" | cut -d' ' -f2-)" | tee -a "$OUT/load.txt"
    done <<<"$PAGES"
}

profile() {  # $1 = phase label; in-process pyinstrument profiles of 200 requests per page
    [[ "$PROFILE" == 1 ]] || return 0
    local pylib=""
    if ! "$PY" -c 'import pyinstrument' 2>/dev/null; then
        if [[ ! -d "$OUT/pylib/pyinstrument" ]]; then
            "$ROOT/.venv/bin/pip" install --quiet --target "$OUT/pylib" pyinstrument >/dev/null 2>&1 \
                || { echo "pyinstrument not available: skipping profiles"; return 0; }
        fi
        pylib="$OUT/pylib"
    fi
    PYTHONPATH="$pylib" BENCH_PAGES="$PAGES" BENCH_PHASE="$1" BENCH_OUT="$OUT" \
        ALLOWED_HOSTS=127.0.0.1,localhost,testserver shell '
import os
from django.contrib.auth import get_user_model
from django.test import Client
from pyinstrument import Profiler

phase, out = os.environ["BENCH_PHASE"], os.environ["BENCH_OUT"]
wanted = {"home-anon", "group-meeting-wg-a", "admin-meetings-secretariat"}
for line in os.environ["BENCH_PAGES"].splitlines():
    name, user, path = line.split("|")
    if name not in wanted:
        continue
    client = Client()
    if user != "-":
        client.force_login(get_user_model().objects.get(username=user))
    client.get(path)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(50 if name.startswith("admin") else 200):
        client.get(path)
    profiler.stop()
    with open(f"{out}/profile-{phase}-{name}.txt", "w") as f:
        f.write(profiler.output_text(unicode=True, color=False))
    with open(f"{out}/profile-{phase}-{name}-flat.txt", "w") as f:
        f.write(profiler.output_text(unicode=True, color=False, flat=True))
    print(f"profile: {out}/profile-{phase}-{name}.txt")
'
}

# --- Run -----------------------------------------------------------------------------
log "query counts: demo data"
count_queries demo
profile demo

log "load: demo data"
start_gunicorn
load demo
stop_gunicorn

log "more data: $EXTRA_MEETINGS extra meetings"
EXTRA_MEETINGS="$EXTRA_MEETINGS" shell '
import datetime, os, random
from django.db import transaction
from django.utils import timezone
from meetings.models import AgendaItem, Document, Meeting, Minutes, Participation, PublicSummary, Venue
from members.models import Member
from workinggroups.models import WorkingGroup

n = int(os.environ["EXTRA_MEETINGS"])
rng = random.Random(2024)
bodies = list(WorkingGroup.objects.all()) + [None]
venues = list(Venue.objects.all()) + [None]
members = list(Member.objects.values_list("pk", flat=True))
now = timezone.now()
levels = ["public", "council", "group", "restricted"]
with transaction.atomic():
    meetings = []
    for i in range(n):
        body = bodies[i % len(bodies)]
        level = levels[i % 4]
        if body is None and level == "group":
            level = "council"
        # From five years ago to two years ahead: about 30% are upcoming.
        start = now + datetime.timedelta(days=rng.randint(-5 * 365, 2 * 365), hours=rng.randint(0, 23))
        meetings.append(Meeting(
            title=f"Bench meeting {i}", slug=f"bench-meeting-{i}", body=body, level=level,
            kind="regular", status="held" if start < now else "planned",
            starts_at=start, ends_at=start + datetime.timedelta(hours=3),
            venue=venues[i % len(venues)], description="Generated for the benchmark. " * 20,
        ))
    meetings = Meeting.objects.bulk_create(meetings, batch_size=500)
    items = AgendaItem.objects.bulk_create(
        [AgendaItem(meeting=m, order=k + 1, title=f"Item {k + 1} of {m.title}", level=levels[(m.pk + k) % 4])
         for m in meetings for k in range(5)], batch_size=2000)
    by_meeting = {}
    for item in items:
        by_meeting.setdefault(item.meeting_id, []).append(item)
    Document.objects.bulk_create(
        [Document(meeting=m, title=f"Paper {k} of {m.title}", file=f"documents/bench/{m.pk}-{k}.pdf",
                  level=levels[(m.pk + k) % 4], agenda_item=by_meeting[m.pk][k] if k < 2 else None)
         for m in meetings for k in range(3)], batch_size=2000)
    Participation.objects.bulk_create(
        [Participation(meeting=m, member_id=pk) for m in meetings for pk in rng.sample(members, min(6, len(members)))],
        batch_size=2000)
    past = [m for m in meetings if m.starts_at < now]
    Minutes.objects.bulk_create(
        [Minutes(meeting=m, text="Generated minutes. " * 50, status="approved", level=levels[m.pk % 4],
                 circulated_at=m.ends_at, approved_at=m.ends_at) for m in past[::2]], batch_size=1000)
    PublicSummary.objects.bulk_create(
        [PublicSummary(meeting=m, title=f"Summary of {m.title}", slug=f"bench-summary-{m.pk}",
                       text="Generated summary. " * 30, status="published", published_at=m.ends_at)
         for m in past[1::4]], batch_size=1000)
print(f"added {len(meetings)} meetings, {len(items)} agenda items")
'
psql -d "$BENCH_DB" -qc 'VACUUM ANALYZE'
psql -d "$BENCH_DB" -At -c "select 'rows: ' || (select count(*) from meetings_meeting) || ' meetings, ' ||
    (select count(*) from meetings_agendaitem) || ' agenda items, ' || (select count(*) from meetings_document) ||
    ' documents, ' || (select count(*) from meetings_participation) || ' participations, ' ||
    (select count(*) from meetings_minutes) || ' minutes, ' || (select count(*) from meetings_publicsummary) ||
    ' summaries'" | tee "$OUT/rows-more.txt"

log "query counts: more data"
count_queries more
profile more

log "load: more data"
start_gunicorn
load more
stop_gunicorn

# --- Summary -------------------------------------------------------------------------
log "summary"
"$PY" - "$OUT" <<'PY' | tee "$OUT/summary.md"
import re, sys
out = sys.argv[1]
load, queries = {}, {}
for line in open(f"{out}/load.txt"):
    _, phase, name, size, rest = line.rstrip("\n").split("|")
    values = dict(kv.split("=") for kv in rest.split())
    load[phase, name] = {**{k: float(v) for k, v in values.items()}, "size": int(size)}
for line in open(f"{out}/queries.txt"):
    if line.startswith("QUERIES|"):
        _, phase, name, n, ms, size, sql_ms = line.rstrip("\n").split("|")
        queries[phase, name] = (int(n), float(ms), float(sql_ms))
names = [line.split("|")[0] for line in open(f"{out}/pages.txt").read().split("\n") if line]
print("| page | phase | req/s | p50 ms | p99 ms | non-2xx | bytes | SQL queries | SQL ms | in-process ms |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for name in names:
    for phase in ("demo", "more"):
        r = load.get((phase, name))
        q = queries.get((phase, name), ("?", 0.0, 0.0))
        if r:
            print(f"| {name} | {phase} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {int(r['non2xx'])} | {r['size']} | {q[0]} | {q[2]:.1f} | {q[1]:.1f} |")
def ratio(a, b, phase="demo"):
    return load[phase, a]["rps"] / load[phase, b]["rps"]
print()
print("| ratio (requests/s) | demo | more |")
print("|---|---:|---:|")
pairs = [
    ("static file / group meeting as wg-a", "static-bootstrap-css", "group-meeting-wg-a"),
    ("public meeting: anonymous / wg-a", "public-meeting-anon", "public-meeting-wg-a"),
    ("home: anonymous / wg-a", "home-anon", "home-wg-a"),
    ("group meeting: secretariat / wg-a", "group-meeting-secretariat", "group-meeting-wg-a"),
    ("group meeting: exec / wg-a", "group-meeting-exec", "group-meeting-wg-a"),
    ("group meeting as wg-a / admin changelist", "group-meeting-wg-a", "admin-meetings-secretariat"),
]
for label, a, b in pairs:
    print(f"| {label} | {ratio(a, b):.2f} | {ratio(a, b, 'more'):.2f} |")
print()
print("| page | req/s more / demo | p50 more / demo | in-process ms more / demo |")
print("|---|---:|---:|---:|")
for name in names:
    inproc = queries["more", name][1] / queries["demo", name][1]
    print(f"| {name} | {load['more', name]['rps'] / load['demo', name]['rps']:.2f} | {load['more', name]['p50'] / load['demo', name]['p50']:.2f} | {inproc:.2f} |")
PY

log "done: results in $OUT (database $BENCH_DB is dropped on exit unless KEEP_DB=1)"
