# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import float_compare

NOT_COUNTED_STATES = ("cancelled", "refused")
FROZEN_FIELDS = {
    "return_id",
    "product_id",
    "lot_id",
    "sale_line_id",
    "quantity",
    "price_unit",
    "reason_kind",
}


class AftersalesReturnLine(models.Model):
    _name = "aftersales.return.line"
    _description = "Return Line"
    _inherit = ["aftersales.state.mixin"]
    _order = "return_id, sequence, id"
    _check_company_auto = True

    return_id = fields.Many2one("aftersales.return", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    # stored related and computed fields are precomputed: they go into the line's INSERT
    # instead of an UPDATE of the new lines afterwards
    company_id = fields.Many2one(
        related="return_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="return_id.currency_id")
    commercial_partner_id = fields.Many2one(
        related="return_id.commercial_partner_id", store=True, index=True, precompute=True
    )
    return_state = fields.Selection(
        related="return_id.state", store=True, index=True, precompute=True
    )
    return_date = fields.Date(
        related="return_id.date_request", store=True, index=True, precompute=True
    )
    product_id = fields.Many2one("product.product", required=True, check_company=True, index=True)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Sale Order Line",
        domain="[('product_id', '=', product_id), ('state', '=', 'sale'), "
        "('order_partner_id.commercial_partner_id', '=', commercial_partner_id)]",
        help="The original sale the goods come from; its unit price is taken.",
    )
    sale_order_id = fields.Many2one(related="sale_line_id.order_id", string="Sale Order")
    quantity = fields.Float(default=1.0, required=True, digits="Product Unit of Measure")
    price_unit = fields.Float(digits="Product Price", help="Taken from the original sale line.")
    price_subtotal = fields.Monetary(
        string="Amount", compute="_compute_price_subtotal", store=True, precompute=True
    )
    reason_kind = fields.Selection(
        [("unsaleable", "Unsaleable Exchange"), ("quality", "Quality")],
        required=True,
        default="unsaleable",
    )
    reason = fields.Char(string="Reason Detail")
    replacement_product_id = fields.Many2one(
        "product.product",
        string="Exchange For",
        check_company=True,
        help="For an exchange: the product shipped instead (empty: the same product). The "
        "price difference is settled by a credit note or an invoice.",
    )
    replacement_qty = fields.Float(
        string="Replacement Quantity",
        digits="Product Unit of Measure",
        help="How many replacement units are shipped (empty: the accepted quantity).",
    )
    replacement_price_unit = fields.Float(
        string="Replacement Unit Price",
        digits="Product Price",
        compute="_compute_replacement_price_unit",
        store=True,
        precompute=True,
        readonly=False,
        help="Price charged for the replacement product; by default its sales price.",
    )
    is_refused = fields.Boolean(
        string="Refused at Inspection",
        readonly=True,
        copy=False,
        help="The goods go back to the customer; the line leaves the stock-in and the amounts.",
    )
    accepted_qty = fields.Float(
        string="Accepted Quantity",
        compute="_compute_accepted",
        digits="Product Unit of Measure",
    )
    accepted_amount = fields.Monetary(compute="_compute_accepted")
    move_ids = fields.One2many("stock.move", "aftersales_return_line_id", string="Stock Moves")

    @api.depends("quantity", "price_unit")
    def _compute_price_subtotal(self):
        for line in self:
            line.price_subtotal = line.quantity * line.price_unit

    @api.depends("replacement_product_id")
    def _compute_replacement_price_unit(self):
        for line in self:
            line.replacement_price_unit = line.replacement_product_id.lst_price

    @api.depends("quantity", "price_unit", "is_refused")
    def _compute_accepted(self):
        for line in self:
            line.accepted_qty = 0.0 if line.is_refused else line.quantity
            line.accepted_amount = line.accepted_qty * line.price_unit

    @api.constrains("quantity", "product_id", "return_id", "is_refused", "sale_line_id")
    def _check_quantity_delivered(self):
        """Never more than what was delivered minus what is on open or received returns:
        per sale line, and per customer and product over all their sale lines."""
        if any(line.quantity <= 0 for line in self):
            raise ValidationError(self.env._("A returned quantity must be positive."))
        lines = self.filtered(lambda line: not line.is_refused)
        if not lines:
            return
        wrong_customer = lines.filtered(
            lambda line: (
                line.sale_line_id
                and line.sale_line_id.sudo().order_partner_id.commercial_partner_id
                != line.commercial_partner_id
            )
        )
        if wrong_customer:
            raise ValidationError(
                self.env._(
                    "%(order)s was not sold to %(customer)s: a return holds only sale orders "
                    "of its own customer.",
                    order=wrong_customer[0].sale_line_id.sudo().order_id.name,
                    customer=wrong_customer[0].commercial_partner_id.display_name,
                )
            )
        partners = lines.commercial_partner_id
        products = lines.product_id
        delivered_by_sale_line = self.env["sale.order.line"]._aftersales_returnable_base(
            partners.ids, products.ids
        )
        delivered = defaultdict(float)
        for partner_id, product_id, qty in delivered_by_sale_line.values():
            delivered[partner_id, product_id] += qty
        # what is already on open or received returns, per customer and product and per
        # sale line: one grouped read (customer, product, sale line) for both sums
        counted = [
            ("return_state", "not in", NOT_COUNTED_STATES),
            ("is_refused", "=", False),
        ]
        same_goods = [
            ("commercial_partner_id", "in", partners.ids),
            ("product_id", "in", products.ids),
        ]
        sale_line_ids = set(lines.sale_line_id.ids)
        same_sale_lines = [("sale_line_id", "in", list(sale_line_ids))]
        returned = defaultdict(float)
        returned_by_sale_line = defaultdict(float)
        for partner, product, sale_line, qty in self.sudo()._read_group(
            expression.AND(
                [
                    counted,
                    expression.OR([same_goods, same_sale_lines]),
                ]
            ),
            ["commercial_partner_id", "product_id", "sale_line_id"],
            ["quantity:sum"],
        ):
            if partner in partners and product in products:
                returned[partner.id, product.id] += qty
            if sale_line.id in sale_line_ids:
                returned_by_sale_line[sale_line.id] += qty
        # quantities compared at the precision of their field (no read of the products)
        digits = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        for line in lines:
            key = (line.commercial_partner_id.id, line.product_id.id)
            checks = [(delivered[key], returned[key])]
            if line.sale_line_id:
                checks.append(
                    (
                        delivered_by_sale_line.get(line.sale_line_id.id, (0, 0, 0.0))[2],
                        returned_by_sale_line[line.sale_line_id.id],
                    )
                )
            for delivered_qty, returned_qty in checks:
                if float_compare(returned_qty, delivered_qty, precision_digits=digits) > 0:
                    raise ValidationError(
                        self.env._(
                            "%(customer)s received %(delivered)s of %(product)s and already "
                            "returns %(returned)s: a return cannot exceed what was delivered.",
                            customer=line.commercial_partner_id.display_name,
                            delivered=delivered_qty,
                            product=line.product_id.display_name,
                            returned=returned_qty,
                        )
                    )

    @api.constrains("lot_id", "quantity", "return_id", "is_refused")
    def _check_lot(self):
        """A serial was delivered to this customer and is on no other open or received
        return."""
        lines = self.filtered(
            lambda line: line.lot_id and line.product_id.tracking != "none" and not line.is_refused
        )
        if not lines:
            return
        delivered = lines._aftersales_delivered_lot_moves()
        others = self.sudo().search(
            [
                ("lot_id", "in", lines.lot_id.ids),
                ("id", "not in", lines.ids),
                ("return_state", "not in", NOT_COUNTED_STATES),
                ("is_refused", "=", False),
            ]
        )
        for line in lines:
            serial = line.lot_id.name
            if line.product_id.tracking == "serial" and line.quantity != 1:
                raise ValidationError(
                    self.env._(
                        "Serial number %(serial)s is one unit: return it with quantity 1.",
                        serial=serial,
                    )
                )
            if not delivered.get(line.id):
                raise ValidationError(
                    self.env._(
                        "Serial number %(serial)s was not delivered to %(customer)s: "
                        "only units delivered to the customer can be returned.",
                        serial=serial,
                        customer=line.commercial_partner_id.display_name,
                    )
                )
            other = others.filtered(lambda o, line=line: o.lot_id == line.lot_id)[:1]
            if other or len(lines.filtered(lambda o, line=line: o.lot_id == line.lot_id)) > 1:
                raise ValidationError(
                    self.env._(
                        "Serial number %(serial)s is already on return %(name)s.",
                        serial=serial,
                        name=(other or line).return_id.name,
                    )
                )

    def _aftersales_delivered_lot_moves(self):
        """{line id: the done delivery moves of the line's serial to its customer}, newest
        first, on the line's sale line when it has one."""
        move_lines = (
            self.env["stock.move.line"]
            .sudo()
            .search(
                [
                    ("lot_id", "in", self.lot_id.ids),
                    ("state", "=", "done"),
                    ("location_dest_id.usage", "=", "customer"),
                    ("location_id.usage", "!=", "customer"),
                ],
                order="date desc, id desc",
            )
        )
        result = {}
        for line in self:
            moves = move_lines.filtered(
                lambda ml, line=line: (
                    ml.lot_id == line.lot_id
                    and (ml.move_id.partner_id or ml.picking_id.partner_id).commercial_partner_id
                    == line.commercial_partner_id
                )
            ).move_id
            if line.sale_line_id:
                moves = moves.filtered(lambda m, line=line: m.sale_line_id == line.sale_line_id)
            result[line.id] = moves
        return result

    def _aftersales_delivery_move(self):
        """The delivery move this line returns (Odoo's origin_returned_move_id): the newest
        done delivery of its serial, or of its sale line."""
        self.ensure_one()
        if self.lot_id and self.product_id.tracking != "none":
            return self._aftersales_delivered_lot_moves()[self.id][:1]
        if self.sale_line_id:
            moves = self.sale_line_id.sudo().move_ids
        else:
            moves = (
                self.env["stock.move"]
                .sudo()
                .search(
                    [
                        ("product_id", "=", self.product_id.id),
                        (
                            "sale_line_id.order_partner_id.commercial_partner_id",
                            "=",
                            self.commercial_partner_id.id,
                        ),
                        ("state", "=", "done"),
                    ]
                )
            )
        return moves.filtered(
            lambda m: (
                m.state == "done"
                and m.product_id == self.product_id
                and m.location_dest_id.usage == "customer"
                and m.location_id.usage != "customer"
            )
        ).sorted(lambda m: (m.date, m.id), reverse=True)[:1]

    def _aftersales_to_refund(self):
        """Whether the stock-in of this line updates the sale (Odoo's to_refund): the goods
        come back for good, so the sale line's delivered quantity goes down."""
        self.ensure_one()
        outcome = self.return_id.desired_outcome
        exchanged_for_other = (
            outcome == "exchange" and self._replacement_product() != self.product_id
        )
        return (outcome == "refund" or exchanged_for_other) and not self.is_refused

    def _replacement_product(self):
        self.ensure_one()
        return self.replacement_product_id or self.product_id

    def _replacement_qty(self):
        self.ensure_one()
        return self.replacement_qty or self.accepted_qty

    @api.onchange("product_id")
    def _onchange_product_id(self):
        for line in self.filtered("product_id"):
            if line.sale_line_id.product_id != line.product_id:
                line.sale_line_id = (
                    self.env["sale.order.line"]
                    .sudo()
                    .search(
                        [
                            ("product_id", "=", line.product_id.id),
                            ("state", "=", "sale"),
                            (
                                "order_partner_id.commercial_partner_id",
                                "=",
                                line.commercial_partner_id.id,
                            ),
                        ],
                        order="id desc",
                        limit=1,
                    )
                )

    @api.onchange("sale_line_id")
    def _onchange_sale_line_id(self):
        for line in self.filtered("sale_line_id"):
            line.price_unit = line.sale_line_id.sudo().price_reduce_taxexcl

    def _aftersales_transition_fields(self):
        """Only the QC inspection refuses a line (it has no state of its own)."""
        return {"is_refused"}

    def _aftersales_field_refusal(self, field_names):
        return self.env._("Only the QC inspection refuses a return line.")

    def _aftersales_protected_fields(self):
        return set(FROZEN_FIELDS)

    def _aftersales_is_frozen(self):
        self.ensure_one()
        return self.return_id.state != "draft"

    def _aftersales_frozen_refusal(self, fields_changed):
        return self.env._(
            "The products of return %(name)s are frozen once it is submitted.",
            name=self.return_id.name,
        )

    def _check_return_is_draft(self):
        frozen = self.filtered(lambda line: line._aftersales_is_frozen())
        if frozen:
            raise UserError(frozen[0]._aftersales_frozen_refusal(FROZEN_FIELDS))

    @api.model_create_multi
    def create(self, vals_list):
        sale_lines = (
            self.env["sale.order.line"]
            .sudo()
            .browse([vals["sale_line_id"] for vals in vals_list if vals.get("sale_line_id")])
        )
        # only what the return reads of them (price, order, customer, product): a sale line
        # is a wide row
        sale_lines.fetch(["price_reduce_taxexcl", "order_id", "order_partner_id", "product_id"])
        # and of the products, what the company check reads (as superuser, as it does; a
        # product is a wide row, and its template a wider one)
        products = (
            self.env["product.product"]
            .sudo()
            .browse({vals["product_id"] for vals in vals_list if vals.get("product_id")})
        )
        products.fetch(["product_tmpl_id"])
        products.product_tmpl_id.fetch(["company_id"])
        prices = {line.id: line.price_reduce_taxexcl for line in sale_lines}
        for vals in vals_list:
            if vals.get("sale_line_id") and "price_unit" not in vals:
                vals["price_unit"] = prices[vals["sale_line_id"]]
            if not self._aftersales_in_transition():
                vals.pop("is_refused", None)
        lines = super().create(vals_list)
        lines._check_return_is_draft()
        return lines

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        self._check_return_is_draft()
