# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The add-ons' shape (README, "Layout"): one place per model, one security file, one
settings view and one portal controller per add-on, each parent view extended once, pure
arithmetic in rules/."""

import ast
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent.parent
ADDONS = ("aftersales_service", "aftersales_parts", "aftersales_quality")


def _classes(addon):
    """(path, _name values, _inherit values) of every model class of the add-on."""
    for path in sorted((ROOT / addon).glob("*/*.py")):
        if path.parent.name not in ("models", "wizard", "report"):
            continue
        for cls in ast.parse(path.read_text()).body:
            if not isinstance(cls, ast.ClassDef):
                continue
            attrs = {
                stmt.targets[0].id: stmt.value
                for stmt in cls.body
                if isinstance(stmt, ast.Assign)
                and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
            }

            def const(node):
                if node is None:
                    return []
                if isinstance(node, ast.Constant):
                    return [node.value]
                return [e.value for e in getattr(node, "elts", []) if isinstance(e, ast.Constant)]

            yield path, const(attrs.get("_name")), const(attrs.get("_inherit"))


@pytest.mark.parametrize("addon", ADDONS)
def test_no_addon_inherits_a_model_it_defines(addon):
    """A model the add-on defines is written in its one file, not re-opened elsewhere."""
    classes = list(_classes(addon))
    defined = {name: path for path, names, _inherits in classes for name in names}
    reopened = [
        f"{path.relative_to(ROOT)} re-opens {inherits[0]} ({defined[inherits[0]].name})"
        for path, names, inherits in classes
        if not names and len(inherits) == 1 and inherits[0] in defined
    ]
    assert not reopened


@pytest.mark.parametrize("addon", ADDONS)
def test_one_file_per_inherited_model(addon):
    """An Odoo model the add-on extends is extended in one file."""
    counts = Counter(
        inherits[0] for _path, names, inherits in _classes(addon) if not names and inherits
    )
    assert not [model for model, count in counts.items() if count > 1]


@pytest.mark.parametrize("addon", ADDONS)
def test_no_guard_files(addon):
    assert not sorted(p.name for p in (ROOT / addon).rglob("*_guard.py"))


@pytest.mark.parametrize("addon", ADDONS)
def test_one_security_file(addon):
    files = sorted(p.name for p in (ROOT / addon / "security").glob("*.xml"))
    assert files == [f"{addon}_security.xml"] or files == ["aftersales_security.xml"]


@pytest.mark.parametrize("addon", ADDONS)
def test_one_settings_view(addon):
    files = sorted(p.name for p in (ROOT / addon).rglob("res_config_settings*.xml"))
    assert files in ([], ["res_config_settings_views.xml"])


@pytest.mark.parametrize("addon", ADDONS)
def test_one_portal_controller_class(addon):
    portal_classes = [
        cls.name
        for path in (ROOT / addon).glob("controllers/*.py")
        for cls in ast.parse(path.read_text()).body
        if isinstance(cls, ast.ClassDef)
        and any(ast.unparse(base).endswith("CustomerPortal") for base in cls.bases)
    ]
    assert len(portal_classes) <= 1


@pytest.mark.parametrize("addon", ADDONS)
def test_each_parent_view_extended_once(addon):
    """Two extension views of one parent in one add-on are one view split in two."""
    parents = Counter()
    for path in (ROOT / addon).rglob("*.xml"):
        for record in etree.parse(str(path)).iter("record"):
            if record.get("model") != "ir.ui.view":
                continue
            inherit = record.find("field[@name='inherit_id']")
            mode = record.find("field[@name='mode']")
            if inherit is not None and (mode is None or mode.text != "primary"):
                parents[inherit.get("ref")] += 1
    assert not [parent for parent, count in parents.items() if count > 1]


@pytest.mark.parametrize("addon", ADDONS)
def test_rules_are_pure_arithmetic(addon):
    """rules/ holds arithmetic other code calls; policy lives on models (overridable)."""
    impure = []
    for path in (ROOT / addon).glob("rules/*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                module = getattr(node, "module", None) or node.names[0].name
                if module.split(".")[0] == "odoo":
                    impure.append(f"{path.name} imports {module}")
    assert not impure
