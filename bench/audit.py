"""`make audit`: Lighthouse 12 (npm, bench/lighthouse/) with Debian's Chromium against the site served by the
project's gunicorn.conf.py under production settings, on loopback, in a throw-away folder (var/audit/).

    python bench/audit.py [--port N] [--output docs/AUDIT.md]

Audits the home page, the partners list, a news item and the contact page in Polish and English with Lighthouse's
default mobile profile (emulated phone, simulated slow 4G), all four categories, and writes the scores with every
audit that cost points to docs/AUDIT.md (and the raw figures to docs/audit/results.json). The target is ≥ 95 in
each category; it is a record, not a CI gate (a loaded machine lowers the performance score).

The site ships no news of its own (nothing is invented for visitors), so the throw-away database gets the labelled
demo data of `generate_demo_data` for the news item to exist.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.request import urlopen

from run import ROOT, log, manage, site_environment, start_server

LIGHTHOUSE_DIR = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET = 95


def pages_to_audit(port):
    """Home, partners, a news item and contact in each language, found through the site's own API."""
    pages = {}
    for locale in ("pl", "en"):
        for name, page_type in (
            ("home", "home.HomePage"),
            ("partners", "partners.PartnerIndexPage"),
            ("news item", "news.NewsPage"),
            ("contact", "home.ContactPage"),
        ):
            url = f"http://127.0.0.1:{port}/api/v2/pages/?type={page_type}&locale={locale}&limit=1"
            with urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
                items = json.load(response)["items"]
            if not items:
                raise SystemExit(f"no {page_type} in {locale}: cannot audit it")
            pages[f"{name} ({locale})"] = items[0]["meta"]["html_url"]
    return pages


def lighthouse(url, workdir):
    report_path = workdir / "report.json"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report_path}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--quiet",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
    )
    report = json.loads(report_path.read_text(encoding="utf-8"))
    scores = {category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES}
    lost = sorted(
        {
            audit["title"]
            for category in CATEGORIES
            for reference in report["categories"][category]["auditRefs"]
            if reference["weight"] > 0
            for audit in [report["audits"][reference["id"]]]
            if audit["score"] is not None and audit["score"] < 1
        }
    )
    return {"scores": scores, "lost_points_on": lost, "lighthouse": report["lighthouseVersion"]}


def write_markdown(path, results, started_at):
    lines = [
        "# Lighthouse audit",
        "",
        f"`make audit` on {started_at} ({platform.machine()}, {os.cpu_count()} cores, load "
        f"{os.getloadavg()[0]:.1f} at the start), Lighthouse {next(iter(results.values()))['lighthouse']}, "
        f"Debian Chromium, mobile profile (emulated phone, simulated slow 4G), production settings served by "
        f"the project's gunicorn.conf.py. Target: ≥ {TARGET} in every category. Not a CI gate: a loaded "
        "machine lowers the performance score.",
        "",
        "| Page | Performance | Accessibility | Best practices | SEO |",
        "|---|---|---|---|---|",
    ]
    for name, result in results.items():
        cells = [f"{score}" if score >= TARGET else f"**{score}**" for score in result["scores"].values()]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    lines += ["", "Audits that cost points (bold scores are below the target):", ""]
    for name, result in results.items():
        lost = ", ".join(result["lost_points_on"]) or "none"
        lines.append(f"- {name}: {lost}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=int(os.environ.get("AUDIT_PORT", 8119)))
    parser.add_argument("--output", default=str(ROOT / "docs" / "AUDIT.md"))
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"Lighthouse is not installed: npm ci --prefix {LIGHTHOUSE_DIR}")

    workdir = ROOT / "var" / "audit"
    workdir.mkdir(parents=True, exist_ok=True)
    env = site_environment(SimpleNamespace(database_url=None, redis_url=None, port=args.port, workers=2), workdir)
    env.pop("BENCH_ENDPOINTS")
    manage(env, "migrate", "--noinput")
    manage(env, "load_content")
    manage(env, "generate_demo_data", "--allow-production", "--news", "3", "--events", "3", "--partners", "0")
    manage(env, "collectstatic", "--noinput")
    started_at = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    server = start_server(env, args.port)
    results = {}
    try:
        pages = pages_to_audit(args.port)
        for number, (name, url) in enumerate(pages.items(), start=1):
            log(f"[{number}/{len(pages)}] {name}: {url}")
            results[name] = {"url": url, **lighthouse(url, workdir)}
            log(f"    {results[name]['scores']}")
    finally:
        server.terminate()
        server.wait(timeout=30)

    output = Path(args.output)
    write_markdown(output, results, started_at)
    raw = ROOT / "docs" / "audit" / "results.json"
    raw.parent.mkdir(exist_ok=True)
    raw.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    below = {name: r["scores"] for name, r in results.items() if min(r["scores"].values()) < TARGET}
    log(f"{len(results)} pages audited; {len(results) - len(below)} at ≥ {TARGET} in every category")
    log(f"written to {output}")
    for name, scores in below.items():
        log(f"  below {TARGET}: {name} {scores}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
