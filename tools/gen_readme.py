# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Build each add-on's README.rst from its readme/ fragments, as OCA's generator does.

python3 tools/gen_readme.py          # write
python3 tools/gen_readme.py --check  # exit 1 when a README.rst is stale
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("aftersales_service", "aftersales_parts", "aftersales_quality")
SECTIONS = (
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("ROADMAP.md", "Known issues / Roadmap"),
    ("CONTRIBUTORS.md", "Contributors"),
)


def render(addon_dir: Path) -> str:
    manifest = ast.literal_eval((addon_dir / "__manifest__.py").read_text())
    title = manifest["name"]
    out = ["=" * len(title), title, "=" * len(title), ""]
    out += [f"License: {manifest['license']}", ""]
    for fragment, heading in SECTIONS:
        path = addon_dir / "readme" / fragment
        if not path.exists():
            continue
        if heading:
            out += [heading, "=" * len(heading), ""]
        out += [path.read_text().strip(), ""]
    return "\n".join(out)


def main() -> int:
    stale = []
    for addon in ADDONS:
        target = ROOT / addon / "README.rst"
        text = render(ROOT / addon)
        if "--check" in sys.argv:
            if not target.exists() or target.read_text() != text:
                stale.append(addon)
        else:
            target.write_text(text)
    if stale:
        print("README.rst out of date (run python3 tools/gen_readme.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
