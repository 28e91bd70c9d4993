# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AftersalesCommon

# Friday 2026-03-06 22:00 in Shanghai (UTC+8)
FRIDAY_NIGHT = "2026-03-06 14:00:00"


@tagged("post_install", "-at_install")
class TestAppointment(AftersalesCommon):
    """Appointments come from the technician's calendar and are fixed by the customer's yes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Field technicians (Shanghai)",
                "tz": "Asia/Shanghai",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"Day {day} {period}",
                            "dayofweek": str(day),
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for hour_from, hour_to, period in ((9, 12, "morning"), (13, 17, "afternoon"))
                ],
            }
        )
        cls.technician.write({"resource_calendar_id": cls.calendar.id, "tz": "Asia/Shanghai"})
        # on leave all Monday 2026-03-09 (Shanghai day, in UTC)
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Training",
                "calendar_id": cls.calendar.id,
                "resource_id": cls.technician.resource_id.id,
                "date_from": datetime(2026, 3, 8, 16, 0),
                "date_to": datetime(2026, 3, 9, 16, 0),
            }
        )
        # already booked Tuesday 09:00-11:00 Shanghai
        cls.env["aftersales.request"].create(
            {
                "partner_id": cls.customer.id,
                "product_id": cls.product.id,
                "technician_id": cls.technician.id,
                "date_appointment": datetime(2026, 3, 10, 1, 0),
                "date_appointment_end": datetime(2026, 3, 10, 3, 0),
            }
        )
        cls.env.company.aftersales_appointment_hours = 2.0

    def _new_request(self):
        return (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id, "product_id": self.product.id})
        )

    @freeze_time(FRIDAY_NIGHT)
    def test_assigning_a_technician_invents_no_appointment(self):
        """The dispatcher assigns through the suggestion: no appointment is set, nothing is
        stamped as fixed, and the technician's first free time comes from the calendar
        (Tuesday 13:00: not Friday night, not the weekend, not Monday's leave, not the
        Tuesday-morning appointment, not across the lunch break)."""
        request = self._new_request()
        request.action_assess()
        action = request.action_suggest_technician()
        wizard = (
            self.env["aftersales.dispatch.wizard"].with_user(self.agent).browse(action["res_id"])
        )
        wizard.employee_id = self.technician
        line = wizard.line_ids.filtered(lambda ln: ln.employee_id == self.technician)
        self.assertEqual(line.date_next_free, datetime(2026, 3, 10, 5, 0))
        wizard.action_assign()
        self.assertEqual(request.technician_id, self.technician)
        self.assertFalse(request.date_appointment)
        self.assertFalse(request.date_appointed)

    @freeze_time(FRIDAY_NIGHT)
    def test_customer_agreement_fixes_the_appointment(self):
        """The agent proposes the calendar's free slots, the customer picks one: only then
        is the appointment fixed, at the moment the agent records the agreement."""
        request = self._new_request()
        request.technician_id = self.technician
        action = request.action_propose_appointment()
        wizard = (
            self.env["aftersales.appointment.wizard"].with_user(self.agent).browse(action["res_id"])
        )
        starts = wizard.slot_ids.mapped("date_start")
        self.assertEqual(
            starts[:3],
            [datetime(2026, 3, 10, 5, 0), datetime(2026, 3, 10, 7, 0), datetime(2026, 3, 11, 1, 0)],
        )
        wizard.slot_id = wizard.slot_ids[1]
        self.assertFalse(request.date_appointed)
        wizard.action_agree()
        self.assertEqual(request.date_appointment, datetime(2026, 3, 10, 7, 0))
        self.assertEqual(request.date_appointment_end, datetime(2026, 3, 10, 9, 0))
        self.assertEqual(request.date_appointed, datetime(2026, 3, 6, 14, 0))
        self.assertIn("Appointment agreed", request.message_ids[0].body)

    @freeze_time(FRIDAY_NIGHT)
    def test_typed_appointment_is_not_fixed_until_agreed(self):
        """Typing an appointment time stamps nothing; Customer Agreed does; a time that
        overlaps another appointment of the technician is refused."""
        request = self._new_request()
        request.write(
            {
                "technician_id": self.technician.id,
                "date_appointment": datetime(2026, 3, 10, 2, 0),
                "date_appointment_end": datetime(2026, 3, 10, 4, 0),
            }
        )
        self.assertFalse(request.date_appointed)
        with self.assertRaisesRegex(UserError, "already has the appointment"):
            request.action_agree_appointment()
        request.write(
            {
                "date_appointment": datetime(2026, 3, 11, 1, 0),
                "date_appointment_end": datetime(2026, 3, 11, 3, 0),
            }
        )
        request.action_agree_appointment()
        self.assertEqual(request.date_appointed, datetime(2026, 3, 6, 14, 0))

    def test_proposal_needs_a_technician(self):
        """Without a technician there is no calendar to propose from: refused."""
        with self.assertRaisesRegex(UserError, "Assign a technician"):
            self._new_request().action_propose_appointment()
