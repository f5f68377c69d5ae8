"""`make soak`: a bounded load and fault run on loopback, for SQLite and PostgreSQL. Stops by itself.

For each database: gunicorn (2 workers) on 127.0.0.1, then
1. soak: --duration seconds (30) at --connections (32) over pages in both languages (page cache hits and
   full renders), the API and /healthz/, while an "editor" publishes a page every half second
   (database writes and page-cache invalidation under load). Passes with 0 errors and no
   "database is locked" in the server log;
2. Redis stops (a loopback proxy in front of Redis is closed): pages still answer 200, health "degraded";
3. the database stops (PostgreSQL: the proxy in front of it is closed; SQLite: the file cannot be opened):
   pages and /healthz/ answer 503; after PostgreSQL comes back, pages answer 200 again.

    python bench/soak.py [--databases sqlite,postgres] [--duration 30] [--connections 32]

PostgreSQL: a throw-away database is created and dropped at SOAK_POSTGRES_URL's server
(default postgres://postgres@127.0.0.1:5432). Redis: SOAK_REDIS (default 127.0.0.1:6379), database 14.
"""

import argparse
import http.client
import os
import selectors
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PYTHON, ROOT, log, manage, site_environment  # noqa: E402

SOAK_DB_NAME = "lp_soak"
PATHS = [
    "/pl/",
    "/en/",
    "/pl/?soak=render",
    "/en/?soak=render",
    "/pl/o-partnerstwie/",
    "/pl/kontakt/?soak=render",
    "/api/v2/pages/?limit=20&fields=*",
    "/api/v2/pages/?locale=en",
    "/healthz/",
]


