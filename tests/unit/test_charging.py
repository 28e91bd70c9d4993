# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from conftest import load_rule

mod = load_rule("aftersales_service", "charging")


def test_same_fault_ignores_case_and_spacing():
    assert mod.same_fault("E4  Overheat", "e4 overheat ")
    assert not mod.same_fault("E4", "E5")
    assert not mod.same_fault(None, "E4")


def test_repeat_fault_window_follows_the_setting():
    repaired = datetime(2026, 1, 10)
    assert mod.is_repeat_fault("E4", "e4", repaired, datetime(2026, 4, 10), 90)
    assert not mod.is_repeat_fault("E4", "e4", repaired, datetime(2026, 4, 11), 90)
    assert mod.is_repeat_fault("E4", "e4", repaired, datetime(2026, 4, 30), 120)
    assert not mod.is_repeat_fault("E4", "E5", repaired, datetime(2026, 1, 20), 90)
    assert not mod.is_repeat_fault("E4", "E4", repaired, datetime(2026, 1, 20), 0)


def test_components_match_ignoring_case_and_unknown_matches_any():
    assert mod.same_component("Compressor ", "compressor")
    assert not mod.same_component("Compressor", "Fan motor")
    assert mod.same_component(None, "Fan motor")
