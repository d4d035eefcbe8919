"""Files copied as they are (原样复制的文件): theme assets and attachments.

Part of the plan (phase 3) beside the pages (:mod:`govsite.render.plan`): what is
copied and the digest it is copied for. The pipeline copies them; the inspection
rules that check links ask for the same list, without importing the pipeline."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from govsite.checksums import file_digest
from govsite.base.cache import ReadCache
from govsite.model.site_model import SiteModel
from govsite.render.env import THEME_DIR


@dataclass(frozen=True)
class FileSpec:
    """A file copied into the output."""

    path: str
    """Output path, e.g. assets/style.css or files/attachments/2024/a.pdf."""
    source: str
    """Absolute source path."""
    deps: str
    """Size and modification time of the source."""

    def copy_to(self, stage: Path, out: Path) -> str:
        """Copy into staging unless the previous output already has the same bytes."""
        old = out / self.path
        src = Path(self.source)
        try:
            if old.stat().st_size == src.stat().st_size and old.read_bytes() == src.read_bytes():
                return "same"
        except OSError:
            pass
        target = stage / self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # the staging folder may hold a link to the output's file: not in place
        shutil.copyfile(src, target)
        return "new"




def _spec(path: str, source: Path, cache: ReadCache) -> FileSpec:
    """Deps are the content hash (deterministic), recomputed only when the stat changes."""
    digest = cache.get(str(source), source.stat(), lambda: file_digest(source, "sha1"))
    return FileSpec(path, str(source), digest)


def plan_files(model: SiteModel) -> list[FileSpec]:
    """Theme assets (overridable by the site's ``static/``) and every attachment."""
    cache = ReadCache(model.root, "files", name="files")
    assets: dict[str, Path] = {}
    for base in (THEME_DIR / "static", model.root / "static"):
        if base.is_dir():
            for dirpath, _dirs, names in os.walk(base):
                for name in names:
                    full = Path(dirpath) / name
                    if full.is_symlink():
                        continue
                    assets["assets/" + full.relative_to(base).as_posix()] = full
    files = [_spec(p, s, cache) for p, s in sorted(assets.items())]
    attachments: dict[str, Path] = {}
    content = (model.root / "content").resolve()
    for item in model.items:
        for att in item.attachments:
            attachments[att.url] = content / att.source
    if model.gazette is not None:
        for issue in model.gazette.issues:
            for published in (issue.pdf, issue.cover):
                if published is not None:
                    attachments[published.url] = content / published.source
    files += [_spec(p, s, cache) for p, s in sorted(attachments.items())]
    cache.save()
    return files
