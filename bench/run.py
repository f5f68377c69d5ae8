"""`make bench`: serve the site with gunicorn (2 workers) on 127.0.0.1 and measure requests per second and
latency percentiles of each kind of page and API answer against a bare Django view in the same run.

    python bench/run.py [--database-url URL] [--redis-url URL] [--duration S] [--connections N] [--fresh]

Everything happens on loopback in a throw-away folder (var/bench/): its own SQLite database (or the
PostgreSQL database you name, which must be a throw-away one too), cache, media and static files.
Uses wrk when installed (`apt-get install wrk`), else a Python load generator. Prints a table with each
figure's ratio to the bare view and writes bench/results.json.
"""

import argparse
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.request import urlopen

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
PYTHON = sys.executable

CACHED_BUDGET = 0.9
PAGE_BUDGET = 0.12
API_BUDGET = 0.1
SEARCH_P95_BUDGET_MS = 30


def log(message):
    print(message, file=sys.stderr, flush=True)


def site_environment(args, workdir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        "REDIS_URL": args.redis_url or "",
        "CACHE_DIR": str(workdir / "cache"),
        "CACHE_KEY_PREFIX": f"bench-{os.getpid()}",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{args.port}",
        "BENCH_ENDPOINTS": "true",
        # No worker runs beside the benchmark's gunicorn: background tasks (Wagtail's index updates while
        # seeding, publishing during the soak) run inside the request, which is the slower, conservative case.
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "GUNICORN_WORKERS": str(args.workers),
        "LOG_LEVEL": "ERROR",
    }
    return env


