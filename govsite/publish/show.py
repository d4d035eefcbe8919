"""The lines ``govsite publish`` prints: the plan (``--dry-run``) and the summary.

The plan shows, per phase in upload order, how many files and the first few paths,
so that an IT person can see before publishing what will change, e.g. that an edit
of one item uploads that page, its listings and feeds, and nothing else.
"""
from __future__ import annotations

from govsite.publish.phases import NAMES, PHASES
from govsite.publish.run import Result
from govsite.publish.target import Target

FIRST = 5
"""Paths shown per phase."""


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _first(paths: list[str]) -> str:
    shown = ", ".join(paths[:FIRST])
    return shown + (f", … (+{len(paths) - FIRST})" if len(paths) > FIRST else "")


def plan_lines(result: Result, target: Target, lang: str) -> list[str]:
    """The plan: how it was compared, each phase with its count and first paths, what stays."""
    plan = result.plan
    lines = []
    if result.state_unreadable:
        lines.append(_t(lang, f"注意：目标上的发布记录无法读取（{result.state_unreadable}），按没有记录处理。",
                        f"Note: the publish record on the target cannot be read ({result.state_unreadable}); "
                        "treated as missing."))
    if plan.by_record:
        how = _t(lang, "与目标上的发布记录比较（按校验和）", "compared by checksum with the target's publish record")
    else:
        why = _t(lang, "--full 不使用发布记录" if plan.full else "目标上没有发布记录",
                 "--full ignores the publish record" if plan.full else "no publish record on the target")
        how = _t(lang, f"{why}，且目标不提供 MD5：全部上传", f"{why}, and the target keeps no MD5: every file is uploaded") \
            if plan.unverifiable else \
            _t(lang, f"{why}：逐个比较目标上文件的大小和 MD5", f"{why}: compared with the size and MD5 of each file there")
    lines.append(_t(lang, f"发布计划：{target.shown}（{how}）", f"Publish plan: {target.shown} ({how})"))
    paths: dict[str, list[str]] = {phase: [] for phase in PHASES}
    for phase, batch in plan.batches:
        paths[phase].extend(batch)
    paths["delete"] = plan.deletions
    for n, phase in enumerate(PHASES, 1):
        zh, en = NAMES[phase]
        count = len(paths[phase])
        verb = _t(lang, "删除" if phase == "delete" else "上传", "delete" if phase == "delete" else "upload")
        line = _t(lang, f"  {n}. {zh}：{verb} {count} 个", f"  {n}. {en}: {verb} {count}")
        lines.append(line + (f"：{_first(paths[phase])}" if lang == "zh" and count else
                             f": {_first(paths[phase])}" if count else ""))
    lines.append(_t(lang, f"  未变更：{plan.unchanged} 个", f"  unchanged: {plan.unchanged}"))
    if plan.resumed:
        lines.append(_t(lang, f"  上一次发布未完成：其中 {plan.resumed} 个路径重新上传或删除",
                        f"  the previous publish did not finish: {plan.resumed} of its paths are uploaded or "
                        "deleted again"))
    if plan.left_alone:
        lines.append(_t(lang, f"  目标上另有 {len(plan.left_alone)} 个文件不是 govsite 发布的，保留不动："
                              f"{_first(plan.left_alone)}",
                        f"  {len(plan.left_alone)} other file(s) on the target were not published by govsite and "
                        f"are left alone: {_first(plan.left_alone)}"))
    return lines


def summary_line(result: Result, target: Target, lang: str) -> str:
    plan = result.plan
    if plan.empty:
        return _t(lang, f"目标 {target.shown} 已是最新：没有需要上传或删除的文件（{plan.unchanged} 个未变更），用时 "
                        f"{result.seconds:.2f} 秒",
                  f"{target.shown} is up to date: nothing to upload or delete ({plan.unchanged} unchanged) in "
                  f"{result.seconds:.2f}s")
    return _t(lang, f"已发布到 {target.shown}：上传 {result.copied} 个文件，删除 {result.deleted} 个，"
                    f"{plan.unchanged} 个未变更，用时 {result.seconds:.2f} 秒",
              f"Published to {target.shown}: {result.copied} uploaded, {result.deleted} deleted, "
              f"{plan.unchanged} unchanged in {result.seconds:.2f}s")


def progress_line(phase: str, count: int, lang: str) -> str:
    zh, en = NAMES[phase]
    n = PHASES.index(phase) + 1
    return _t(lang, f"{n}/{len(PHASES)} {zh}：{count} 个……", f"{n}/{len(PHASES)} {en}: {count}…")
