"""The output manifest (输出清单): ``.govsite-manifest.json`` in every output folder.

Every output file with the digest of the inputs it was made from. The pipeline writes
it last (:mod:`govsite.pipeline.output`); the URL ledger reads it to know what the
last build published (:mod:`govsite.redirects.ledger`), and the output guard to know
a folder as govsite's. Its name and reader sit on the ground floor so that a feature
reading it does not import the pipeline that runs the feature.
"""
from __future__ import annotations

import json
from pathlib import Path

MANIFEST = ".govsite-manifest.json"


def read_manifest(out: Path) -> dict[str, str]:
    """Output path → digest of the inputs it was made from, from the last build."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return dict(data.get("files", {}))
    except (OSError, ValueError):
        return {}
