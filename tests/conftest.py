# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared helpers for the root tests: they run without Odoo and without a database."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("aftersales_service", "aftersales_parts", "aftersales_quality")


def load_rule(addon: str, name: str):
    """Import ``<addon>/rules/<name>.py`` without importing the add-on (and so Odoo)."""
    qualified = f"_aftersales_rules.{addon}.{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    path = ROOT / addon / "rules" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(qualified, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def root():
    return ROOT
