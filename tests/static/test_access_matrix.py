# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access matrix covers every model, and the README shows it as it is."""

import importlib.util
import subprocess
import sys
from pathlib import Path

from modelinfo import scan

ROOT = Path(__file__).resolve().parent.parent.parent
ADDONS = ("aftersales_service", "aftersales_parts", "aftersales_quality")


def _matrix():
    path = ROOT / "aftersales_service" / "tests" / "access_matrix.py"
    spec = importlib.util.spec_from_file_location("_static_access_matrix", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_matrix_lists_every_stored_model():
    mod = _matrix()
    rows = mod.load_matrix()
    models = {
        name
        for name, info in scan([ROOT / a for a in ADDONS]).items()
        if info.is_new
        and not info.is_transient
        and not info.is_abstract
        and name.startswith("aftersales.")
    }
    listed = {row["model"] for row in rows}
    assert not models - listed, f"not in the access matrix: {sorted(models - listed)}"
    for model in models:
        operations = [row["operation"] for row in rows if row["model"] == model]
        assert set(mod.CRUD) <= set(operations), f"{model}: a CRUD row is missing"
        assert len(operations) == len(set(operations)), f"{model}: an operation twice"


def test_readme_access_matrix_is_generated_from_the_csv():
    res = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_access_matrix.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout
