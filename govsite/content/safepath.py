"""Path safety: nothing outside the site folder is ever read or linked."""
from __future__ import annotations

from pathlib import Path, PurePosixPath


def resolve_inside(root: Path, relative: str) -> Path | None:
    """Resolve ``relative`` under ``root``; None if it is absolute or escapes ``root``
    (through ``..`` or a symlink)."""
    if not relative or relative.startswith(("/", "\\")) or ":" in relative.split("/")[0]:
        return None
    pure = PurePosixPath(relative.replace("\\", "/"))
    if ".." in pure.parts:
        return None
    candidate = (root / pure).resolve()
    try:
        candidate.relative_to(root.resolve())
    except ValueError:
        return None
    return candidate
