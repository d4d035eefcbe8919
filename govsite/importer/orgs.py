"""Issuer matching, suggestions for unknown issuers, and placeholder organizations.

An issuer value matches an organization by id, full name or short name. An
unknown name is an error of ``govsite import items`` that lists the closest
existing organizations (:meth:`OrgResolver.closest`: a typo must not create a
public organization page), unless the user asked for new organizations
(``--create-orgs``; ``govsite import gazette`` always creates them). A new
organization gets a readable id (pinyin initials, :mod:`govsite.importer.org_ids`)
and a *placeholder* 统一社会信用代码: ``11`` (机关) + region ``000000`` (obviously not a real
region) + an 8-digit body derived from the name + valid 组织机构代码 and
GB 32100 check characters, so that the site validates until an editor enters
the real code. New entries are appended to ``content/orgs.yaml`` as text, so
existing comments and formatting are kept.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from govsite.base.yamlsource import YamlError, dump_yaml, parse_yaml
from govsite.identifiers import PLACEHOLDER_REGION, org_code_check_char, uscc_check_char
from govsite.importer.org_ids import readable_id, region_prefixes, split_issuers
from govsite.model.org import Organization
from govsite.valuetext import choice_list

TOWNSHIP_SUFFIXES = ("镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府")
APPEND_COMMENT = (
    "# 以下机构由 {command} 自动创建：code 为占位代码（区划码 000000），"
    "请改为真实的统一社会信用代码，并补充简称、上级机构"
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def placeholder_code(name: str, salt: int = 0) -> str:
    """A deterministic 18-char USCC with valid check characters, for ``name``."""
    digest = hashlib.sha1(f"{name}#{salt}".encode("utf-8")).hexdigest()
    body8 = f"{int(digest, 16) % 10**8:08d}"
    body17 = "11" + PLACEHOLDER_REGION + body8 + org_code_check_char(body8)
    return body17 + uscc_check_char(body17)


def org_kind(name: str) -> str:
    return "township" if name.endswith(TOWNSHIP_SUFFIXES) else "department"


NEAR_DUPLICATE = 0.8
"""How alike (difflib ratio) a new name and an existing one must be to count as the same body."""


def _without(prefixes: list[str], name: str) -> str:
    for prefix in prefixes:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


def _place(name: str) -> str | None:
    """The place name of a township (东湖 of 东湖镇人民政府), else None."""
    for suffix in TOWNSHIP_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def _likeness(a: str, b: str, prefixes: list[str]) -> float:
    """How alike two organization names are, 0…1 (see :meth:`OrgResolver.near_duplicate`).
    A township is only ever the same as a township of the same place (东湖镇, 测试县东湖镇
    人民政府): 东湖镇 and 西湖镇 are two towns, and a town is not the county."""
    if a == b:
        return 1.0
    place_a, place_b = _place(_without(prefixes, a)), _place(_without(prefixes, b))
    if place_a is not None or place_b is not None:
        same = place_a is not None and place_b is not None and (place_a.endswith(place_b) or place_b.endswith(place_a))
        return 1.0 if same else 0.0
    pairs = ((a, b), (_without(prefixes, a), _without(prefixes, b)))
    return max(difflib.SequenceMatcher(None, x, y).ratio() for x, y in pairs)


@dataclass
class OrgResolver:
    """Finds organizations for issuer values; invents new ones for unknown names."""

    orgs: list[Organization]
    reserved: set[str] = field(default_factory=set)
    """Ids a new organization must not take besides the organizations' own: column
    ids and reserved URL segments (they share the ``xxgk/`` URL space)."""
    created: list[Organization] = field(default_factory=list)
    first_record: dict[str, int] = field(default_factory=dict)
    """New org id → number of the first record that named it."""
    near: dict[str, Organization] = field(default_factory=dict)
    """Unknown name → the existing organization it nearly repeats, for names that
    ``--create-orgs`` refused to create (:meth:`near_duplicate`)."""

    def __post_init__(self) -> None:
        self._prefixes = region_prefixes(self.orgs)
        self._by_id = {o.id: o for o in self.orgs}
        self._by_name: dict[str, Organization] = {}
        for org in self.orgs:  # full names win over short names
            self._by_name.setdefault(_norm(org.name), org)
        for org in self.orgs:
            if org.short_name:
                self._by_name.setdefault(_norm(org.short_name), org)

    def find(self, value: str) -> Organization | None:
        """An existing (or already created) organization for an id, name or short name."""
        text = value.strip()
        return self._by_id.get(text) or self._by_name.get(_norm(text))

    def find_or_create(self, value: str, record: int, kind: str | None = None) -> tuple[Organization, bool]:
        """(organization, created now); creation is deterministic for a name.

        ``kind`` overrides the kind guessed from the name (:func:`org_kind`)."""
        org = self.find(value)
        if org is not None:
            return org, False
        name = re.sub(r"\s+", "", value)
        codes = {o.code for o in self._by_id.values()}
        org_id = readable_id(name, set(self._by_id) | self.reserved, self._prefixes)
        salt = 0
        while (code := placeholder_code(name, salt)) in codes:
            salt += 1
        org = Organization.model_validate({"id": org_id, "name": name, "code": code, "kind": kind or org_kind(name)})
        self._by_id[org.id] = org
        self._by_name[_norm(name)] = org
        self.created.append(org)
        self.first_record[org.id] = record
        return org, True

    def resolve_joint(self, value: str, create: bool, record: int) -> tuple[list[Organization], list[str], bool]:
        """(organizations, unknown names, any created now) for a 发布机构 value that may
        name several organizations (联合发文: ``国务院办公厅、中央军委办公厅``).

        The whole value is tried first (a name may contain 、), then each part of
        :func:`split_issuers`; an unknown part is created when ``create``, else returned."""
        whole = self.find(value)
        if whole is not None:
            return [whole], [], False
        found: list[Organization] = []
        unknown: list[str] = []
        created = False
        for name in split_issuers(value):
            org = self.find(name)
            if org is None and create:
                twin = self.near_duplicate(name)
                if twin is not None:
                    self.near[name] = twin
                else:
                    org, created_now = self.find_or_create(name, record)
                    created = created or created_now
            if org is None:
                unknown.append(name)
            elif org not in found:
                found.append(org)
        return found, unknown, created

    def near_duplicate(self, value: str) -> Organization | None:
        """The existing organization that ``value`` nearly repeats, if any: a typo
        (示例县财政居), or a name without the county's (县财政局) or in another form
        (县政府办公室 for short name 县政府办). ``--create-orgs`` does not create such
        a name: it would become a second public organization page for the same
        body (walk of the first day). Similarity is difflib's ratio, at least
        :data:`NEAR_DUPLICATE`, over the names as given and without the site's region
        (示例县); two townships are compared on their place names (东湖镇 and
        西湖镇 are two towns, a town is not the county)."""
        key = _norm(value)
        best: tuple[float, Organization] | None = None
        for org in self.orgs:
            for name in (org.name, org.short_name):
                if not name:
                    continue
                ratio = _likeness(key, _norm(name), self._prefixes)
                if ratio >= NEAR_DUPLICATE and (best is None or ratio > best[0]):
                    best = (ratio, org)
        return best[1] if best else None

    def closest(self, value: str, limit: int = 3) -> list[Organization]:
        """Existing organizations whose full or short name is most like ``value``
        (difflib's ratio of at least 0.5), best first."""
        key = _norm(value)
        scores: dict[str, float] = {}
        for org in self.orgs:
            for name in (org.name, org.short_name):
                if name:
                    ratio = difflib.SequenceMatcher(None, key, _norm(name)).ratio()
                    scores[org.id] = max(scores.get(org.id, 0.0), ratio)
        ranked = sorted((o for o in self.orgs if scores.get(o.id, 0.0) >= 0.5), key=lambda o: (-scores[o.id], o.id))
        return ranked[:limit]

    def allowed(self) -> str:
        """Every organization as ``id（名称）``, separated by ``；`` (govsite.valuetext.choice_list)."""
        return choice_list((o.id, o.name) for o in self.orgs)


def _entry(org: Organization) -> dict[str, str]:
    return {"id": org.id, "name": org.name, "code": org.code, "kind": org.kind.value}


def appended_orgs_text(original: str, new: list[Organization], command: str = "govsite import items") -> str:
    """``original`` with ``new`` appended as YAML list entries (comments kept);
    a comment names the ``command`` that created them.

    Raises :class:`ValueError` when the result does not read back as the old
    list plus the new entries (e.g. a flow-style ``[...]`` list).
    """
    if not new:
        return original
    text = original if not original or original.endswith("\n") else original + "\n"
    text += ("\n" if text.strip() else "") + APPEND_COMMENT.format(command=command) + "\n" + dump_yaml([_entry(o) for o in new])
    try:
        before = parse_yaml(original) if original.strip() else []
        after = parse_yaml(text)
    except YamlError as exc:
        raise ValueError(exc.detail) from None
    if not isinstance(before, list) or after != before + [_entry(o) for o in new]:
        raise ValueError("orgs.yaml is not a block list")
    return text


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` through a temp file and ``os.replace``."""
    tmp = path.with_name(f".{path.name}.import.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
