# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import new_test_user

from .common import QualityCommon

WRITE = re.compile(r"^\s*(INSERT INTO|UPDATE|DELETE FROM)\s+\"?(\w+)\"?", re.IGNORECASE)


class TestComplaintCollisions(QualityCommon):
    def test_two_complaints_for_one_customer_write_no_shared_row(self):
        """Recording a complaint writes only its own rows (and its owner's activity): two
        agents recording complaints for one customer at once cannot collide."""
        owner = new_test_user(
            self.env, login="as_route_owner", groups="aftersales_service.group_aftersales_user"
        )
        self.env.ref("aftersales_quality.complaint_route_quality").user_id = owner
        self.env["ir.config_parameter"].sudo().set_param("auth_signup.invitation_scope", "b2c")
        self.customer.email = "buyer@hangzhou-cooling.example.com"
        self.env.flush_all()
        partner_written = self.customer.write_date
        Complaint = self.env["aftersales.complaint"].with_user(self.agent)
        for _attempt in range(2):
            queries = []
            for _patched in self._patchExecute(queries):
                complaint = Complaint.create(
                    {
                        "partner_id": self.customer.id,
                        "category": "quality",
                        "content": "<p>Leaks</p>",
                    }
                )
            writes = [m.groups() for m in map(WRITE.match, queries) if m]
            inserted = {table for verb, table in writes if verb.upper() == "INSERT INTO"}
            updated = {table for verb, table in writes if verb.upper() != "INSERT INTO"}
            # only rows made by this transaction are updated afterwards (computed columns of
            # the complaint, its owner's activity and that activity's notification)
            self.assertLessEqual(updated, inserted)
            self.assertNotIn("res_partner", updated)
            self.assertTrue(complaint.activity_ids)
        self.customer.invalidate_recordset(["write_date"])
        self.assertEqual(self.customer.write_date, partner_written)
