"""Fixtures for the importer tests (the ``site`` fixture comes from tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from importer_helpers import Importer


@pytest.fixture
def importer(site, tmp_path: Path, capsys) -> Importer:  # type: ignore[no-untyped-def]
    return Importer(site, tmp_path, capsys)


@pytest.fixture
def gazette(site, tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    """Runs ``govsite import gazette`` / ``gazette-pdf`` against the test site."""
    from gazette_import_helpers import GazetteImporter

    return GazetteImporter(site, tmp_path, capsys)
