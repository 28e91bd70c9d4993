# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class AftersalesRequest(models.Model):
    _inherit = "aftersales.request"

    @api.constrains("lot_id", "product_id", "partner_id")
    def _check_lot_belongs_to_customer(self):
        """A serial number must be of the product and, once delivered, of this customer."""
        # the serial and its deliveries are checked whoever types them (agents need not
        # read stock moves)
        with_lot = self.sudo().filtered("lot_id")
        for request in with_lot:
            if request.product_id and request.lot_id.product_id != request.product_id:
                raise ValidationError(
                    self.env._(
                        "Serial number %(lot)s is a %(lot_product)s, not a %(product)s.",
                        lot=request.lot_id.name,
                        lot_product=request.lot_id.product_id.display_name,
                        product=request.product_id.display_name,
                    )
                )
        owners = self._aftersales_lot_owners(with_lot.lot_id)
        for request in with_lot:
            owner = owners.get(request.lot_id.id)
            if owner and owner != request.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "Serial number %(lot)s was delivered to %(owner)s, not to %(customer)s. "
                        "Check the serial number or the customer.",
                        lot=request.lot_id.name,
                        owner=owner.display_name,
                        customer=request.partner_id.display_name,
                    )
                )

    @api.model
    def _aftersales_lot_owners(self, lots):
        """{lot id: commercial partner} for the lots whose last done move went to a customer."""
        if not lots:
            return {}
        lines = (
            self.env["stock.move.line"]
            .sudo()
            .search(
                [("lot_id", "in", lots.ids), ("state", "=", "done")],
                order="date desc, id desc",
            )
        )
        owners = {}
        for line in lines:
            if line.lot_id.id in owners:
                continue
            partner = line.picking_partner_id or line.move_id.partner_id
            is_delivery = line.location_dest_id.usage == "customer"
            owners[line.lot_id.id] = partner.commercial_partner_id if is_delivery else False
        return {lot_id: owner for lot_id, owner in owners.items() if owner}
