# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytest
from conftest import load_rule

mod = load_rule("aftersales_service", "charging")


def test_in_warranty_is_free():
    decision = mod.decide_charge("covered")
    assert decision.category == "C"
    assert decision.is_free
    assert decision.reason == "warranty"


@pytest.mark.parametrize("reason", ["customer_damage", "misuse", "force_majeure"])
def test_damage_in_warranty_is_paid_with_reason(reason):
    decision = mod.decide_charge("covered", damage_reason=reason)
    assert decision.category == "A"
    assert decision.charge_labour and decision.charge_parts
    assert decision.reason == reason


def test_out_of_warranty_is_paid():
    decision = mod.decide_charge("not_covered")
    assert (decision.category, decision.charge_labour, decision.charge_parts) == ("A", True, True)
    assert decision.reason == "out_of_warranty"


def test_void_warranty_is_paid():
    assert mod.decide_charge("void").reason == "warranty_void"


def test_contract_with_labour_only_charges_parts():
    decision = mod.decide_charge("not_covered", has_contract=True, contract_includes_labour=True)
    assert decision.category == "B"
    assert not decision.charge_labour
    assert decision.charge_parts


def test_contract_with_everything_is_free_category_b():
    decision = mod.decide_charge(
        "not_covered",
        has_contract=True,
        contract_includes_labour=True,
        contract_includes_parts=True,
    )
    assert decision.category == "B"
    assert decision.is_free


def test_warranty_wins_over_contract():
    assert mod.decide_charge("covered", has_contract=True).category == "C"


def test_repeat_fault_is_free_even_when_out_of_warranty_or_damaged():
    decision = mod.decide_charge("not_covered", damage_reason="misuse", is_repeat_fault=True)
    assert decision.is_free
    assert decision.reason == "repeat_fault"


def test_unknown_damage_reason_is_refused():
    with pytest.raises(ValueError):
        mod.decide_charge("covered", damage_reason="bad_luck")


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
