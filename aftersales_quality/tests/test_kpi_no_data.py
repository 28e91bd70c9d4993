# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import tagged

from .common import QualityCommon

RATES = {
    "first_fix_rate": "has_first_fix_data",
    "diagnosis_rate": "has_diagnosis_data",
    "sla_rate": "has_sla_data",
    "callback_rate": "has_callback_data",
    "satisfaction_avg": "has_satisfaction_data",
}


@tagged("post_install", "-at_install")
class TestKpiNoData(QualityCommon):
    """A month without the figures behind a rate shows "no data", not 0 % in red."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        worker = cls.env["hr.employee"].create({"name": "Park Ji-ho"})
        cls._certify(worker)
        # a month with hours logged but nothing done, checked or surveyed
        cls.env["aftersales.work.log"].create(
            {"employee_id": worker.id, "hours": 3.0, "category": "D", "description": "Training"}
        )
        today = cls.env.cr.now().date()
        cls.kpi = cls.env["aftersales.technician.kpi"]._compute_month(
            today.year, today.month, worker
        )

    def test_rates_without_data_read_as_no_data(self):
        """The manager opens the snapshot: every rate is flagged as having no data, so the
        screens show "no data" instead of a red 0 %."""
        self.assertEqual(len(self.kpi), 1)
        self.assertEqual(self.kpi.hours_total, 3.0)
        Kpi = self.env["aftersales.technician.kpi"].with_user(self.manager)
        for view_type in ("form", "list"):
            arch = etree.fromstring(Kpi.get_views([(False, view_type)])["views"][view_type]["arch"])
            spec = {node.get("name"): {} for node in arch.iter("field")}
            record = Kpi.browse(self.kpi.id).web_read(spec)[0]
            for rate, flag in RATES.items():
                self.assertFalse(record[flag], f"{view_type}: {rate} has no data")
                node = arch.xpath(f"//field[@name='{rate}']")[0]
                self.assertIn(f"not {flag}", node.get("invisible") or "", f"{view_type}: {rate}")
                danger = node.get("decoration-danger")
                if view_type == "list" and danger:
                    self.assertIn(flag, danger, f"list: {rate} is never red without data")
        form = etree.tostring(
            etree.fromstring(Kpi.get_views([(False, "form")])["views"]["form"]["arch"])
        ).decode()
        self.assertEqual(form.count(">no data<"), len(RATES))

    def test_rate_with_data_is_shown(self):
        """Once a request is done, its rates have data again."""
        request = self._done_request(technician=self.kpi.employee_id)
        today = request.date_done.date()
        kpi = self.env["aftersales.technician.kpi"]._compute_month(
            today.year, today.month, self.kpi.employee_id
        )
        self.assertTrue(kpi.has_first_fix_data and kpi.has_sla_data and kpi.has_callback_data)
        self.assertFalse(kpi.has_satisfaction_data or kpi.has_diagnosis_data)
