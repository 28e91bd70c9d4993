# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.tests import new_test_user, tagged

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestComplaintOwnerActivity(QualityCommon):
    """The owner a complaint is routed to is told by an activity and follows it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rd_head = new_test_user(
            cls.env, login="as_rd_owner", groups="aftersales_service.group_aftersales_user"
        )
        cls.logistics_head = new_test_user(
            cls.env, login="as_logistics_owner", groups="aftersales_service.group_aftersales_user"
        )
        cls.env.ref("aftersales_quality.complaint_route_quality").user_id = cls.rd_head
        cls.env.ref("aftersales_quality.complaint_route_logistics").user_id = cls.logistics_head
        cls.ack_type = cls.env.ref("aftersales_quality.mail_activity_type_complaint_ack")
        cls.solution_type = cls.env.ref("aftersales_quality.mail_activity_type_complaint_solution")
        # Monday 2 March 2026, 10:00 UTC
        cls.received = datetime(2026, 3, 2, 10, 0)

    def _complaint(self, **vals):
        values = {
            "partner_id": self.customer.id,
            "category": "quality",
            "content": "<p>The compressor is noisy.</p>",
            "date_received": self.received,
        }
        return self.env["aftersales.complaint"].with_user(self.agent).create(dict(values, **vals))

    def _open(self, complaint, activity_type):
        return complaint.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def _my_activities(self, user):
        return (
            self.env["mail.activity"]
            .with_user(user)
            .search([("user_id", "=", user.id), ("res_model", "=", "aftersales.complaint")])
        )

    def test_owner_acknowledges_then_proposes_a_solution(self):
        """The route's owner gets "acknowledge" due on the acknowledgment deadline, then
        "propose a solution" due on the solution deadline, each marked done in turn."""
        complaint = self._complaint()
        self.assertEqual(complaint.user_id, self.rd_head)
        self.assertIn(self.rd_head.partner_id, complaint.message_partner_ids)
        ack = self._my_activities(self.rd_head)
        self.assertEqual(ack.activity_type_id, self.ack_type)
        self.assertEqual(ack.date_deadline, complaint.date_ack_deadline.date())
        complaint.with_user(self.rd_head).action_acknowledge()
        self.assertFalse(self._open(complaint, self.ack_type))
        solution = self._my_activities(self.rd_head)
        self.assertEqual(solution.activity_type_id, self.solution_type)
        self.assertEqual(solution.date_deadline, complaint.date_solution_deadline.date())
        as_owner = complaint.with_user(self.rd_head)
        as_owner.write({"decision": "founded", "reply": "<p>We replace the compressor.</p>"})
        as_owner.action_resolve()
        self.assertFalse(self._my_activities(self.rd_head))
        done = (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search([("res_model", "=", "aftersales.complaint"), ("res_id", "=", complaint.id)])
        )
        self.assertEqual(done.activity_type_id, self.ack_type | self.solution_type)
        self.assertEqual(set(done.mapped("state")), {"done"})

    def test_rerouting_moves_the_activity(self):
        """Changing the category routes the complaint to another owner: the one open activity
        moves to them; saving again adds none."""
        complaint = self._complaint()
        complaint.write({"category": "logistics"})
        self.assertEqual(complaint.user_id, self.logistics_head)
        self.assertFalse(self._my_activities(self.rd_head))
        moved = self._my_activities(self.logistics_head)
        self.assertEqual(len(moved), 1)
        self.assertEqual(moved.date_deadline, complaint.date_ack_deadline.date())
        complaint.write({"category": "logistics", "priority": "0"})
        self.assertEqual(len(complaint.activity_ids), 1)
