# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestWorkLog(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague = cls.env["hr.employee"].create({"name": "Wang Fang", "is_technician": True})
        cls.request = cls.env["aftersales.request"].create(
            {"partner_id": cls.customer.id, "product_id": cls.product.id}
        )
        Log = cls.env["aftersales.work.log"]
        day = "2026-01-13"
        cls.logs = Log.create(
            [
                {
                    "request_id": cls.request.id,
                    "employee_id": cls.technician.id,
                    "date": day,
                    "hours": 2.5,
                    "category": "A",
                    "description": "Compressor diagnosis",
                },
                {
                    "request_id": cls.request.id,
                    "employee_id": cls.technician.id,
                    "date": day,
                    "hours": 1.5,
                    "category": "A",
                    "description": "Compressor relay replaced",
                },
                {
                    "request_id": cls.request.id,
                    "employee_id": cls.technician.id,
                    "date": day,
                    "hours": 1.0,
                    "category": "C",
                    "description": "Warranty check of the fan",
                },
                {
                    "employee_id": cls.technician.id,
                    "date": day,
                    "hours": 2.0,
                    "description": "Training on the new inverter range",
                },
                {
                    "employee_id": cls.colleague.id,
                    "date": day,
                    "hours": 3.0,
                    "description": "Spare parts stock count",
                },
                {
                    "employee_id": cls.technician.id,
                    "date": "2026-01-14",
                    "hours": 4.0,
                    "description": "Tool calibration",
                },
            ]
        )

    def test_daily_report_sums_hours_per_category(self):
        """The daily summary adds each technician's hours per category A/B/C/D for that day."""
        summary = self.env["aftersales.work.log"]._aftersales_daily_summary("2026-01-13")
        mine = summary[self.technician]
        self.assertEqual(mine["A"], 4.0)
        self.assertEqual(mine["B"], 0.0)
        self.assertEqual(mine["C"], 1.0)
        self.assertEqual(mine["D"], 2.0)
        self.assertEqual(mine["total"], 7.0)
        self.assertEqual(summary[self.colleague]["D"], 3.0)

    def test_director_report_renders_the_totals(self):
        """The director's printable report shows each technician and the day's total."""
        report = self.env.ref("aftersales_service.action_report_daily_work")
        html, _kind = report._render_qweb_html(report.report_name, self.logs.ids)
        html = html.decode()
        self.assertIn("Kim Min-jun", html)
        self.assertIn("Wang Fang", html)
        self.assertIn("07:00", html)  # 7 hours of Kim Min-jun on 13 January
        self.assertIn(self.request.name, html)

    def test_internal_work_needs_no_request(self):
        """Hours without a request are internal work (D)."""
        self.assertEqual(self.logs[3].category, "D")
        self.assertFalse(self.logs[3].request_id)

    def test_service_hours_need_a_request(self):
        """Paid hours without a request are refused."""
        with self.assertRaisesRegex(ValidationError, "belong to a service request"):
            self.env["aftersales.work.log"].create(
                {
                    "employee_id": self.technician.id,
                    "hours": 1.0,
                    "category": "A",
                    "description": "Something",
                }
            )

    def test_hours_must_be_positive(self):
        """A work log of zero hours is refused."""
        with self.assertRaises(ValidationError):
            self.logs[0].hours = 0

    def test_request_shows_hours_worked(self):
        """The request adds up the hours logged on it."""
        self.assertEqual(self.request.work_hours, 5.0)
