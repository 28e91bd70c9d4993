# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestToolCustody(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job = cls.env["hr.job"].create({"name": "Workshop Supervisor"})
        cls.tool = cls.env["maintenance.equipment"].create(
            {
                "name": "Refrigerant Manifold Gauge",
                "aftersales_is_tool": True,
                "aftersales_custodian_id": cls.technician.id,
            }
        )

    def test_archiving_technician_with_tools_is_refused(self):
        """A technician still holding tools cannot be archived."""
        with self.assertRaisesRegex(UserError, "still hold after-sales tools"):
            self.technician.action_archive()
        self.assertTrue(self.technician.active)

    def test_job_change_with_tools_is_refused_until_handed_over(self):
        """Changing job needs the tools handed over first; the hand-over is logged."""
        with self.assertRaisesRegex(UserError, "Hand the tools over"):
            self.technician.job_id = self.job
        colleague = self.env["hr.employee"].create({"name": "Choi Yu-na"})
        self.tool.action_aftersales_hand_over(colleague, "Job change")
        self.technician.job_id = self.job
        self.assertEqual(self.technician.job_id, self.job)
        log = self.tool.aftersales_custody_ids.sorted("id")
        self.assertEqual(log.employee_id, self.technician | colleague)
        self.assertTrue(log[0].date_to)
        self.assertFalse(log[1].date_to)
        self.assertEqual(log[1].note, "Job change")

    def test_charged_tool_loss_is_recorded_against_technician(self):
        """A loss charged by a manager adds its amount to the technician's charges."""
        incident = (
            self.env["aftersales.tool.incident"]
            .with_user(self.agent)
            .create(
                {
                    "equipment_id": self.tool.id,
                    "employee_id": self.technician.id,
                    "incident_type": "loss",
                    "amount_charged": 120.0,
                }
            )
        )
        with self.assertRaisesRegex(UserError, "Only an after-sales manager"):
            incident.action_decide_charged()
        incident.with_user(self.manager).action_decide_charged()
        self.assertEqual(incident.decision, "charged")
        self.assertEqual(self.technician.aftersales_tool_charge_total, 120.0)
        self.assertFalse(self.tool.aftersales_custodian_id, "a lost tool leaves custody")

    def test_normal_wear_charges_nothing(self):
        """Damage decided as normal wear records no amount against the technician."""
        incident = self.env["aftersales.tool.incident"].create(
            {"equipment_id": self.tool.id, "employee_id": self.technician.id, "amount_charged": 50}
        )
        incident.with_user(self.manager).action_decide_wear()
        self.assertEqual(incident.amount_charged, 0.0)
        self.assertEqual(self.technician.aftersales_tool_charge_total, 0.0)

    def test_decided_report_is_frozen(self):
        """A report is decided once, with its buttons; its charged amount then stays."""
        incident = self.env["aftersales.tool.incident"].create(
            {"equipment_id": self.tool.id, "employee_id": self.technician.id, "amount_charged": 50}
        )
        with self.assertRaisesRegex(UserError, "decided with its buttons"):
            incident.write({"decision": "charged"})
        incident.with_user(self.manager).action_decide_charged()
        with self.assertRaisesRegex(UserError, "already been decided"):
            incident.with_user(self.manager).action_decide_wear()
        with self.assertRaisesRegex(UserError, "charged amount of a decided report"):
            incident.amount_charged = 80
        self.assertEqual((incident.decision, incident.amount_charged), ("charged", 50))

    def test_calibration_planned_as_preventive_maintenance(self):
        """The calibration interval becomes a recurring preventive maintenance request."""
        self.tool.write({"aftersales_calibration_days": 180})
        request = self.tool.action_aftersales_plan_calibration()
        self.assertEqual(request.maintenance_type, "preventive")
        self.assertTrue(request.recurring_maintenance)
        self.assertEqual((request.repeat_interval, request.repeat_unit), (180, "day"))
