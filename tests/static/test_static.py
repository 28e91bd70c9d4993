# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Checks on the add-ons' files that need neither Odoo nor a database."""

import ast
import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from modelinfo import scan

ROOT = Path(__file__).resolve().parent.parent.parent
ADDONS = ("aftersales_service", "aftersales_parts", "aftersales_quality")
ADDON_DIRS = [ROOT / a for a in ADDONS]
MODELS = scan(ADDON_DIRS)
XML_FILES = sorted(p for d in ADDON_DIRS for p in d.rglob("*.xml"))
PY_FILES = sorted(p for d in ADDON_DIRS for p in d.rglob("*.py"))
# Odoo Enterprise-only modules that must never appear in `depends`.
ENTERPRISE = {
    "helpdesk",
    "industry_fsm",
    "project_enterprise",
    "planning",
    "sign",
    "quality",
    "quality_control",
    "documents",
    "web_studio",
    "sale_subscription",
    "mrp_plm",
    "timesheet_grid",
    "stock_barcode",
    "approvals",
    "appointment",
    "voip",
    "web_enterprise",
}


def manifest(addon_dir):
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text())


def rel(path):
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("addon_dir", ADDON_DIRS, ids=ADDONS)
def test_manifest_is_complete(addon_dir):
    data = manifest(addon_dir)
    for key in ("name", "summary", "version", "category", "website", "author", "license"):
        assert data.get(key), f"{addon_dir.name}: manifest lacks {key}"
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", data["version"])
    assert data["license"] in {"LGPL-3", "AGPL-3"}
    assert data.get("application", False) is (addon_dir.name == "aftersales_service")
    assert not set(data.get("depends", [])) & ENTERPRISE
    if addon_dir.name != "aftersales_service":
        assert "aftersales_service" in data["depends"]
    for name in ("icon.png",):
        assert (addon_dir / "static" / "description" / name).is_file()
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONTRIBUTORS.md"):
        assert (addon_dir / "readme" / fragment).is_file(), f"{addon_dir.name}: readme/{fragment}"
    assert (addon_dir / "pyproject.toml").is_file()


@pytest.mark.parametrize("addon_dir", ADDON_DIRS, ids=ADDONS)
def test_manifest_files_exist_and_none_is_forgotten(addon_dir):
    data = manifest(addon_dir)
    listed = data.get("data", []) + data.get("demo", [])
    for name in listed:
        assert (addon_dir / name).is_file(), f"{addon_dir.name}: {name} is listed but missing"
    assert len(listed) == len(set(listed)), f"{addon_dir.name}: a file is listed twice"
    on_disk = {
        str(p.relative_to(addon_dir))
        for sub in ("views", "security", "data", "demo", "report", "wizard")
        for p in (addon_dir / sub).glob("*")
        if p.suffix in (".xml", ".csv")
    }
    assert on_disk <= set(listed), f"{addon_dir.name}: not in manifest: {on_disk - set(listed)}"


@pytest.mark.parametrize("path", XML_FILES, ids=rel)
def test_xml_parses_and_uses_odoo18_syntax(path):
    tree = etree.parse(str(path))
    text = path.read_text()
    assert "<tree" not in text, "use <list>, not <tree>"
    assert not re.search(r"\sattrs=", text), "use invisible=/readonly= expressions, not attrs"
    assert not re.search(r"\sstates=", text), "use invisible= expressions, not states"
    ids = [r.get("id") for r in tree.iter("record", "menuitem", "template") if r.get("id")]
    assert not [i for i, n in Counter(ids).items() if n > 1], "duplicate record id"


def test_no_duplicate_xml_ids_across_files():
    seen = {}
    for path in XML_FILES:
        addon = path.relative_to(ROOT).parts[0]
        for node in etree.parse(str(path)).iter("record", "menuitem", "template"):
            xmlid = node.get("id")
            if not xmlid or "." in xmlid:
                continue
            key = f"{addon}.{xmlid}"
            assert key not in seen, f"{key} defined in {rel(path)} and {seen[key]}"
            seen[key] = rel(path)


def _view_records():
    for path in XML_FILES:
        for record in etree.parse(str(path)).iter("record"):
            if record.get("model") != "ir.ui.view":
                continue
            model = record.find("field[@name='model']")
            arch = record.find("field[@name='arch']")
            if model is not None and arch is not None:
                yield path, record.get("id"), model.text, arch


def _own_fields(node):
    """<field> nodes of this view, not of sub-views embedded in x2many fields."""
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "field":
            yield child
            continue
        if child.tag in ("list", "form", "kanban") and node.tag == "field":
            continue
        yield from _own_fields(child)


VIEWS = [v for v in _view_records() if v[2] in MODELS and MODELS[v[2]].is_new]


@pytest.mark.parametrize("view", VIEWS, ids=[f"{rel(v[0])}:{v[1]}" for v in VIEWS])
def test_view_fields_and_buttons_exist_on_model(view):
    _path, xmlid, model, arch = view
    info = MODELS[model]
    fields = info.all_fields(MODELS)
    for node in _own_fields(arch):
        if node.getparent() is arch and node.get("position"):
            continue  # an inherited view's <field position=...> locator
        assert node.get("name") in fields, f"{xmlid}: {model} has no field {node.get('name')}"
    for button in arch.iter("button"):
        if button.get("type") == "object":
            methods = set(info.methods)
            for parent in info.inherits:
                if parent in MODELS:
                    methods |= MODELS[parent].methods
            name = button.get("name")
            assert name in methods, f"{xmlid}: {model} has no method {name}"


def _access_rows():
    rows = []
    for addon_dir in ADDON_DIRS:
        path = addon_dir / "security" / "ir.model.access.csv"
        if path.exists():
            with path.open() as handle:
                rows += list(csv.DictReader(handle))
    return rows


NEW_MODELS = sorted(name for name, info in MODELS.items() if info.is_new)
# abstract models have no table, hence no access rows
TABLE_MODELS = [name for name in NEW_MODELS if not MODELS[name].is_abstract]


@pytest.mark.parametrize("model", TABLE_MODELS)
def test_every_model_has_access_rows(model):
    xml_model = "model_" + model.replace(".", "_")
    rows = [r for r in _access_rows() if r["model_id:id"].split(".")[-1] == xml_model]
    assert rows, f"{model} has no ir.model.access.csv row"
    assert all(r["group_id:id"] for r in rows), f"{model}: access row without a group"


COMPANY_MODELS = sorted(
    name
    for name, info in MODELS.items()
    if info.is_new and not info.is_transient and "company_id" in info.fields
)


@pytest.mark.parametrize("model", COMPANY_MODELS)
def test_company_models_have_a_multi_company_rule(model):
    xml_model = "model_" + model.replace(".", "_")
    for path in XML_FILES:
        for record in etree.parse(str(path)).iter("record"):
            if record.get("model") != "ir.rule":
                continue
            ref = record.find("field[@name='model_id']")
            domain = record.find("field[@name='domain_force']")
            if (
                ref is not None
                and ref.get("ref", "").split(".")[-1] == xml_model
                and domain is not None
                and "company_ids" in domain.text
            ):
                return
    pytest.fail(f"{model} has a company but no multi-company record rule")


@pytest.mark.parametrize("path", PY_FILES, ids=rel)
def test_python_files_carry_the_license_header(path):
    head = path.read_text().splitlines()[:3]
    assert any("License LGPL-3" in line for line in head), f"{rel(path)}: no license header"


def test_addon_readmes_are_generated_from_fragments():
    import subprocess
    import sys

    res = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_readme.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout
