"""Save-to-reload latency of ``govsite serve`` (实时预览) on a 10,000-item site.

Usage::

    python benchmarks/serve_latency.py [--items 10000] [--repeat 5] [--out benchmarks/results-serve.json]

Copies the corpus (``benchmarks/corpus/n<items>-s1``, generated if missing) to a
temp folder, starts ``govsite serve --port 0`` on it (the first build is a full
one, search index included), opens one item page in Chromium and then, ``repeat``
times: saves that item's Markdown with a new sentence (temp file + rename, as
editors do) and measures the time from the save to the moment the open page
shows the sentence (the page reloads by itself). Each save also records the
server's own rebuild time from its log line. Saves are 3 s apart, well inside
the 20 s idle time after which the server brings the search index up to date.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import run as build_bench  # noqa: E402  (sibling script: corpus, chosen item, machine info)
from playwright.sync_api import sync_playwright  # noqa: E402

from govsite.pipeline.pages import load_and_validate  # noqa: E402
from tests.qr.qr_helpers import launch  # noqa: E402  (Debian Chromium with the project's flags)

URL_LINE = re.compile(r"Serving .* at (http://127\.0\.0\.1:\d+/\S*)")
BUILT_LINE = re.compile(r"Built: (\d+) written, (\d+) deleted in ([\d.]+)s")
GOVSITE = Path(sys.executable).with_name("govsite")


class Server:
    """``govsite serve`` in English (log lines are parsed), stdout read on a thread."""

    def __init__(self, site: Path) -> None:
        env = {**os.environ, "GOVSITE_TODAY": build_bench.TODAY, "GOVSITE_LANG": "en"}
        self.proc = subprocess.Popen([str(GOVSITE), "serve", "--site", str(site), "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        self.lines: list[str] = []
        self.url = ""
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            self.lines.append(line)
            found = URL_LINE.search(line)
            if found:
                self.url = found.group(1)
                self.ready.set()
        self.ready.set()

    def builds(self) -> list[tuple[int, float]]:
        """(written, seconds) of every build so far."""
        return [(int(m[1]), float(m[3])) for m in map(BUILT_LINE.search, self.lines) if m]

    def stop(self) -> int:
        self.proc.terminate()
        return self.proc.wait(timeout=300)


def save(path: Path, text: str) -> None:
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--gap", type=float, default=3.0, help="Seconds between saves.")
    parser.add_argument("--out", type=Path, default=HERE / "results-serve.json")
    args = parser.parse_args()

    corpus = build_bench.corpus_for(args.items, 1)
    info = build_bench.machine_info()
    with tempfile.TemporaryDirectory(prefix="govsite-serve-bench-") as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(corpus, site, ignore=shutil.ignore_patterns("output", ".govsite-cache"))
        target = build_bench.chosen_item(site, 1)
        source = target.relative_to(site).as_posix()
        model, _ = load_and_validate(site)
        url_path = next(it.url for it in model.items if it.source == source)
        del model

        started = time.perf_counter()
        server = Server(site)
        server.ready.wait(3600)
        if not server.url:
            sys.exit("govsite serve did not start:\n" + "".join(server.lines))
        first_build = time.perf_counter() - started
        print(f"server up after {first_build:.1f} s (first build, full): {server.url}", file=sys.stderr)
        samples: list[dict[str, float]] = []
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                page = browser.new_page()
                page.goto(server.url + url_path)
                original = target.read_text(encoding="utf-8")
                for n in range(1, args.repeat + 1):
                    time.sleep(args.gap)
                    sentence = f"实时预览延迟测量第{n}次修改。"
                    head, body = original.split("\n---\n", 1)
                    before = len(server.builds())
                    t0 = time.perf_counter()
                    save(target, head + "\n---\n\n" + sentence + "\n\n" + body)
                    page.wait_for_function("s => document.body && document.body.innerText.includes(s)",
                                           arg=sentence, timeout=120_000)
                    latency = time.perf_counter() - t0
                    while len(server.builds()) == before:
                        time.sleep(0.01)
                    written, build_s = server.builds()[before]
                    samples.append({"latency_s": round(latency, 3), "build_s": build_s, "written": written})
                    print(f"save {n}: {latency:.2f} s to reload (server build {build_s:.2f} s, "
                          f"{written} files)", file=sys.stderr)
                browser.close()
        finally:
            code = server.stop()
    latencies = [s["latency_s"] for s in samples]
    result = {
        "machine": info,
        "items": args.items,
        "item": source,
        "command": f"python benchmarks/serve_latency.py --items {args.items} --repeat {args.repeat}",
        "first_build_s": round(first_build, 1),
        "gap_s": args.gap,
        "samples": samples,
        "latency_s": {"median": statistics.median(latencies), "min": min(latencies), "max": max(latencies)},
        "build_s_median": statistics.median(s["build_s"] for s in samples),
        "server_exit_code": code,
    }
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result["latency_s"]), file=sys.stderr)


if __name__ == "__main__":
    main()
