# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class AftersalesToolCustody(models.Model):
    _inherit = "aftersales.tool.custody"

    @api.constrains("date_from", "date_to")
    def _check_custody_dates(self):
        for custody in self:
            if custody.date_to and custody.date_to < custody.date_from:
                raise ValidationError(
                    self.env._(
                        "A tool cannot be handed back (%(back)s) before it was received "
                        "(%(received)s).",
                        back=custody.date_to,
                        received=custody.date_from,
                    )
                )
