# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Query budgets of the key return actions, pinned: they must not grow with the lines.

Each action runs twice under ``warmup`` (caches warm, as on a running server) and the
second run is counted. A return with 1 line and one with 10 lines must cost the same.
"""

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import warmup

from odoo.addons.aftersales_service.tests.return_common import AftersalesReturnCommon


@tagged("post_install", "-at_install")
class TestReturnQueryCounts(AftersalesReturnCommon):
    def _return_with_lines(self, count):
        record = self._new_return(quantity=1)
        if count > 1:
            record.write(
                {
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": self.goods.id,
                                "sale_line_id": self.sale_line.id,
                                "quantity": 1,
                                "reason_kind": "unsaleable",
                            }
                        )
                        for _index in range(count - 1)
                    ]
                }
            )
        record.action_submit()
        return record

    def _first_step(self, record):
        approval = record.approval_ids.sorted("sequence")[:1]
        # notification e-mails queued as on a server, where they are sent after the commit
        # (Odoo's test runner would send them inside the measured transaction)
        step = approval.with_user(self.signers[approval.step]).with_context(
            mail_notify_force_send=False
        )
        step.comment = "Checked"
        self.env.flush_all()
        self.env.invalidate_all()
        return step

    @warmup
    def test_signing_a_step_costs_the_same_for_1_and_10_lines(self):
        """Signing an approval step reads the return set-based: 1 or 10 lines, same queries."""
        one = self._first_step(self._return_with_lines(1))
        ten = self._first_step(self._return_with_lines(10))
        with self.assertQueryCount(QUERIES["sign_step"]):
            one.action_approve()
        self.env.invalidate_all()
        with self.assertQueryCount(QUERIES["sign_step"]):
            ten.action_approve()
        self.assertEqual(one.state, "approved")
        self.assertEqual(ten.state, "approved")

    def _inspected(self, count):
        record = self._return_with_lines(count)
        self._sign_chain(record)
        self._collect(record)
        record.line_ids.write({"qc_verdict": "undamaged"})
        return record

    @warmup
    def test_qc_signature_costs_the_same_for_1_and_10_lines(self):
        """The QC inspector's signature: 1 or 10 inspected lines, same queries."""
        records = [self._inspected(1), self._inspected(10)]
        self.env.flush_all()
        self.env.invalidate_all()
        for record in records:
            self.env.invalidate_all()
            with self.assertQueryCount(QUERIES["qc_sign"]):
                record.with_user(self.qc_user).with_context(
                    mail_notify_force_send=False
                ).action_qc_sign()
            self.assertEqual(record.state, "inspected")

    @warmup
    def test_stock_in_check_costs_the_same_for_1_and_10_lines(self):
        """The signature check before a stock-in is validated: 1 or 10 lines, same queries.

        (Validating the receipt itself costs what Odoo's stock costs per move line.)
        """
        records = [self._inspected(1), self._inspected(10)]
        for record in records:
            record.with_user(self.qc_user).action_qc_sign()
        self.env.flush_all()
        self.env.invalidate_all()
        admin = self.env.ref("base.user_admin")
        for record in records:
            picking = record.pickup_picking_id.with_user(admin)
            self.env.invalidate_all()
            with self.assertQueryCount(QUERIES["stock_in_check"]):
                picking._check_aftersales_return_signatures()


# pinned figures (post-install, warm caches); lower is fine, higher fails the test
QUERIES = {
    # signing marks the signed step's activities done and gives one activity to each member
    # of the next step's group (issue 13/14: work reaches the right person); Odoo's activity
    # creation and "activity done" messages cost per assignee: the budget grows with the
    # signers of a step (demo data's group members), never with the return's lines (was 10)
    "sign_step": 120,
    # the QC inspection signs its step of the chain (the chain shown is the list the stock-in
    # waits for), marks the inspectors' activities done and gives the receipt's responsible
    # the stock-in to validate (was 9)
    "qc_sign": 70,
    "stock_in_check": 5,
}
