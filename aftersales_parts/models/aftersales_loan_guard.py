# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class AftersalesLoan(models.Model):
    _inherit = "aftersales.loan"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_lent(self):
        for loan in self:
            if loan.state not in ("draft", "cancelled"):
                raise UserError(
                    self.env._(
                        "Loan %(name)s has gone out to a customer and keeps its history; "
                        "it cannot be deleted.",
                        name=loan.name,
                    )
                )