class Proxy:
    """A loopback TCP proxy that can be stopped and started again on the same port: a server "going down"."""

    def __init__(self, upstream_host, upstream_port):
        self.upstream = (upstream_host, upstream_port)
        self.listener = None
        self.port = None
        self.sockets = set()
        self.lock = threading.Lock()

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port or 0))
        self.port = self.listener.getsockname()[1]
        self.listener.listen(128)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()
        return self

    def stop(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would leave it accepting once more.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for sock in list(self.sockets):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self.sockets.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update((client, server))
            threading.Thread(target=self._pipe, args=(client, server), daemon=True).start()

    def _pipe(self, a, b):
        selector = selectors.DefaultSelector()
        selector.register(a, selectors.EVENT_READ, b)
        selector.register(b, selectors.EVENT_READ, a)
        try:
            while True:
                for key, _events in selector.select():
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except (OSError, ValueError):
            return
        finally:
            with self.lock:
                self.sockets.discard(a)
                self.sockets.discard(b)
            a.close()
            b.close()


def get(port, path, timeout=15):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


def start_gunicorn(env, log_path):
    log_file = open(log_path, "ab")  # noqa: SIM115 - closed with the process
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "cms.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    port = int(env["GUNICORN_BIND"].rsplit(":", 1)[1])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            get(port, "/bench/bare/", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not start within 60 s")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def soak(port, duration, connections):
    statuses, failures, lock = Counter(), Counter(), threading.Lock()
    deadline = time.monotonic() + duration

    def visitor(number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        i = number
        while time.monotonic() < deadline:
            path = PATHS[i % len(PATHS)]
            i += 1
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                with lock:
                    statuses[response.status] += 1
                    if response.status >= 500:
                        failures[f"{response.status} {path}"] += 1
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    failures[f"{type(error).__name__} {path}"] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        connection.close()

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, failures


PUBLISHER = """
import time, django
django.setup()
from home.models import StandardPage
deadline = time.monotonic() + {duration}
page = StandardPage.objects.filter(locale__language_code="pl").order_by("path").first()
published = 0
while time.monotonic() < deadline:
    page = StandardPage.objects.get(pk=page.pk)
    page.search_description = f"soak {{published}}"
    page.save_revision().publish()
    published += 1
    time.sleep(0.5)
print(published)
"""


def check(results, name, passed, detail=""):
    results.append((name, passed, detail))
    log(f"{'PASS' if passed else 'FAIL'}: {name} {detail}")


def run_database(kind, args, results):
    workdir = ROOT / "var" / f"soak-{kind}"
    workdir.mkdir(parents=True, exist_ok=True)
    server_log = workdir / "gunicorn.log"
    server_log.write_bytes(b"")
    redis_host, redis_port = args.redis.split(":")
    redis_proxy = Proxy(redis_host, int(redis_port)).start()
    db_proxy = None
    pg_admin = None
    if kind == "postgres":
        import psycopg

        pg = urlsplit(args.postgres_url)
        pg_admin = psycopg.connect(args.postgres_url + "/postgres", autocommit=True)
        pg_admin.execute(f"DROP DATABASE IF EXISTS {SOAK_DB_NAME}")
        pg_admin.execute(f"CREATE DATABASE {SOAK_DB_NAME}")
        db_proxy = Proxy(pg.hostname, pg.port or 5432).start()
        auth = f"{pg.username}:{pg.password}@" if pg.password else f"{pg.username}@"
        database_url = f"postgres://{auth}127.0.0.1:{db_proxy.port}/{SOAK_DB_NAME}"
    else:
        for leftover in workdir.glob("db.sqlite3*"):
            leftover.unlink()
        database_url = f"sqlite:///{workdir / 'db.sqlite3'}"

    bench_args = argparse.Namespace(
        database_url=database_url, redis_url=f"redis://127.0.0.1:{redis_proxy.port}/14", port=args.port, workers=2
    )
    env = site_environment(bench_args, workdir)
    env["CACHE_KEY_PREFIX"] = f"soak-{kind}-{os.getpid()}"
    env["GUNICORN_LOG_LEVEL"] = "info"
    env["LOG_LEVEL"] = "WARNING"
    manage(env, "migrate", "--noinput")
    manage(env, "load_content")
    manage(env, "collectstatic", "--noinput")

    server = start_gunicorn(env, server_log)
    try:
        log(f"[{kind}] soak: {args.duration} s at {args.connections} connections, an editor publishing meanwhile")
        publisher = subprocess.Popen(
            [PYTHON, "-c", PUBLISHER.format(duration=args.duration)], cwd=ROOT, env=env, stdout=subprocess.PIPE
        )
        statuses, failures = soak(args.port, args.duration, args.connections)
        published = publisher.communicate(timeout=120)[0].decode().strip()
        total = sum(statuses.values())
        check(
            results,
            f"[{kind}] soak without errors",
            not failures and publisher.returncode == 0,
            f"{total} requests ({total / args.duration:.0f}/s), statuses {dict(statuses)}, "
            f"failures {dict(failures)}, {published or 'no'} publications",
        )
        locked = server_log.read_text(errors="replace").count("database is locked")
        check(results, f"[{kind}] no 'database is locked'", locked == 0, f"{locked} in the server log")

        log(f"[{kind}] fault: Redis stops")
        redis_proxy.stop()
        pages = [get(args.port, path)[0] for path in ("/pl/", "/en/", "/pl/?soak=render", "/api/v2/pages/")]
        health_status, health = get(args.port, "/healthz/")
        check(results, f"[{kind}] Redis down: pages 200", pages == [200] * 4, f"{pages}")
        check(
            results,
            f"[{kind}] Redis down: health degraded but 200",
            health_status == 200 and b'"degraded"' in health,
            f"{health_status} {health.decode()}",
        )
        redis_proxy.start()

        log(f"[{kind}] fault: the database stops")
        if kind == "postgres":
            db_proxy.stop()
        else:
            stop(server)
            env_down = {**env, "DATABASE_URL": f"sqlite:///{workdir / 'missing' / 'db.sqlite3'}"}
            server = start_gunicorn(env_down, server_log)
        pages = [get(args.port, path)[0] for path in ("/pl/?soak=render", "/en/?soak=render", "/api/v2/pages/")]
        health_status, _health = get(args.port, "/healthz/")
        check(results, f"[{kind}] database down: pages 503", pages == [503] * 3, f"{pages}")
        check(results, f"[{kind}] database down: health 503", health_status == 503, f"{health_status}")

        if kind == "postgres":
            db_proxy.start()
            time.sleep(1)
            pages = [get(args.port, path)[0] for path in ("/pl/?soak=render", "/en/", "/api/v2/pages/")] * 2
            check(results, f"[{kind}] database back: pages 200 again", pages == [200] * 6, f"{pages}")
    finally:
        stop(server)
        redis_proxy.stop()
        if db_proxy:
            db_proxy.stop()
        if pg_admin:
            pg_admin.execute(f"DROP DATABASE IF EXISTS {SOAK_DB_NAME} WITH (FORCE)")
            pg_admin.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=int(os.environ.get("SOAK_PORT", 8119)))
    parser.add_argument(
        "--postgres-url", default=os.environ.get("SOAK_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--redis", default=os.environ.get("SOAK_REDIS", "127.0.0.1:6379"))
    args = parser.parse_args()

    results = []
    for kind in args.databases.split(","):
        run_database(kind.strip(), args, results)
    failed = [name for name, passed, _detail in results if not passed]
    print()
    for name, passed, detail in results:
        print(f"{'PASS' if passed else 'FAIL'}  {name}  {detail}")
    print(f"\n{len(results) - len(failed)} of {len(results)} checks passed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
