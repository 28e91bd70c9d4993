# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytz

from .return_common import AftersalesReturnCommon


class TestReturnRouting(AftersalesReturnCommon):
    """The approval chain a return gets (``_aftersales_approval_rules``) and when its slip
    falls due (``_slip_due``): policy on the models, other add-ons extend it."""

    def _rule(self, step, sequence, **vals):
        return self.env["aftersales.return.approval.rule"].create(
            {
                "name": f"{step} {sequence}",
                "step": step,
                "sequence": sequence,
                "group_id": self.env.ref("aftersales_service.group_aftersales_manager").id,
                **vals,
            }
        )

    def setUp(self):
        super().setUp()
        # each test routes on its own rules only
        self.env["aftersales.return.approval.rule"].search([]).active = False

    def test_a_step_comes_once_from_the_first_rule_that_applies(self):
        """A large return beyond policy matches two leader rules: the first one adds the
        step, the other is left out."""
        record = self._new_return(quantity=8)
        self.assertTrue(record.is_policy_breach)
        review, breach_leader, amount_leader = (
            self._rule("aftersales", 10),
            self._rule("leader", 40, policy_breach="breach"),
            self._rule("leader", 50, min_amount=record.amount_total),
        )
        self.assertEqual(record._aftersales_approval_rules(), review | breach_leader)
        breach_leader.sequence = 60
        self.assertEqual(record._aftersales_approval_rules(), review | amount_leader)

    def test_rules_follow_their_conditions(self):
        """Reason kind, amount threshold and policy condition each decide on their own."""
        record = self._new_return(quantity=2)
        self.assertFalse(record.is_policy_breach)
        beyond = self._new_return(quantity=8)
        self.assertTrue(beyond.is_policy_breach)
        review, finance, _quality, big, within = (
            self._rule("aftersales", 10),
            self._rule("finance", 20, reason_kind="unsaleable"),
            self._rule("sales_head", 30, reason_kind="quality"),
            self._rule("leader", 40, min_amount=beyond.amount_total + 1),
            self._rule("leader", 50, policy_breach="within"),
        )
        self.assertEqual(record._aftersales_approval_rules(), review | finance | within)
        self.assertEqual(beyond._aftersales_approval_rules(), review | finance)
        big.min_amount = beyond.amount_total
        self.assertEqual(beyond._aftersales_approval_rules(), review | finance | big)

    def test_a_return_no_rule_applies_to_is_refused(self):
        self._rule("finance", 20, reason_kind="quality")
        record = self._new_return(quantity=2)
        self.assertFalse(record._aftersales_approval_rules())
        record.action_submit()
        self.assertEqual(record.state, "refused")
        self.assertEqual(record.refusal_reason, "No approval path applies to this return.")

    def test_rules_of_another_company_do_not_apply(self):
        other = self.env["res.company"].create({"name": "Other After-Sales Co"})
        self._rule("aftersales", 10, company_id=other.id)
        record = self._new_return(quantity=2)
        self.assertFalse(record._aftersales_approval_rules())

    def test_slip_is_due_at_the_slip_hour_of_the_next_working_day(self):
        """Goods in on a Friday: the slip is due on Monday at noon; with Monday a public
        holiday of the after-sales calendar, on Tuesday (at 12:30 with that hour set)."""
        record = self._new_return()
        calendar = self.env.company._aftersales_calendar()
        tz = pytz.timezone(calendar.tz or "UTC")

        def due(received_local):
            received = tz.localize(received_local).astimezone(pytz.utc).replace(tzinfo=None)
            utc_due = pytz.utc.localize(record._slip_due(received))
            return utc_due.astimezone(tz).replace(tzinfo=None)

        self.assertEqual(due(datetime(2026, 6, 5, 15)), datetime(2026, 6, 8, 12, 0))
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": calendar.id,
                "date_from": tz.localize(datetime(2026, 6, 8))
                .astimezone(pytz.utc)
                .replace(tzinfo=None),
                "date_to": tz.localize(datetime(2026, 6, 8, 23, 59, 59))
                .astimezone(pytz.utc)
                .replace(tzinfo=None),
            }
        )
        self.env.company.aftersales_return_slip_hour = 12.5
        self.assertEqual(due(datetime(2026, 6, 5, 15)), datetime(2026, 6, 9, 12, 30))
