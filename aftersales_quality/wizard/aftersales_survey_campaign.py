# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


def _previous_quarter(today):
    first_this = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
    start = first_this - relativedelta(months=3)
    return start, first_this - relativedelta(days=1)


class AftersalesSurveyCampaign(models.TransientModel):
    _name = "aftersales.survey.campaign"
    _description = "Satisfaction Survey Campaign"

    date_from = fields.Date(
        required=True, default=lambda self: _previous_quarter(fields.Date.context_today(self))[0]
    )
    date_to = fields.Date(
        required=True, default=lambda self: _previous_quarter(fields.Date.context_today(self))[1]
    )
    campaign = fields.Char(
        string="Campaign Name",
        required=True,
        default=lambda self: self._default_campaign(),
    )

    @api.model
    def _default_campaign(self):
        start = _previous_quarter(fields.Date.context_today(self))[0]
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"

    def action_send(self):
        """Send one survey to every customer served in the period (latest request rated)."""
        self.ensure_one()
        surveys = self._send_campaign(self.date_from, self.date_to, self.campaign)
        return {
            "type": "ir.actions.act_window",
            "name": self.campaign,
            "res_model": "aftersales.survey",
            "view_mode": "list,form",
            "domain": [("id", "in", surveys.ids)],
        }

    @api.model
    def _send_campaign(self, date_from, date_to, campaign):
        Survey = self.env["aftersales.survey"]
        start = datetime.combine(date_from, time.min)
        end = datetime.combine(date_to, time.max)
        latest = self.env["aftersales.request"]._read_group(
            [
                ("state", "in", ("done", "closed")),
                ("date_done", ">=", start),
                ("date_done", "<=", end),
            ],
            ["partner_id"],
            ["id:max"],
        )
        already = set(Survey.search([("campaign", "=", campaign)]).mapped("partner_id").ids)
        requests = self.env["aftersales.request"].browse(
            [req_id for partner, req_id in latest if partner.id not in already]
        )
        surveys = Survey.sudo().create(
            [
                {
                    "request_id": request.id,
                    "partner_id": request.partner_id.id,
                    "technician_id": request.technician_id.id,
                    "company_id": request.company_id.id,
                    "campaign": campaign,
                }
                for request in requests
            ]
        )
        surveys._send()
        return surveys

    @api.model
    def _cron_send_quarterly(self):
        start, end = _previous_quarter(fields.Date.context_today(self))
        campaign = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
        return self._send_campaign(start, end, campaign)
