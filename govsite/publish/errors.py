"""The error of ``govsite publish`` and ``govsite ci-template``: a message code of
:mod:`govsite.publish.messages` and its values, rendered in the caller's language."""
from __future__ import annotations

from typing import Any


class PublishError(Exception):
    """A refusal or failure of ``govsite publish``: nothing more is done after it."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str) -> str:
        from govsite.i18n import render_message

        return render_message(self.code, lang, **self.params)
