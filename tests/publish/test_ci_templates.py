"""``govsite ci-template`` and ``govsite init --ci``: the pipeline files parse as YAML
with the expected jobs and triggers, hold no secret, are never written over a file
govsite did not write, and their shell commands, run locally in order as the CI
service would run them for a push to the main branch, check, build and publish a
site to a local-folder rclone target; on the demo site (which has warnings) the
strict check stops the pipeline before anything is published.

The install line runs as written, with ``GOVSITE_PIP`` naming a package the test
environment already has (no network); ``govsite`` on PATH is this checkout, as the
console script pip installs would be."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from govsite.cli import main
from govsite.publish.ci import MARKER
from tests.conftest import REPO, SiteFolder, uscc
from tests.publish.publish_helpers import assert_identical, demo_copy, needs_rclone

FILES = {"gitlab": [".gitlab-ci.yml"], "github": [".github/workflows/govsite.yml"],
         "gitee": [".workflow/govsite.yml", ".workflow/govsite-daily.yml"]}


def write(kind: str, site: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["ci-template", kind, "--site", str(site), "--lang", "en", *args])
    assert result.exit_code == 0, result.output
    return result.output


def load(site: Path, rel: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((site / rel).read_text(encoding="utf-8"))


def test_gitlab_pipeline_jobs_and_triggers(tmp_path: Path) -> None:
    write("gitlab", tmp_path)
    ci = load(tmp_path, ".gitlab-ci.yml")
    assert ci["stages"] == ["check", "publish"]
    assert ci["check"]["script"] == ["govsite check --strict"]
    assert ci["check"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE != "schedule"'}]
    assert ci["check-daily"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]
    assert any("merge_request_event" in rule["if"] for rule in ci["workflow"]["rules"])
    publish_rule = ci["publish"]["rules"][0]["if"]
    assert '$CI_COMMIT_BRANCH == "main"' in publish_rule and "schedule" in publish_rule and "push" in publish_rule
    assert ci["publish"]["stage"] == "publish" and ci["publish"]["resource_group"] == "publish"
    assert ci["publish"]["script"][-1].startswith("govsite publish")


def test_github_workflow_jobs_and_triggers(tmp_path: Path) -> None:
    write("github", tmp_path, "--branch", "master")
    wf = load(tmp_path, ".github/workflows/govsite.yml")
    on = wf[True]  # YAML 1.1 reads the key "on" as true
    assert set(on) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert on["schedule"] == [{"cron": "30 16 * * *"}]  # 00:30 Beijing time
    assert wf["jobs"]["publish"]["needs"] == "check"
    assert wf["jobs"]["publish"]["if"] == "github.ref == 'refs/heads/master' && github.event_name != 'pull_request'"
    runs = [step.get("run", "") for step in wf["jobs"]["check"]["steps"]]
    assert "govsite check --strict" in runs
    publish = wf["jobs"]["publish"]["steps"][-1]
    assert publish["env"]["RCLONE_CONF"] == "${{ secrets.RCLONE_CONF }}"


def test_gitee_go_pipelines_jobs_and_triggers(tmp_path: Path) -> None:
    write("gitee", tmp_path)
    push = load(tmp_path, ".workflow/govsite.yml")
    daily = load(tmp_path, ".workflow/govsite-daily.yml")
    assert push["version"] == daily["version"] == "1.0"
    assert set(push["triggers"]) == {"trigger", "push", "pr"}
    assert set(daily["triggers"]) == {"trigger", "schedule"} and daily["triggers"]["schedule"][0]["cron"]
    step = push["stages"][0]["steps"][0]
    assert step["step"] == "build@python" and step["pythonVersion"] == "3.11"
    assert "govsite check --strict" in step["commands"]
    assert "govsite check" in daily["stages"][0]["steps"][0]["commands"]


@pytest.mark.parametrize("kind", sorted(FILES))
def test_no_secret_in_any_pipeline_file(kind: str, tmp_path: Path) -> None:
    write(kind, tmp_path)
    for rel in FILES[kind]:
        text = (tmp_path / rel).read_text(encoding="utf-8")
        assert text.splitlines()[0] == f"# {MARKER}"
        assert "RCLONE_CONF" in text  # the rclone configuration comes from the CI service's secret
        for word in ("secret_access_key", "access_key_id", "password:", "pass="):
            assert word not in text


def test_a_file_govsite_did_not_write_is_never_overwritten(tmp_path: Path) -> None:
    own = tmp_path / ".gitlab-ci.yml"
    own.write_text("build:\n  script: [make]\n", encoding="utf-8")
    refused = CliRunner().invoke(main, ["ci-template", "gitlab", "--site", str(tmp_path), "--lang", "en"])
    assert refused.exit_code == 2
    assert f"{own} exists and was not written by govsite" in refused.output and "--force" in refused.output
    assert own.read_text(encoding="utf-8") == "build:\n  script: [make]\n"
    assert "updated" in write("gitlab", tmp_path, "--force")
    assert "unchanged" in write("gitlab", tmp_path)  # its own file: rewritten freely, here identical
    assert "updated" in write("gitlab", tmp_path, "--branch", "master")


def test_a_site_in_a_subfolder_of_its_repository(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    site = tmp_path / "sites/county"
    site.mkdir(parents=True)
    write("gitlab", site)
    ci = load(tmp_path, ".gitlab-ci.yml")
    assert ci["check"]["script"] == ["govsite check --strict --site sites/county"]


def test_init_with_ci_writes_the_pipeline_into_the_new_site(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "new"), "--ci", "github", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new/.github/workflows/govsite.yml").is_file()
    assert "RCLONE_CONF" in result.output


# Running the commands -----------------------------------------------------------------


def commands(kind: str, repo: Path) -> list[list[str]]:
    """The shell commands of the jobs a push to main runs, each job a list, in order."""
    if kind == "gitlab":
        ci = load(repo, ".gitlab-ci.yml")
        before = ci["default"]["before_script"]
        return [before + ci["check"]["script"], before + ci["publish"]["script"]]
    if kind == "github":
        jobs = load(repo, ".github/workflows/govsite.yml")["jobs"]
        return [[step["run"] for step in jobs[job]["steps"]
                 if "run" in step and step.get("if") != "github.event_name == 'schedule'"] for job in ("check", "publish")]
    return [load(repo, ".workflow/govsite.yml")["stages"][0]["steps"][0]["commands"]]


@pytest.fixture
def runner_env(tmp_path: Path) -> dict[str, str]:
    """A throw-away Python environment whose ``python3`` sees the test's packages and whose
    ``govsite`` is this checkout; ``rclone`` from the system."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = Path(subprocess.run([str(venv / "bin/python3"), "-c", "import sysconfig;print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "govsite-test.pth").write_text(f"{REPO}\n{sysconfig.get_paths()['purelib']}\n", encoding="utf-8")
    script = venv / "bin/govsite"
    script.write_text(f"#!{venv / 'bin/python3'}\nfrom govsite.cli import run\nrun()\n", encoding="utf-8")
    script.chmod(0o755)
    runner_tmp = tmp_path / "runner-tmp"
    runner_tmp.mkdir()
    return {"PATH": f"{venv / 'bin'}:{os.environ['PATH']}", "HOME": str(tmp_path), "GOVSITE_PIP": "pyyaml",
            "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "RUNNER_TEMP": str(runner_tmp),
            "GITEE_BRANCH": "main", "RCLONE_CONFIG": os.devnull, "GOVSITE_TODAY": "2026-03-02", "LANG": "C.UTF-8"}


