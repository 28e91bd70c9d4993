# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytest
from conftest import load_rule

flow = load_rule("aftersales_service", "request_flow")


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("new", "assessed"),
        ("assessed", "scheduled"),
        ("scheduled", "in_progress"),
        ("in_progress", "waiting_parts"),
        ("waiting_parts", "in_progress"),
        ("in_progress", "done"),
    ],
)
def test_everyday_steps_are_open_to_agents(current, target):
    assert flow.transition_error(current, target, is_manager=False) is None


@pytest.mark.parametrize(
    ("current", "target"),
    [("new", "done"), ("new", "scheduled"), ("closed", "in_progress"), ("done", "cancelled")],
)
def test_skipping_or_going_back_is_refused(current, target):
    assert flow.transition_error(current, target, is_manager=True) == "not_allowed"


@pytest.mark.parametrize(("current", "target"), [("done", "closed"), ("new", "cancelled")])
def test_closing_and_cancelling_need_a_manager(current, target):
    assert flow.transition_error(current, target, is_manager=False) == "manager_only"
    assert flow.transition_error(current, target, is_manager=True) is None


def test_unknown_stage_is_refused():
    assert flow.transition_error("new", "archived", is_manager=True) == "unknown"
    assert flow.transition_error("bogus", "assessed", is_manager=True) == "unknown"


def test_every_stage_is_reachable_except_new():
    reachable = set(flow.TRANSITIONS)
    assert reachable == set(flow.STATES)


@pytest.mark.parametrize("request_type", ["usage", "policy"])
@pytest.mark.parametrize("current", ["new", "assessed"])
def test_questions_are_answered_and_closed_in_one_step(current, request_type):
    assert flow.answer_close_error(current, request_type) is None
    assert not flow.needs_callback(request_type)


@pytest.mark.parametrize("request_type", ["repair", "installation", "complaint", "return"])
def test_other_requests_take_the_whole_path(request_type):
    assert flow.answer_close_error("new", request_type) == "not_question"
    assert flow.needs_callback(request_type)


@pytest.mark.parametrize("current", ["scheduled", "in_progress", "done", "closed", "cancelled"])
def test_a_question_already_dispatched_or_closed_is_not_answered_again(current):
    assert flow.answer_close_error(current, "usage") == "not_allowed"
