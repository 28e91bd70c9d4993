# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Chinese (Simplified, Traditional) and Korean staff read every word in their language."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
ADDONS = ("aftersales_service", "aftersales_parts", "aftersales_quality")
LANGS = ("zh_CN", "zh_TW", "ko")
CATALOGUES = [(addon, lang) for addon in ADDONS for lang in LANGS]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{\{.*?\}\}|t-out=\"[^\"]*\"")


def _template(addon):
    return polib.pofile(str(ROOT / addon / "i18n" / f"{addon}.pot"))


@pytest.mark.parametrize(
    ("addon", "lang"), CATALOGUES, ids=[f"{a}-{lang}" for a, lang in CATALOGUES]
)
def test_catalogue_has_every_template_entry_translated(addon, lang):
    catalogue = polib.pofile(str(ROOT / addon / "i18n" / f"{lang}.po"))
    template = {(e.msgctxt, e.msgid) for e in _template(addon)}
    entries = {(e.msgctxt, e.msgid): e for e in catalogue}
    missing = template - set(entries)
    assert not missing, f"{len(missing)} template entries missing, e.g. {sorted(missing)[:3]}"
    empty = [e.msgid for e in catalogue if e.msgid and not e.msgstr.strip()]
    assert not empty, f"{len(empty)} empty msgstr, e.g. {empty[:3]}"


@pytest.mark.parametrize(
    ("addon", "lang"), CATALOGUES, ids=[f"{a}-{lang}" for a, lang in CATALOGUES]
)
def test_translations_keep_their_placeholders(addon, lang):
    catalogue = polib.pofile(str(ROOT / addon / "i18n" / f"{lang}.po"))
    broken = [
        e.msgid
        for e in catalogue
        if sorted(PLACEHOLDER.findall(e.msgid)) != sorted(PLACEHOLDER.findall(e.msgstr))
    ]
    assert not broken, f"placeholders changed in {len(broken)} entries, e.g. {broken[:3]}"
