# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

import psycopg2
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .return_common import AftersalesReturnCommon


class TestReturn(AftersalesReturnCommon):
    def test_unit_price_comes_from_the_sale_line(self):
        """A return line takes its unit price from the original sale order line."""
        record = self._new_return(quantity=3)
        self.assertEqual(record.line_ids.price_unit, 100.0)
        self.assertEqual(record.amount_total, 300.0)
        self.assertEqual(record.sale_order_ids, self.sale_order)

    def test_returning_more_than_delivered_is_refused(self):
        """Quantities never exceed what was delivered minus what was already returned."""
        with self.assertRaises(ValidationError):
            self._new_return(quantity=101)
        self._new_return(quantity=60)
        with self.assertRaises(ValidationError):
            self._new_return(quantity=41)
        first = self._new_return(quantity=40)
        with self.assertRaises(ValidationError):
            first.line_ids.quantity = 41

    def test_returning_more_through_rpc_write_on_the_return_is_refused(self):
        """Adding a line through the return's write checks the delivered quantity too."""
        record = self._new_return(quantity=1)
        with self.assertRaises(ValidationError):
            record.write(
                {
                    "line_ids": [
                        Command.create(
                            {"product_id": self.goods.id, "quantity": 100, "price_unit": 1.0}
                        )
                    ]
                }
            )

    def test_unsaleable_exchange_within_limits_routes_review_finance_sales_head(self):
        """Within policy an unsaleable exchange needs after-sales, finance and the sales head."""
        record = self._new_return(quantity=2)
        self.assertFalse(record.is_policy_breach)
        record.action_submit()
        self.assertEqual(
            self._button_steps(record).mapped("step"), ["aftersales", "finance", "sales_head"]
        )
        self._sign_chain(record)
        self.assertEqual(record.state, "approved")
        self.assertTrue(record.pickup_picking_id)
        self.assertEqual(record.pickup_picking_id.picking_type_code, "incoming")
        self.assertTrue(all(record.approval_ids.mapped("user_id")))

    def test_quality_return_skips_finance(self):
        """A quality return is approved by after-sales and the sales head only."""
        record = self._new_return(quantity=2, reason_kind="quality")
        record.action_submit()
        self.assertEqual(self._button_steps(record).mapped("step"), ["aftersales", "sales_head"])

    def test_user_outside_the_step_group_cannot_sign(self):
        """Only a member of the step's group may sign it."""
        record = self._new_return()
        record.action_submit()
        step = record.approval_ids.filtered(lambda a: a.step == "aftersales")
        with self.assertRaises(AccessError):
            step.with_user(self.sales_head).action_approve()
        self.assertEqual(step.state, "pending")

    def test_nobody_signs_two_steps_of_one_chain(self):
        """A distinct-signer step refuses whoever signed another step of the chain."""
        record = self._new_return(quantity=2, reason_kind="quality")
        record.action_submit()
        approver = self.env["res.users"].browse(self.reviewer.ids)
        approver.groups_id |= self.env.ref("aftersales_service.group_aftersales_return_approver")
        record.approval_ids[0].with_user(approver).action_approve()
        with self.assertRaises(UserError):
            record.approval_ids[1].with_user(approver).action_approve()

    def test_a_step_is_signed_once(self):
        """A second signature on a signed step is refused; the first one stays."""
        record = self._new_return()
        record.action_submit()
        step = record.approval_ids[0]
        step.with_user(self.reviewer).action_approve()
        other = self.env["res.users"].create(
            {
                "name": "Second Reviewer",
                "login": "as_reviewer_2",
                "groups_id": [Command.set(self.reviewer.groups_id.ids)],
            }
        )
        with self.assertRaises(UserError):
            step.with_user(other).action_refuse()
        self.assertEqual((step.state, step.user_id), ("approved", self.reviewer))

    def test_one_step_per_chain_in_sql(self):
        """The database holds each step once per return, so concurrent signers meet one row."""
        record = self._new_return()
        record.action_submit()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.UniqueViolation),
            self.env.cr.savepoint(),
        ):
            self.env["aftersales.return.approval"].create(
                {
                    "return_id": record.id,
                    "step": "aftersales",
                    "group_id": record.approval_ids[0].group_id.id,
                }
            )

    def test_signature_fields_cannot_be_written_directly(self):
        """Approver, decision and date are set only by the sign buttons."""
        record = self._new_return()
        record.action_submit()
        with self.assertRaises(UserError):
            record.approval_ids[0].write({"state": "approved"})
        with self.assertRaises(UserError):
            record.write({"state": "approved"})

    def test_refused_step_ends_the_chain_and_mails_the_customer(self):
        """A refusal ends the chain, records the reason and sends it to the customer."""
        record = self._new_return()
        record.action_submit()
        self._sign_chain(record, refuse_step="finance", comment="Ratio exhausted this year")
        self.assertEqual(record.state, "refused")
        self.assertEqual(record.refusal_reason, "Ratio exhausted this year")
        message = record.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertTrue(message)
        self.assertIn("Ratio exhausted this year", message[0].body)
        with self.assertRaises(UserError):
            record.approval_ids.filtered(lambda a: a.step == "sales_head").with_user(
                self.sales_head
            ).action_approve()

    def test_refusal_needs_a_reason(self):
        """A step is refused only with a written reason."""
        record = self._new_return()
        record.action_submit()
        with self.assertRaises(UserError):
            record.approval_ids[0].with_user(self.reviewer).action_refuse()

    def test_ratio_is_returns_over_purchases(self):
        """The ratio is the share of purchases returned over the window."""
        self.assertEqual(self.customer._aftersales_return_ratio(), 0.0)
        self._new_return(quantity=3).action_submit()
        self.assertAlmostEqual(self.customer._aftersales_return_ratio(), 3.0)
        self.assertFalse(self.customer.aftersales_is_over_ratio)

    def test_over_ratio_needs_the_leader(self):
        """Beyond the allowed ratio the chain adds the company leader's step."""
        record = self._new_return(quantity=8)
        self.assertTrue(record.is_policy_breach)
        self.assertAlmostEqual(record.ratio_with_return, 8.0)
        record.action_submit()
        self.assertEqual(self._button_steps(record)[-1:].step, "leader")

    def test_over_ratio_without_leader_rule_is_refused(self):
        """Beyond policy and with no leader rule the return is refused at once."""
        self.env.ref("aftersales_service.return_approval_rule_leader").active = False
        record = self._new_return(quantity=8)
        record.action_submit()
        self.assertEqual(record.state, "refused")
        self.assertFalse(record.approval_ids)

    def test_finance_watch_alerts_once(self):
        """A customer over ratio raises one activity each for the sales head and accountant."""
        record = self._new_return(quantity=8)
        record.action_submit()
        self.assertTrue(self.customer.aftersales_is_over_ratio)
        self.assertTrue(self.customer.aftersales_ratio_alert_sent)
        self.env["res.partner"]._cron_aftersales_return_ratio_watch()
        activities = self.customer.activity_ids
        self.assertEqual(activities.user_id, self.sales_head | self.accountant)
        self.assertEqual(len(activities), 2)
        over = self.env["res.partner"].search([("aftersales_is_over_ratio", "=", True)])
        self.assertIn(self.customer, over)

    def test_goods_cannot_be_collected_without_transport_order_driver(self):
        """The driver collects only against the return transport order."""
        record = self._new_return()
        record.action_submit()
        self._sign_chain(record)
        with self.assertRaises(UserError):
            record.action_collect()
        self._collect(record)
        self.assertEqual(record.state, "collected")

    def test_stock_in_refused_without_signatures(self):
        """The incoming transfer of a return waits for after-sales and the sales head."""
        record = self._new_return()
        record.action_submit()
        record.approval_ids[0].with_user(self.reviewer).action_approve()
        picking = record._create_pickup_picking()
        with self.assertRaisesRegex(UserError, "Sales Head"):
            picking.button_validate()
        with self.assertRaisesRegex(UserError, "Sales Head"):
            picking._action_done()

    def test_form_buttons_sign_the_step_shown(self):
        """Approve My Step signs the step the form showed, as the current user."""
        record = self._new_return()
        record.action_submit()
        self._click(record, "action_approve_step", self.reviewer)
        self.assertEqual(record.approval_ids[0].user_id, self.reviewer)
        self.assertEqual(record.state, "under_approval")
        with self.assertRaises(AccessError):
            self._click(record, "action_approve_step", self.sales_head)
        record.approval_ids[1].comment = "Too late in the season"
        self._click(record, "action_refuse_step", self.accountant)
        self.assertEqual(record.state, "refused")

    def test_replayed_click_never_signs_another_step(self):
        """A click replayed after its step was signed (Odoo retries a request that met a
        concurrent update) is a no-op; the next step stays pending, even for a user who may
        sign both steps. Someone else clicking the signed step is told it is signed."""
        self.env.ref("aftersales_service.return_approval_rule_finance").is_distinct_signer = False
        both = self.env["res.users"].browse(self.reviewer.ids)
        both.groups_id |= self.env.ref("account.group_account_invoice")
        record = self._new_return()
        record.action_submit()
        shown = record.with_user(both).next_approval_id
        self.assertEqual(shown.step, "aftersales")
        click = record.with_user(both).with_context(aftersales_approval_id=shown.id)
        click.action_approve_step()
        signed_on = shown.date_signed
        click.action_approve_step()
        self.assertEqual(
            (shown.state, shown.user_id, shown.date_signed), ("approved", both, signed_on)
        )
        finance = record.approval_ids.filtered(lambda a: a.step == "finance")
        self.assertEqual(finance.state, "pending")
        other = self.env["res.users"].create(
            {
                "name": "Second Reviewer",
                "login": "as_reviewer_2",
                "groups_id": [Command.set(self.reviewer.groups_id.ids)],
            }
        )
        with self.assertRaisesRegex(UserError, "already signed"):
            record.with_user(other).with_context(
                aftersales_approval_id=shown.id
            ).action_approve_step()
        with self.assertRaises(UserError):
            record.with_user(both).action_approve_step()
        self.assertEqual(finance.state, "pending")

    def test_leader_step_needs_the_return_leader_group(self):
        """The exception beyond policy is signed by a Return Leader, not a second approver."""
        record = self._new_return(quantity=8)
        record.action_submit()
        self._sign_chain(record, refuse_step="leader")
        record = self._new_return(quantity=8)
        record.action_submit()
        steps = self._button_steps(record)
        for step in steps[:-1]:
            step.with_user(self.signers[step.step]).action_approve()
        leader_step = steps[-1]
        self.assertEqual(
            leader_step.group_id, self.env.ref("aftersales_service.group_aftersales_return_leader")
        )
        other_approver = self.env["res.users"].create(
            {
                "name": "Second Sales Head",
                "login": "as_sales_head_2",
                "groups_id": [Command.set(self.sales_head.groups_id.ids)],
            }
        )
        with self.assertRaises(AccessError):
            leader_step.with_user(other_approver).action_approve()
        self.assertFalse(leader_step.with_user(other_approver).can_sign)
        leader_step.with_user(self.leader).action_approve()
        self.assertEqual(record.state, "approved")

    def test_missing_signatures_are_the_chain_steps_not_signed(self):
        """The stock-in waits for exactly the steps of the chain shown on the return."""
        record = self._new_return(quantity=8)
        record.action_submit()
        labels = dict(record.approval_ids._fields["step"]._description_selection(record.env))
        self.assertEqual(
            record._aftersales_missing_signatures(),
            [labels[step] for step in record.approval_ids.sorted("sequence").mapped("step")],
        )
        self.assertIn("Company Leader", record.missing_signatures)
        self._sign_chain(record)
        self.assertEqual(
            record._aftersales_missing_signatures(),
            [labels[a.step] for a in record.approval_ids if not a._is_signed_with_buttons()],
        )

    def test_ratio_counts_unsaleable_exchanges_only(self):
        """A quality return leaves the customer's exchange ratio alone; the ratio a return
        shows reads the same in draft and after submission."""
        quality = self._new_return(quantity=12, reason_kind="quality")
        quality.action_submit()
        self.assertEqual(self.customer._aftersales_return_ratio(), 0.0)
        self.assertEqual((quality.partner_return_ratio, quality.ratio_with_return), (0.0, 0.0))
        draft = self._new_return(quantity=3)
        self.assertAlmostEqual(draft.partner_return_ratio, 0.0)
        self.assertAlmostEqual(draft.ratio_with_return, 3.0)
        draft.action_submit()
        draft.invalidate_recordset()
        self.assertAlmostEqual(draft.partner_return_ratio, 0.0)
        self.assertAlmostEqual(draft.ratio_with_return, 3.0)
        self.assertAlmostEqual(self.customer._aftersales_return_ratio(), 3.0)

    def test_concurrent_signature_goes_to_odoos_retry(self):
        """Signing takes the step's row lock and waits for a concurrent signer; a lock not
        obtained propagates (Odoo retries the request) instead of becoming a UserError, and
        nothing is signed."""
        record = self._new_return()
        record.action_submit()
        step = record.approval_ids[0]
        cursor_class = type(self.env.cr)
        original = cursor_class.execute
        locks = []

        def execute(cr, query, params=None, log_exceptions=True):
            if "FOR NO KEY UPDATE" in str(query) and "aftersales_return_approval" in str(query):
                locks.append(query)
                raise psycopg2.errors.LockNotAvailable("could not obtain lock")
            return original(cr, query, params, log_exceptions)

        with (
            patch.object(cursor_class, "execute", execute),
            self.assertRaises(psycopg2.errors.LockNotAvailable),
        ):
            step.with_user(self.reviewer).action_approve()
        self.assertTrue(locks)
        self.assertEqual(step.state, "pending")
        self.assertFalse(step.user_id)

    def test_ratio_reads_in_constant_queries(self):
        """The customer's ratio is read set-based, whatever the number of return lines."""
        self._new_return(quantity=1).action_submit()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=5):
            self.customer._aftersales_return_ratio()
        record = self._new_return(quantity=1)
        record.write(
            {
                "line_ids": [
                    Command.create(
                        {"product_id": self.goods.id, "quantity": 1, "price_unit": 100.0}
                    )
                    for _index in range(20)
                ]
            }
        )
        record.action_submit()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=5):
            ratio = self.customer._aftersales_return_ratio()
        self.assertAlmostEqual(ratio, 22.0)

    def test_exchange_after_the_time_limit_breaks_policy(self):
        """An unsaleable exchange of goods sold longer ago than the time limit is beyond policy."""
        with freeze_time(fields.Date.today() + timedelta(days=200)):
            record = self._new_return(quantity=1)
            self.assertLess(record.ratio_with_return, record.ratio_allowed)
            self.assertTrue(record.is_policy_breach)
            quality = self._new_return(quantity=1, reason_kind="quality")
            self.assertFalse(quality.is_policy_breach)

    def test_importing_more_than_delivered_is_refused(self):
        """An import of return lines beyond the delivered quantity is rejected."""
        record = self._new_return(quantity=1)
        result = self.env["aftersales.return.line"].load(
            ["return_id/.id", "product_id/.id", "quantity", "price_unit"],
            [[str(record.id), str(self.goods.id), "150", "100"]],
        )
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])
        self.assertEqual(record.line_ids.mapped("quantity"), [1.0])

    def _signature_activities(self, record):
        activity_type = self.env.ref("aftersales_service.mail_activity_type_return_signature")
        return record.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def test_step_waiting_reaches_its_group_once(self):
        """The members of the waiting step's group get one activity each, due today; it is
        done when the step is signed, and the next step's group gets theirs."""
        record = self._new_return()
        record.action_submit()
        activities = self._signature_activities(record)
        manager_group = self.env.ref("aftersales_service.group_aftersales_manager")
        self.assertIn(self.reviewer, activities.user_id)
        self.assertLessEqual(activities.user_id, manager_group.users)
        self.assertEqual(len(activities), len(activities.user_id))
        self.assertEqual(set(activities.mapped("date_deadline")), {fields.Date.today()})
        record._notify_signers()
        self.assertEqual(self._signature_activities(record), activities)
        self._click(record, "action_approve_step", self.reviewer)
        self.assertFalse(activities.exists().filtered("active"))
        following = self._signature_activities(record)
        self.assertIn(self.accountant, following.user_id)
        self.assertNotIn(self.reviewer, following.user_id)
        record.approval_ids.filtered(lambda a: a.step == "finance").comment = "Ratio used up"
        self._click(record, "action_refuse_step", self.accountant)
        self.assertFalse(self._signature_activities(record))
