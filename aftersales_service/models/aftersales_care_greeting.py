# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesCareGreeting(models.Model):
    """A date of the year on which the customers of a care level are greeted."""

    _name = "aftersales.care.greeting"
    _description = "Care Level Greeting Date"
    _order = "month, day"

    care_level_id = fields.Many2one(
        "aftersales.care.level", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="care_level_id.company_id", store=True, index=True)
    name = fields.Char(
        string="Occasion", required=True, translate=True, help="E.g. the New Year, a holiday."
    )
    month = fields.Selection(
        [
            ("1", "January"),
            ("2", "February"),
            ("3", "March"),
            ("4", "April"),
            ("5", "May"),
            ("6", "June"),
            ("7", "July"),
            ("8", "August"),
            ("9", "September"),
            ("10", "October"),
            ("11", "November"),
            ("12", "December"),
        ],
        required=True,
        default="1",
    )
    day = fields.Integer(required=True, default=1)

    @api.constrains("month", "day")
    def _check_day(self):
        for greeting in self:
            # a leap year: February 29 is a date some years have
            last = calendar.monthrange(2024, int(greeting.month))[1]
            if not 1 <= greeting.day <= last:
                raise ValidationError(
                    self.env._(
                        "The greeting %(name)s falls on a day the month does not have.",
                        name=greeting.name,
                    )
                )
