# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class AftersalesWorkLog(models.Model):
    _inherit = "aftersales.work.log"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_finished_request(self):
        finished = self.filtered(lambda log: log.request_id.state in ("done", "closed"))
        if finished:
            raise UserError(
                self.env._(
                    "The hours of %(names)s are part of a finished request's history "
                    "(service certificate, invoice, KPIs) and cannot be deleted.",
                    names=", ".join(finished.request_id.mapped("name")),
                )
            )
