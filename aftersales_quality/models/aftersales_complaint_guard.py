# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class AftersalesComplaint(models.Model):
    _inherit = "aftersales.complaint"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_handled(self):
        for complaint in self:
            if complaint.state != "new":
                raise UserError(
                    self.env._(
                        "Complaint %(name)s is being handled and counts in the complaint "
                        "analysis; it cannot be deleted.",
                        name=complaint.name,
                    )
                )
