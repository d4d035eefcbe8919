"""The nginx map works in a real nginx (skipped when nginx is not installed):
old URLs answer 301 with the new path, Chinese, spaces, long paths and the
base_url sub-path included."""
from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import SiteFolder
from tests.redirects.redirect_helpers import build_ok, idx

NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)
LONG = "/" + "/".join(["very-long-folder-name-of-an-old-cms"] * 6) + "/art_1.html"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def nginx(site: SiteFolder, tmp_path: Path):  # type: ignore[no-untyped-def]
    if NGINX is None:
        pytest.skip("nginx is not installed")
    site.write("redirects.yaml", f"/art/2024/6/5/art_1_2.html: {idx(1)}\n/zwgk/: xxgk/gfxwj/\n"
                                 f"/政策 文件/通知 1.html: xxgk/xxgkzn/\n/module/show.jsp: xxgk/\n{LONG}: xxgk/\n")
    site.write_item(4, legacy_url="http://old.test.gov.cn/%D5%FE%B2%DF/a.html")  # GBK-encoded 政策, an old CMS
    build_ok(site, base_url="https://www.test.gov.cn/county/")
    run = tmp_path / "nginx"
    run.mkdir()
    port = free_port()
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = (site.out / "redirects.nginx.conf").read_bytes().decode("utf-8", "replace")
    bucket = re.search(r"map_hash_bucket_size (\d+);", conf).group(1)  # the size the file asks for
    temps = "".join(f"{name}_temp_path {run}/{name};\n" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (run / "nginx.conf").write_text(f"""{user}daemon off;
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    {temps}
    map_hash_bucket_size {bucket};
    include {site.out}/redirects.nginx.conf;
    server {{
        listen 127.0.0.1:{port};
        location /county/ {{
            alias {site.out}/;
            if ($govsite_redirect) {{ return 301 $govsite_redirect; }}
        }}
    }}
}}
""", encoding="utf-8")
    test = subprocess.run([NGINX, "-t", "-p", str(run), "-e", str(run / "error.log"), "-c", str(run / "nginx.conf")],
                          capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    proc = subprocess.Popen([NGINX, "-p", str(run), "-e", str(run / "error.log"), "-c", str(run / "nginx.conf")])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield port
    proc.terminate()
    proc.wait(timeout=10)


def get(port: int, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("GET", path)
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp.status, resp.getheader("Location") or ""


def test_old_urls_answer_301_with_the_new_path(nginx: int) -> None:
    cases = {
        "/county/art/2024/6/5/art_1_2.html": "/county/xxgk/xzfb/2025/00001.html",
        "/county/zwgk/": "/county/xxgk/gfxwj/",
        "/county/zwgk": "/county/xxgk/gfxwj/",
        "/county/%E6%94%BF%E7%AD%96%20%E6%96%87%E4%BB%B6/%E9%80%9A%E7%9F%A5%201.html": "/county/xxgk/xxgkzn/",
        "/county/module/show.jsp": "/county/xxgk/",
        "/county" + LONG: "/county/xxgk/",
        "/county/%D5%FE%B2%DF/a.html": "/county/xxgk/xzfb/2025/00004.html",
    }
    for old, new in cases.items():
        status, location = get(nginx, old)
        assert status == 301 and location.endswith(f":{nginx}{new}"), (old, status, location)
    assert get(nginx, "/county/xxgk/xzfb/2025/00001.html")[0] == 200  # live pages are served as they are
