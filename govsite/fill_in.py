"""Fill-in text (待填写内容) that govsite itself writes into a site, in one place.

``govsite new item``, ``govsite init`` and ``govsite import items`` write text an editor
must replace: a body, the 指南 page's sections, an image's description that the
legacy export lacked. Writing it from these constants and recognising it with
:func:`is_fill_in` keeps the writers and ``govsite check`` (W-PLACEHOLDER, an error with
``--strict``; :mod:`govsite.inspect.placeholders`) in step, so none of it is
published unnoticed.
"""
from __future__ import annotations

import re

NEW_ITEM_BODY = "在此填写正文。"
"""The body of an item made by ``govsite new item``."""
PROMPT = "请在此填写"
"""Start of each fill-in line of the pages ``govsite init`` writes (the 指南)."""
IMAGE_ALT = "请填写图片说明"
"""The description (alt) ``govsite import items`` gives an image the export gave none:
a screen reader would read a made-up 图片1 as if it described the image."""
_IMAGE = re.compile(r"!\[" + IMAGE_ALT + r"\]\([^)\n]*\)")


def fill_in_of(line: str) -> tuple[str, str, str] | None:
    """(the fill-in text, which command wrote it, what it stands for: body | image)
    of a body line holding govsite's fill-in text, else None."""
    text = line.strip()
    if text.startswith(NEW_ITEM_BODY):
        return text, "govsite new item", "body"
    if text.startswith(PROMPT):
        return text, "govsite init", "body"
    image = _IMAGE.search(text)
    if image is not None:
        return image.group(), "govsite import", "image"
    return None
