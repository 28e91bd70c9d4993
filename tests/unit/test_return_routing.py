# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from conftest import load_rule

routing = load_rule("aftersales_service", "return_routing")
Rule = routing.Rule

DEFAULT_RULES = [
    Rule(1, "aftersales", 10),
    Rule(2, "finance", 20, reason_kind="unsaleable"),
    Rule(3, "sales_head", 30),
    Rule(4, "leader", 40, policy_breach="breach"),
    Rule(5, "leader", 50, min_amount=100000),
]


def steps(result):
    return [step for step, _rule in result.steps]


def test_unsaleable_exchange_within_limits_needs_review_finance_and_sales_head():
    result = routing.route(DEFAULT_RULES, {"unsaleable"}, 500.0, False)
    assert steps(result) == ["aftersales", "finance", "sales_head"]
    assert result.refusal is None


def test_quality_return_skips_the_finance_ratio_check():
    result = routing.route(DEFAULT_RULES, {"quality"}, 500.0, False)
    assert steps(result) == ["aftersales", "sales_head"]


def test_policy_breach_adds_the_leader_step():
    result = routing.route(DEFAULT_RULES, {"unsaleable"}, 500.0, True)
    assert steps(result) == ["aftersales", "finance", "sales_head", "leader"]
    assert result.refusal is None


def test_large_amount_adds_the_leader_step_once():
    result = routing.route(DEFAULT_RULES, {"unsaleable"}, 200000.0, True)
    assert steps(result) == ["aftersales", "finance", "sales_head", "leader"]
    assert dict(result.steps)["leader"] == 4


def test_breach_without_a_leader_rule_is_refused():
    rules = [r for r in DEFAULT_RULES if r.step != "leader"]
    result = routing.route(rules, {"unsaleable"}, 500.0, True)
    assert result.refusal == "policy_breach"


def test_no_matching_rule_is_refused():
    assert routing.route([], {"quality"}, 10.0, False).refusal == "no_rule"


def test_within_only_rule_is_skipped_on_breach():
    rules = [
        Rule(1, "aftersales"),
        Rule(2, "sales_head", policy_breach="within"),
        Rule(3, "leader"),
    ]
    assert steps(routing.route(rules, {"quality"}, 1.0, True)) == ["aftersales", "leader"]


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


def test_slip_is_due_at_noon_the_next_working_day():
    friday = date(2026, 6, 5)
    assert routing.slip_deadline(friday, range(5), [], 12) == datetime(2026, 6, 8, 12, 0)
    monday_holiday = [date(2026, 6, 8)]
    assert routing.slip_deadline(friday, range(5), monday_holiday, 12.5) == datetime(
        2026, 6, 9, 12, 30
    )
