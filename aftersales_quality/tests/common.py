# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aftersales_service.tests.common import AftersalesCommon


class QualityCommon(AftersalesCommon):
    """A UTC working calendar (Mon-Fri 8-12, 13-17) and a helper to finish requests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        attendances = [
            (0, 0, {"name": f"{day} {start}", "dayofweek": str(day), "hour_from": start,
                    "hour_to": end, "day_period": period})
            for day in range(5)
            for start, end, period in ((8, 12, "morning"), (13, 17, "afternoon"))
        ]  # fmt: skip
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "After-sales UTC",
                "tz": "UTC",
                "hours_per_day": 8,
                "attendance_ids": [(5, 0, 0)] + attendances,
            }
        )
        cls.env.company.aftersales_calendar_id = cls.calendar

    @classmethod
    def _certify(cls, employees):
        """Make the employees technicians certified for the test product's category."""
        employees.is_technician = True
        cls.env["aftersales.technician.certification"].create(
            [
                {
                    "employee_id": employee.id,
                    "product_category_id": cls.product.categ_id.id,
                    "date_expiry": "2099-12-31",
                }
                for employee in employees
            ]
        )

    @classmethod
    def _done_request(cls, technician=None, partner=None, **vals):
        """A request moved through its stages to done by a manager."""
        request = cls.env["aftersales.request"].create(
            dict(
                {
                    "partner_id": (partner or cls.customer).id,
                    "technician_id": (technician or cls.technician).id,
                    "product_id": cls.product.id,
                },
                **vals,
            )
        )
        request.action_assess()
        request.action_schedule()
        request.action_start()
        request.action_done()
        cls.env.ref("aftersales_quality.ir_cron_survey_pending").method_direct_trigger()
        return request
