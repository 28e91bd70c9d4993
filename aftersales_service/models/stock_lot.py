# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockLot(models.Model):
    _inherit = "stock.lot"

    aftersales_warranty_ids = fields.One2many("aftersales.warranty", "lot_id", string="Warranties")
    aftersales_warranty_id = fields.Many2one(
        "aftersales.warranty",
        string="Warranty",
        compute="_compute_aftersales_warranty",
        help="The warranty that applies to this serial now.",
    )
    aftersales_warranty_state = fields.Selection(
        [
            ("none", "No Warranty"),
            ("pending", "Awaiting Installation"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("void", "Void"),
        ],
        string="Warranty State",
        compute="_compute_aftersales_warranty",
    )
    aftersales_warranty_date_end = fields.Date(
        string="Warranty Until", compute="_compute_aftersales_warranty"
    )
    aftersales_warranty_count = fields.Integer(
        string="Warranty Count", compute="_compute_aftersales_warranty"
    )

    @api.depends("aftersales_warranty_ids.state", "aftersales_warranty_ids.date_end_max")
    def _compute_aftersales_warranty(self):
        warranties = (
            self.env["aftersales.warranty"]
            .sudo()
            .search_fetch([("lot_id", "in", self.ids)], ["lot_id", "state", "date_end_max"])
        )
        for lot in self:
            found = warranties.filtered(lambda w, lot=lot: w.lot_id.id == lot.id)
            warranty = found._aftersales_best()
            lot.aftersales_warranty_count = len(found)
            lot.aftersales_warranty_id = warranty.with_env(self.env)
            lot.aftersales_warranty_state = warranty.state or "none"
            lot.aftersales_warranty_date_end = warranty.date_end_max or False

    def action_view_aftersales_warranties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_warranty_action"
        )
        action["domain"] = [("lot_id", "=", self.id)]
        return action
