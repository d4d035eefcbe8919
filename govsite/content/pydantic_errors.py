"""Translate pydantic validation errors into :class:`Problem` objects with lines."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from govsite.base.yamlsource import locate
from govsite.dates import DateFormatError, parse_legacy_date
from govsite.problems import Problem, Severity

_TYPE_NAMES = {
    "string_type": "文本 / text",
    "list_type": "列表 / list",
    "int_type": "整数 / integer",
    "int_parsing": "整数 / integer",
    "int_from_float": "整数 / integer",
    "bool_type": "true 或 false",
    "bool_parsing": "true 或 false",
    "dict_type": "“字段: 值”映射 / mapping",
    "model_type": "“字段: 值”映射 / mapping",
    "model_attributes_type": "“字段: 值”映射 / mapping",
}

_PATTERN_NAMES = {
    r"^([0-9]{10}|bm[0-9]{8})$": "10位数字或 bm+8位数字（网站标识码，如 3418020037）",
    r"^[a-z0-9][a-z0-9-]*$": "小写字母、数字和连字符组成的标识（如 xzfb）",
    r"^[a-z0-9-]+$": "小写字母、数字和连字符（如 xxgk）",
    r"^[\u4e00-\u9fa5]ICP备[0-9]{6,10}号(-[0-9]+)?$": "省份简称+ICP备+6至10位数字+号，可带 -序号（如 京ICP备19014889号-1）",
    r"^[\u4e00-\u9fa5]+\s*[0-9]{14}号?$": "省份简称+公网安备+14位数字+号（如 京公网安备 11010202008000号）",
    r"^\d+(\.\d+)?$": "分类代码，如 13 或 13.2",
}


def _field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc)


def problems_from_validation(
    exc: ValidationError,
    model: type[BaseModel],
    file: str,
    yaml_text: str,
    line_offset: int,
    data: Any,
    prefix: tuple[Any, ...] = (),
) -> list[Problem]:
    """One problem per pydantic error, each with its line in the YAML text."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        line = locate(yaml_text, loc, line_offset)
        code, params = _classify(err, model, loc)
        value = err.get("input") if err["type"] != "missing" else None
        if isinstance(value, (dict, list)) and err["type"] not in ("list_type", "string_type", "dict_type"):
            value = None if err["type"] == "missing" else value
        out.append(Problem(code, Severity.ERROR, file, line, _field_path(loc), value, params))
    return out


def _classify(err: ErrorDetails, model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, dict[str, Any]]:
    etype = err["type"]
    ctx = err.get("ctx") or {}
    msg = str(err.get("msg", ""))
    if etype == "missing":
        return "E-MISSING", {}
    if etype == "extra_forbidden":
        return "E-UNKNOWN-FIELD", {"allowed": "、".join(_allowed_fields(model, loc))}
    if etype in ("enum", "literal_error"):
        allowed = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ").replace(", ", "、")
        return "E-ENUM", {"allowed": allowed}
    if etype == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return "E-PATTERN", {"expected": _PATTERN_NAMES.get(pattern, f"符合 {pattern}")}
    if etype in ("too_short", "string_too_short") and ctx.get("min_length") in (1, None):
        return "E-EMPTY", {}
    if etype == "value_error":
        if msg.endswith(", date"):
            return "E-DATE", _date_fix(err.get("input"), with_time=False)
        if msg.endswith(", datetime"):
            return "E-DATETIME", _date_fix(err.get("input"), with_time=True)
        if msg.endswith(", base_url"):
            return "E-PATTERN", {"expected": "以 http:// 或 https:// 开头的完整网址（可含子路径，如 https://www.example.gov.cn/xxgk/）"}
        if "∉" in msg:
            bad, allowed = msg.split(", ", 1)[1].split(": ", 1)[1].split(" ∉ ")
            return "E-ENUM", {"allowed": allowed}
    if etype == "greater_than_equal":
        return "E-PATTERN", {"expected": f"不小于 {ctx.get('ge')} 的整数"}
    if etype == "less_than_equal":
        return "E-PATTERN", {"expected": f"不大于 {ctx.get('le')} 的整数"}
    if etype in _TYPE_NAMES:
        return "E-TYPE", {"expected": _TYPE_NAMES[etype]}
    return "E-TYPE", {"expected": msg}


def _date_fix(value: Any, with_time: bool) -> dict[str, str]:
    """``fix_zh``/``fix_en``: the front-matter form of a date written in a form the
    importer reads (2026/12/7, 2026年12月7日, 2026-12-7, with a time), else nothing."""
    if not isinstance(value, str):
        return {}
    try:
        parsed = parse_legacy_date(value)
    except DateFormatError:
        return {}
    if parsed.time is not None and not with_time:
        return {}
    fixed = parsed.front_value()
    return {"fix_zh": f"；请改为 {fixed}", "fix_en": f"; write {fixed}"}


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names allowed at ``loc`` (walks nested models)."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        field = getattr(current, "model_fields", {}).get(step)
        if field is None:
            break
        current = _inner_model(field.annotation) or current
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found:
            return found
    return None


def validate_model(
    model: type[BaseModel],
    data: Any,
    file: str,
    yaml_text: str,
    line_offset: int,
    problems: list[Problem],
    prefix: tuple[Any, ...] = (),
) -> BaseModel | None:
    """Validate ``data``; on failure append problems and return None."""
    if not isinstance(data, dict):
        problems.append(Problem("E-NOT-MAPPING", Severity.ERROR, file, line_offset + 1 if line_offset else 1, None, type(data).__name__))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, model, file, yaml_text, line_offset, data, prefix))
        return None
