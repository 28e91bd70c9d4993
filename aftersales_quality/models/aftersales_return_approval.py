# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesReturnApproval(models.Model):
    _inherit = "aftersales.return.approval"

    step = fields.Selection(selection_add=[("qc", "QC Inspection")], ondelete={"qc": "cascade"})

    def _is_signed_with_buttons(self):
        # the QC step is signed by the inspection (Sign QC Inspection), after the pickup
        return self.step != "qc" and super()._is_signed_with_buttons()
