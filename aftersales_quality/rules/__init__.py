# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure rules of aftersales_quality: stdlib only, unit-tested without a database."""
