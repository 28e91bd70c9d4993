# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Write the README's "Access matrix" section from aftersales_service/tests/access_matrix.csv.

python3 tools/gen_access_matrix.py          # write
python3 tools/gen_access_matrix.py --check  # exit 1 when the README is stale
"""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START = "<!-- access-matrix:start -->"
END = "<!-- access-matrix:end -->"


def matrix_module():
    path = ROOT / "aftersales_service" / "tests" / "access_matrix.py"
    spec = importlib.util.spec_from_file_location("_aftersales_access_matrix", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def expected_readme(text):
    mod = matrix_module()
    body = mod.render_markdown(mod.load_matrix())
    head, _sep, rest = text.partition(START)
    _old, _sep, tail = rest.partition(END)
    return f"{head}{START}\n{body}{END}{tail}"


def main():
    text = README.read_text()
    if START not in text or END not in text:
        print(f"README.md has no {START} ... {END} section")
        return 1
    new = expected_readme(text)
    if "--check" in sys.argv:
        if new != text:
            print("README.md access matrix is stale: run python3 tools/gen_access_matrix.py")
            return 1
        return 0
    README.write_text(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
