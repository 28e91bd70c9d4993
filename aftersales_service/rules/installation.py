# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The commissioning checklist of an installation job, as an HTML checklist."""

from __future__ import annotations

import re
from html import escape

_ITEM = re.compile(r"<li\b([^>]*)>(.*?)</li>", re.DOTALL | re.IGNORECASE)


def checklist_html(lines: str) -> str:
    """An editor checklist (``o_checklist``) with one unticked item per non-empty line."""
    items = [line.strip() for line in (lines or "").splitlines() if line.strip()]
    if not items:
        return ""
    body = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<ul class="o_checklist">{body}</ul>'


def open_items(html: str) -> list[str]:
    """The items of the checklist not ticked yet (the editor marks ticked ones ``o_checked``)."""
    remaining = []
    for attrs, text in _ITEM.findall(html or ""):
        if "o_checked" not in attrs:
            remaining.append(re.sub(r"<[^>]+>", "", text).strip())
    return remaining
