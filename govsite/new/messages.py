"""Messages of the ``govsite new`` kinds, merged into :data:`govsite.i18n.MESSAGES`."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "E-NEW-CATALOG-LAYOUT": {
        "zh": "无法在 {value} 中追加一行：entries: 须为文件的最后一个顶层字段（其后不能再有 id、domain 等字段）；请把 entries: 移到文件末尾后重试",
        "en": "cannot append a row to {value}: entries: must be the file's last top-level key; move it to the end and retry",
    },
}
"""Problem codes of :mod:`govsite.new`, Chinese first."""
