"""The ``govsite`` console entry point (``govsite``, ``python -m govsite.cli``).

The commands are a click group (:mod:`govsite.cli_group`, also importable here as
``govsite.cli.main``). A ``govsite build`` with nothing to do, or with only item
bodies edited, is answered before click and the command modules are imported: the
whole process of a no-change build at 100,000 items was 0.64 s under the profiler,
of which 0.29 s importing (click, the model's pydantic classes, Jinja) for a build
that reads nothing (docs/performance.md, "Edits: the fast path"). Anything this
module does not recognise on the command line (``--help``, a typo, a value to
check), or a build that has work to do, goes to click as before.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

_HARD_EXIT = {"build", "check"}
"""Commands after which the process ends without tearing the interpreter down."""
_VALUED = {"--site": "site", "--out": "out", "--base-url": "base_url", "--jobs": "jobs", "-j": "jobs",
           "--lang": "lang"}
_FLAGS = {"--quiet": "quiet", "-q": "quiet", "--no-search": "no_search", "--force-out": "force_out"}


def __getattr__(name: str) -> Any:
    """``main`` (the click group) is imported when asked for (tests, ``govsite.cli:main``)."""
    if name in ("main", "GovsiteGroup"):
        from govsite import cli_group

        return getattr(cli_group, name)
    raise AttributeError(name)


def _build_options(args: list[str]) -> dict[str, str | bool] | None:
    """The options of ``govsite build``, when they are all plain ones; else None (click decides)."""
    found: dict[str, str | bool] = {}
    n = 0
    while n < len(args):
        arg = args[n]
        name, eq, value = arg.partition("=")
        if name in _VALUED and (eq or n + 1 < len(args)):
            if not eq:
                n += 1
                value = args[n]
            if not value or _VALUED[name] in found:
                return None
            found[_VALUED[name]] = value
        elif arg in _FLAGS:
            found[_FLAGS[arg]] = True
        else:
            return None
        n += 1
    jobs = found.get("jobs")
    if isinstance(jobs, str) and not jobs.lstrip("-").isdigit():
        return None
    found.setdefault("lang", os.environ.get("GOVSITE_LANG", "zh"))
    return found if found["lang"] in ("zh", "en") else None


class _Busy(Exception):
    """Another build holds a lock: click's way waits, and says so."""


def _busy(_lock: Path) -> None:
    raise _Busy


def answer_build(args: list[str]) -> int | None:
    """Exit code of ``govsite build args`` when the build stamp or the edit record
    answers it (its lines printed as the click command prints them); None when click
    must run the command (an unusual command line, a refusal, work to do)."""
    options = _build_options(args)
    if options is None:
        return None
    from govsite.cli_lines import done_line, inspection_line, problem_lines
    from govsite.pipeline.build import answer
    from govsite.pipeline.guard import OutputRefused

    site = Path(str(options.get("site", ".")))
    out = Path(str(options["out"])) if "out" in options else None
    lang = str(options["lang"])
    try:
        result = answer(site, out, str(options["base_url"]) if "base_url" in options else None,
                        quick=bool(options.get("no_search")), force_out=bool(options.get("force_out")), waiting=_busy)
    except (OutputRefused, _Busy, OSError):
        return None  # click's way says what to do, and waits for a lock
    except KeyboardInterrupt as exc:  # as click's way ends it (govsite.cli_group.GovsiteGroup)
        from govsite.environment_errors import EXIT_ENVIRONMENT, describe

        print(describe(exc, lang), file=sys.stderr)
        return EXIT_ENVIRONMENT
    if result is None or not result.ok:
        return None
    try:
        for line in problem_lines(result.problems, lang):
            print(line, file=sys.stderr)
        notice = inspection_line(out or site / "output", lang)
        if notice is not None:
            print(notice)
        print(done_line(result, lang))
    except OSError:  # a closed pipe (govsite build | head): the build is done, nothing more can be said
        return 1
    return 0


def run() -> None:
    """Console entry point (``govsite``, ``python -m govsite.cli``).

    After ``build`` and ``check`` the process exits at once, like mypy's
    ``hard_exit``: freeing a model of 10,000 items object by object and the
    interpreter's final collection take ≈ 0.2 s and have nothing left to do
    (files are written and closed, streams are flushed here). Other commands,
    such as ``serve`` with its threads, end normally, and so does any command under
    a profiler, coverage or a debugger. Tests call :func:`main`."""
    try:
        answered = answer_build(sys.argv[2:]) if sys.argv[1:2] == ["build"] else None
        if answered is not None:
            raise SystemExit(answered)
        from govsite.cli_group import main

        main()
    except SystemExit as exc:
        if not (len(sys.argv) > 1 and _HARD_EXIT.intersection(sys.argv[1:2])):
            raise
        if sys.getprofile() is not None or sys.gettrace() is not None:
            raise  # a profiler, coverage or a debugger writes its results at exit
        code = exc.code
        if isinstance(code, str):
            print(code, file=sys.stderr)
            code = 1
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # a closed pipe (govsite build | head): nothing more can be said
            code = code or 1
        os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    run()
