# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from conftest import load_rule

routing = load_rule("aftersales_service", "return_routing")


def test_ratio_in_percent_and_without_purchases():
    assert routing.ratio(5.0, 100.0) == 5.0
    assert routing.ratio(0.0, 0.0) == 0.0
    assert routing.ratio(1.0, 0.0) == 100.0


def test_policy_breach_by_ratio_or_by_age():
    today = date(2026, 6, 1)
    assert not routing.breaks_policy(4.0, 100.0, 5.0, [date(2026, 5, 1)], today, 180)
    assert routing.breaks_policy(6.0, 100.0, 5.0, [date(2026, 5, 1)], today, 180)
    assert routing.breaks_policy(1.0, 100.0, 5.0, [date(2025, 1, 1)], today, 180)
    assert not routing.breaks_policy(1.0, 100.0, 5.0, [date(2020, 1, 1)], today, 0)
