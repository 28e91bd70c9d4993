# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import sla as sla_rules
from ..rules.sla import parse_day_offsets

# working periods read ahead of a request for its deadlines: first two weeks, doubled while
# a deadline falls beyond them, up to a year
INITIAL_HORIZON_DAYS = 14
MAX_HORIZON_DAYS = 366


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_calendar_id = fields.Many2one(
        "resource.calendar",
        string="After-Sales Working Hours",
        help="Working calendar on which service deadlines are counted. Its public holidays "
        "pause the clock. Empty: the company's working hours.",
    )
    aftersales_repair_warranty_days = fields.Integer(
        string="Repair Warranty (days)",
        default=90,
        help="The same fault on the same unit within this many days after a repair is "
        "re-done free of charge.",
    )
    aftersales_installation_grace_days = fields.Integer(
        string="Installation Acceptance Grace (days)",
        default=30,
        help="A warranty that starts at installation acceptance starts anyway this many days "
        "after delivery when no acceptance was signed (0: only at acceptance).",
    )
    aftersales_commissioning_checklist = fields.Text(
        string="Commissioning Checklist",
        default="Unit level and fixed\nPower supply and connections checked\nTest run passed\n"
        "Customer shown how to use and maintain the unit",
        help="One item per line; an installation job ticks every item before the customer "
        "signs the joint acceptance.",
    )
    aftersales_contract_notice_months = fields.Integer(
        string="Contract Renewal Notice (months)",
        default=1,
        help="This many months before a service contract ends, the responsible gets a "
        "renewal activity and the customer a renewal e-mail.",
    )

    aftersales_return_ratio_allowed = fields.Float(
        string="Allowed Return Ratio (%)",
        default=5.0,
        help="Default share of a customer's purchases (in percent) that may come back as "
        "unsaleable exchanges; a customer may have a contractual ratio of its own.",
    )
    aftersales_return_days_allowed = fields.Integer(
        string="Exchange Time Limit (days)",
        default=180,
        help="Default number of days after the sale within which goods may be exchanged.",
    )
    aftersales_return_ratio_window_days = fields.Integer(
        string="Return Ratio Window (days)",
        default=365,
        help="Returns and purchases of this many past days make the customer's ratio.",
    )
    aftersales_return_slip_hour = fields.Float(
        string="Return Slip Due Hour",
        default=12.0,
        help="The return slip is due by this hour of the working day after the stock-in.",
    )
    aftersales_return_sendback_days = fields.Integer(
        string="Send-Back Delay (working days)",
        default=2,
        help="Goods refused at inspection (customer damage) are shipped back to the customer "
        "this many working days after the inspection; the customer's mail gives the date.",
    )
    aftersales_return_credit_note_policy = fields.Selection(
        [
            ("post", "Post at once"),
            ("draft", "Leave in draft for the accountant"),
        ],
        string="Return Credit Notes",
        default="post",
        required=True,
        help="Credit notes of settled returns are posted at once, or left in draft with an "
        "activity for the return ratio accountant to check and post them.",
    )
    aftersales_return_sales_head_id = fields.Many2one(
        "res.users",
        string="Sales Head",
        help="Alerted when a customer's return ratio passes the allowed one.",
    )
    aftersales_return_accountant_id = fields.Many2one(
        "res.users",
        string="Return Ratio Accountant",
        help="Accountant alerted when a customer's return ratio passes the allowed one.",
    )

    def _aftersales_calendar(self):
        """The working calendar after-sales deadlines are counted on."""
        self.ensure_one()
        return self.aftersales_calendar_id or self.resource_calendar_id

    # Service requests: SLA, dispatch and follow-up settings
    aftersales_sla_risk_ratio = fields.Float(
        string="SLA At-Risk Threshold",
        default=0.8,
        help="Share of the allowed time (0-1) after which an open promise shows as at risk "
        "and the dispatcher is warned.",
    )
    aftersales_dispatcher_id = fields.Many2one(
        "res.users",
        string="Dispatcher",
        help="Receives the warnings on requests whose SLA is at risk.",
    )
    aftersales_director_id = fields.Many2one(
        "res.users",
        string="Service Director",
        help="Receives the requests technicians escalate.",
    )
    aftersales_callback_hours = fields.Integer(
        string="Callback Delay (hours)",
        default=24,
        help="The customer is called back within this many hours after completion.",
    )
    aftersales_revisit_days = fields.Char(
        string="Follow-up Visits (days)",
        default="7,30,90",
        help="Days after completion at which follow-up visits are planned, comma separated.",
    )
    aftersales_appointment_hours = fields.Float(
        string="Default Appointment Length (hours)",
        default=2.0,
        help="Used to find a technician's next free slot when suggesting a dispatch.",
    )
    aftersales_progress_days = fields.Integer(
        string="Progress Report Every (working days)",
        default=2,
        help="Complex requests still open send the customer a progress message every this "
        "many working days (0: never).",
    )
    aftersales_appointment_horizon_days = fields.Integer(
        string="Appointment Proposals Horizon (days)",
        default=14,
        help="How far ahead the technician's working calendar is searched for free slots to "
        "propose to the customer.",
    )

    @api.constrains("aftersales_revisit_days")
    def _check_aftersales_revisit_days(self):
        for company in self:
            try:
                parse_day_offsets(company.aftersales_revisit_days or "")
            except ValueError as error:
                raise ValidationError(
                    self.env._(
                        "Follow-up visits must be whole numbers of days separated by commas, "
                        "like 7,30,90 (not '%(value)s').",
                        value=str(error),
                    )
                ) from error

    @api.constrains("aftersales_sla_risk_ratio")
    def _check_aftersales_sla_risk_ratio(self):
        for company in self:
            if not 0 < company.aftersales_sla_risk_ratio <= 1:
                raise ValidationError(
                    self.env._("The SLA at-risk threshold is a share between 0 and 1, like 0.8.")
                )

    def _aftersales_revisit_days(self):
        self.ensure_one()
        return parse_day_offsets(self.aftersales_revisit_days or "")

    def _aftersales_working_deadline_finder(self, date_from, date_to):
        """A function (start, hours) -> the moment ``hours`` of working time after ``start``
        (a start between ``date_from`` and ``date_to``), on the after-sales calendar.

        The calendar's working periods are read for a short horizon first and read again
        for twice as long only when a deadline falls beyond it (long targets, long
        holidays): most promises are hours or a few days, and reading two months of
        attendances for each request saved cost more than the rest of the save."""
        self.ensure_one()
        horizon = {"days": INITIAL_HORIZON_DAYS, "intervals": None}

        def working_deadline(start, hours):
            while True:
                if horizon["intervals"] is None:
                    horizon["intervals"] = self._aftersales_work_intervals(
                        date_from, date_to, horizon["days"]
                    )
                deadline = sla_rules.working_deadline(start, hours, horizon["intervals"])
                if deadline or horizon["days"] >= MAX_HORIZON_DAYS:
                    return deadline
                horizon["days"] = min(horizon["days"] * 2, MAX_HORIZON_DAYS)
                horizon["intervals"] = None

        return working_deadline

    def _aftersales_work_intervals(self, date_from, date_to, horizon_days=60):
        """Working periods (naive UTC start, end) of the after-sales calendar, holidays removed."""
        self.ensure_one()
        calendar = self._aftersales_calendar()
        if not calendar:
            return [(date_from, date_to + timedelta(days=horizon_days))]
        start = pytz.utc.localize(date_from)
        end = pytz.utc.localize(date_to + timedelta(days=horizon_days))
        intervals = calendar._work_intervals_batch(start, end)[False]
        return [
            (
                begin.astimezone(pytz.utc).replace(tzinfo=None),
                stop.astimezone(pytz.utc).replace(tzinfo=None),
            )
            for begin, stop, _records in intervals
        ]