def run_jobs(jobs: list[list[str]], cwd: Path, env: dict[str, str]) -> list[subprocess.CompletedProcess[str]]:
    """Each job's commands in one bash session that stops at the first failure, as a CI runner does."""
    done = []
    for job in jobs:
        script = "set -eo pipefail\n" + "\n".join(job) + "\n"
        proc = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
        done.append(proc)
        if proc.returncode != 0:
            break
    return done


def clean_site(root: Path) -> SiteFolder:
    """A site that passes ``govsite check --strict`` on 2026-03-02: two columns, one recent item
    of the government (whose annual report is due on 31 March), a guide page."""
    site = SiteFolder(root)
    site.write("site.yaml", textwrap.dedent("""\
        name: 清洁县人民政府
        base_url: https://www.qingjie.gov.test/
        footer:
          host: 清洁县人民政府办公室
          contact: {phone: 0999-1234567, email: xxgk@qingjie.gov.test, address: 清洁县清洁路1号}
          site_id_code: "9999990009"
          icp: 测ICP备00000009号-1
          psb: 测公网安备 99999902000009号
        columns:
          - {id: xxgkzn, title: 政府信息公开指南, type: guide}
          - {id: gfxwj, title: 行政法规、规章和规范性文件, type: notice_policy}
        """))
    code = uscc("11999900MB000009" + "0")
    site.write("content/orgs.yaml", f"- {{id: xzf, name: 清洁县人民政府, short_name: 县政府, code: {code}, kind: government}}\n")
    site.write("content/pages/zhinan.md", "---\ntitle: 政府信息公开指南\ncolumn: xxgkzn\n---\n## 一、主动公开\n\n指南正文。\n")
    site.write("content/items/xzf/2026/00001.md", textwrap.dedent(f"""\
        ---
        index_no: {code}/2026-00001
        title: 清洁县人民政府关于印发工作方案的通知
        doc_no: 清政发〔2026〕1号
        issuer: xzf
        written_date: "2026-02-24"
        publish_date: "2026-02-26 09:00"
        theme: "2.1"
        genre: 通知
        columns: [gfxwj]
        ---
        正文内容。
        """))
    return site


@needs_rclone
@pytest.mark.parametrize("kind", sorted(FILES))
def test_the_pipeline_commands_check_build_and_publish_a_site(kind: str, tmp_path: Path,
                                                              runner_env: dict[str, str]) -> None:
    site = clean_site(tmp_path / "repo")
    (site.root / ".git").mkdir()  # the site is its repository
    write(kind, site.root)
    www = tmp_path / "www"
    env = {**runner_env, "GOVSITE_TARGET": str(www)}
    jobs = commands(kind, site.root)
    done = run_jobs(jobs, site.root, env)
    assert [proc.returncode for proc in done] == [0] * len(jobs), [proc.stdout + proc.stderr for proc in done]
    assert_identical(site.out, www)
    again = run_jobs(jobs, site.root, env)  # the next push, nothing changed: nothing is uploaded
    assert "已是最新：没有需要上传或删除的文件" in again[-1].stdout


@needs_rclone
def test_on_the_demo_site_the_strict_check_stops_the_pipeline_before_publishing(tmp_path: Path,
                                                                                runner_env: dict[str, str]) -> None:
    repo = demo_copy(tmp_path / "demo").root
    (repo / ".git").mkdir()
    write("gitlab", repo)
    www = tmp_path / "www"
    env = {**runner_env, "GOVSITE_TARGET": str(www), "GOVSITE_TODAY": "2026-11-20"}
    done = run_jobs(commands("gitlab", repo), repo, env)
    assert len(done) == 1 and done[0].returncode == 1  # the demo's warnings fail the strict check
    assert "warning" in done[0].stdout + done[0].stderr or "警告" in done[0].stdout + done[0].stderr
    assert not www.exists() and not (repo / "output").exists()