def manage(env, *arguments, quiet=True):
    log(f"$ manage.py {' '.join(arguments)}")
    subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def prepare_site(args, env, workdir):
    if args.fresh and workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_content")
    manage(env, "collectstatic", "--noinput")
    result = subprocess.run(
        [PYTHON, str(BENCH_DIR / "prepare.py"), "--pages", str(args.pages)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_server(env, port):
    server = subprocess.Popen([PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "cms.wsgi"], cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz/ within 60 s")


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, dict(response.getheaders())


def warm_up(port, path, connections, rounds=2):
    """Ask for ``path`` on ``connections`` connections at once, ``rounds`` times each, before measuring it: every
    worker then has served it once, so no worker's first answer (templates to compile, catalogues and the
    search stemmer's tables to load, caches to fill) falls into the measured seconds."""

    def client():
        for _ in range(rounds):
            try:
                fetch(port, path)
            except (OSError, http.client.HTTPException):
                return

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def run_wrk(url, duration, connections):
    """wrk's figures for ``url``; a ``{n}`` in it is replaced by a different value for every request."""
    base, _, query = url.partition("?")
    script = ["-s", str(BENCH_DIR / "wrk_report.lua"), url]
    if "{n}" in url:
        scheme_and_host, path = base.split("/", 3)[:3], "/" + base.split("/", 3)[3] + "?" + query
        script = ["-s", str(BENCH_DIR / "wrk_unique.lua"), "/".join(scheme_and_host), "--", path]
    output = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", *script],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = json.loads(re.search(r"WRK_JSON (.*)", output).group(1))
    return {
        "requests": figures["requests"],
        "rps": figures["requests"] / (figures["duration_us"] / 1e6),
        "p50_ms": figures["p50_us"] / 1000,
        "p95_ms": figures["p95_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "errors": figures["socket_errors"] + figures["non_2xx_3xx"],
    }


def run_python_load(port, path, duration, connections):
    """Keep-alive clients on threads: less exact than wrk (the GIL), fine for ratios within one run."""
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + duration

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path.replace("{n}", f"{threading.get_ident()}x{len(mine) + failed}"))
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] * 1000 if latencies else 0.0

    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": percentile(50),
        "p95_ms": percentile(95),
        "p99_ms": percentile(99),
        "errors": errors[0],
    }


def scenarios(targets):
    """(name, path, kind): kind is bare, cached (page cache hit), uncached (page cache bypassed) or api."""
    found = [("bare Django view (2 KB)", "/bench/bare/", "bare")]
    for language in ("pl", "en"):
        found.append((f"home {language.upper()} cached", targets[f"home_{language}"], "cached"))
        # A query string bypasses the full-page cache: the page is rendered by Wagtail for every request.
        found.append((f"home {language.upper()} uncached", targets[f"home_{language}"] + "?bench=uncached", "uncached"))
    for key, name in (
        ("standard_page", "standard page"),
        ("contact_page", "contact page"),
        ("partners_index", "partners index"),
        ("partner_page", "partner page"),
        ("news_index", "news index"),
        ("news_page", "news page"),
        ("event_index", "event index"),
        ("event_page", "event page"),
        ("documents_page", "documents page"),
    ):
        if key in targets:
            found.append((f"{name} uncached", targets[key] + "?bench=uncached", "uncached"))
    if "search" in targets:
        found.append(("search", targets["search"], "search"))
    found.append(("API listing (20, fields=*)", targets["api_listing"], "api"))
    found.append(("API detail", targets["api_detail"], "api"))
    # jQuery's cache buster (``_``, accepted and ignored): every request a URL never asked before, so no kept
    # answer serves it: what the API costs to compute. Shown beside the budgeted rows, without a budget of its own.
    found.append(("API listing, new URL each request", targets["api_listing"] + "&_={n}", "api first"))
    found.append(("API detail, new URL each request", targets["api_detail"] + "?_={n}", "api first"))
    found.append(("bare Django view (again)", "/bench/bare/", "bare"))
    return found


def measure_cold(env):
    """The first render of the home page, the partners index and a news item right after a publish, in-process
    (bench/measure.py --cold), the median of 15 publishes each (of 5 it moved by a third between runs): its
    table goes to the terminal, its figures into the results."""
    log("measuring the first render after a publish (in-process)")
    output = ROOT / "var" / "bench" / "cold.json"
    subprocess.run(
        [PYTHON, str(BENCH_DIR / "measure.py"), "--cold", "--requests", "15", "--json", str(output)],
        cwd=ROOT,
        env=env,
        check=False,
    )
    return json.loads(output.read_text()) if output.exists() else {}


def machine():
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.*)", cpuinfo.read_text())
        model = match.group(1) if match else ""
    return {
        "cpu": model,
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def verdict(row, bare_rps):
    ratio = row["rps"] / bare_rps if bare_rps else 0
    row["ratio"] = ratio
    if row["kind"] == "cached":
        row["budget"] = f">= {CACHED_BUDGET} x bare"
        row["meets_budget"] = ratio >= CACHED_BUDGET
    elif row["kind"] == "search":
        row["budget"] = f"p95 < {SEARCH_P95_BUDGET_MS} ms"
        row["meets_budget"] = row["p95_ms"] < SEARCH_P95_BUDGET_MS
    elif row["kind"] in ("uncached", "api"):
        budget = PAGE_BUDGET if row["kind"] == "uncached" else API_BUDGET
        row["budget"] = f">= {budget} x bare"
        row["meets_budget"] = ratio >= budget
    else:
        row["budget"] = ""
        row["meets_budget"] = None
    if row["errors"]:
        row["meets_budget"] = False


def print_table(rows):
    header = f"{'what':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'x bare':>7} {'err':>5}  budget"
    print(header)
    print("-" * len(header))
    for row in rows:
        mark = {True: "ok", False: "MISS", None: ""}[row["meets_budget"]]
        print(
            f"{row['name']:<34} {row['rps']:>8.0f} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f} "
            f"{row['ratio']:>7.3f} {row['errors']:>5}  {row['budget']} {mark}".rstrip()
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="a throw-away database (default: SQLite in var/bench/)")
    parser.add_argument("--redis-url", help="Redis for the cache (default: the file cache)")
    parser.add_argument("--pages", type=int, default=6000, help="[BENCH] standard pages on top of the demo data")
    parser.add_argument("--duration", type=int, default=8, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8109)))
    parser.add_argument("--fresh", action="store_true", help="start from an empty var/bench/")
    parser.add_argument("--output", default=str(BENCH_DIR / "results.json"))
    args = parser.parse_args()

    workdir = ROOT / "var" / "bench"
    env = site_environment(args, workdir)
    targets = prepare_site(args, env, workdir)
    tool = "wrk" if shutil.which("wrk") else "python"
    log(f"load generator: {tool}, {args.connections} connections, {args.duration} s each, {args.workers} workers")
    started_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    host = machine()
    server = start_server(env, args.port)
    rows = []
    try:
        for name, path, kind in scenarios(targets):
            status, headers = fetch(args.port, path)  # also warms the page cache for the cached rows
            if kind == "cached":
                status, headers = fetch(args.port, path)
                if headers.get("X-Page-Cache") != "hit":
                    log(f"warning: {path} was not served from the page cache")
            if status != 200:
                log(f"skipping {name}: {path} answered {status}")
                continue
            warm_up(args.port, path, args.connections)
            log(f"measuring {name}: {path}")
            if tool == "wrk":
                figures = run_wrk(f"http://127.0.0.1:{args.port}{path}", args.duration, args.connections)
            else:
                figures = run_python_load(args.port, path, args.duration, args.connections)
            rows.append({"name": name, "path": path, "kind": kind, **figures})
    finally:
        server.terminate()
        server.wait(timeout=30)

    bare = [row["rps"] for row in rows if row["kind"] == "bare"]
    bare_rps = sum(bare) / len(bare)
    for row in rows:
        verdict(row, bare_rps)
    print_table(rows)
    cold = measure_cold(env)
    missed = [row["name"] for row in rows if row["meets_budget"] is False]
    missed += [f"cold {name}" for name, row in cold.items() if not row["meets_budget"]]
    print(
        f"\nbare view: {bare_rps:.0f} req/s (mean of {len(bare)} runs); budget missed by: {', '.join(missed) or 'none'}"
    )
    results = {
        "started_at": started_at,
        "machine": host,
        "tool": tool,
        "connections": args.connections,
        "duration_s": args.duration,
        "workers": args.workers,
        "database": env["DATABASE_URL"].split(":", 1)[0],
        "cache": "redis" if env["REDIS_URL"] else "file",
        "bare_rps": bare_rps,
        "results": rows,
        "cold_after_publish": cold,
    }
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n")
    log(f"wrote {args.output}")


if __name__ == "__main__":
    main()
