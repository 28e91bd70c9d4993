# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure business rules: plain Python, no database, unit-tested by the root tests/."""
