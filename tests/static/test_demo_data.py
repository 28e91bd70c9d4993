# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo data stays in its own records: an existing database's Odoo settings are not changed."""

import ast
from pathlib import Path

import pytest
from lxml import etree
from modelinfo import scan

ROOT = Path(__file__).resolve().parent.parent.parent
ADDONS = ("aftersales_service", "aftersales_parts", "aftersales_quality")
# models whose records are settings of Odoo's own modules
SETTINGS_MODELS = {"res.config.settings", "ir.config_parameter", "ir.default"}
MODELS = scan([ROOT / a for a in ADDONS])


def demo_files():
    files = []
    for addon in ADDONS:
        manifest = ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())
        files += [ROOT / addon / name for name in manifest.get("demo", [])]
    return files


DEMO = demo_files()


def records(path, model=None):
    tree = etree.parse(str(path))
    return [r for r in tree.iter("record") if model is None or r.get("model") == model]


@pytest.mark.parametrize("path", DEMO, ids=[str(p.relative_to(ROOT)) for p in DEMO])
def test_demo_storable_products_have_a_category_of_their_own(path):
    """Demo stock is valued in the demo's own categories, never in Odoo's "All"."""
    for model in ("product.product", "product.template"):
        for record in records(path, model):
            storable = record.find("field[@name='is_storable']")
            if storable is None or storable.get("eval") not in ("True", "1"):
                continue
            categ = record.find("field[@name='categ_id']")
            assert categ is not None, f"{record.get('id')}: storable demo product without categ_id"
            assert "." not in categ.get("ref", ""), (
                f"{record.get('id')}: category {categ.get('ref')} belongs to another module"
            )


@pytest.mark.parametrize("path", DEMO, ids=[str(p.relative_to(ROOT)) for p in DEMO])
def test_demo_changes_no_record_or_setting_of_odoo(path):
    """Demo data creates its own records: on Odoo's records it sets only the add-ons' fields,
    and it sets none of Odoo's settings."""
    for record in records(path):
        module = record.get("id", "").partition(".")[0] if "." in record.get("id", "") else None
        if module and module not in ADDONS:
            info = MODELS.get(record.get("model"))
            ours = info.fields if info else set()
            theirs = {f.get("name") for f in record.iter("field")} - ours
            assert not theirs, f"demo changes {sorted(theirs)} of Odoo's {record.get('id')}"
        assert record.get("model") not in SETTINGS_MODELS, f"demo sets {record.get('model')}"
    tree = etree.parse(str(path))
    for function in tree.iter("function"):
        assert function.get("model") not in SETTINGS_MODELS, f"demo calls {function.get('model')}"
