# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_return_id = fields.Many2one(
        "aftersales.return", string="After-Sales Return", index="btree_not_null", copy=False
    )
    aftersales_driver_name = fields.Char(
        string="Driver",
        help="The driver who collects the goods against this return transport order.",
    )

    def _check_aftersales_return_signatures(self):
        """A return's stock-in waits for every signature the return needs."""
        for picking in self.filtered(
            lambda p: p.aftersales_return_id and p.picking_type_code == "incoming"
        ):
            missing = picking.aftersales_return_id._aftersales_missing_signatures()
            if missing:
                raise UserError(
                    self.env._(
                        "%(picking)s cannot be validated: return %(name)s still lacks the "
                        "signature of %(missing)s.",
                        picking=picking.name,
                        name=picking.aftersales_return_id.name,
                        missing=", ".join(missing),
                    )
                )

    def button_validate(self):
        self._check_aftersales_return_signatures()
        return super().button_validate()

    def _action_done(self):
        self._check_aftersales_return_signatures()
        res = super()._action_done()
        stock_in = self.filtered(
            lambda p: (
                p.aftersales_return_id and p.picking_type_code == "incoming" and p.state == "done"
            )
        )
        stock_in.aftersales_return_id._on_stock_in()
        return res
