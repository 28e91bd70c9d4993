# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class AftersalesLoan(models.Model):
    _name = "aftersales.loan"
    _description = "Loaner Unit Loan"
    _inherit = ["aftersales.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_lent desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="New")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    request_id = fields.Many2one(
        "aftersales.request", string="Service Request", check_company=True, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, check_company=True, tracking=True
    )
    product_id = fields.Many2one(
        "product.product", string="Loaner Product", required=True, check_company=True
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Loaner Serial",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
        tracking=True,
    )
    date_lent = fields.Date(readonly=True, copy=False, tracking=True)
    date_expected_return = fields.Date(
        string="Expected Back", tracking=True, default=lambda self: self._default_date_expected()
    )
    date_returned = fields.Date(readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("lent", "Lent"),
            ("returned", "Returned"),
            ("lost", "Lost"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    picking_ids = fields.Many2many(
        "stock.picking", string="Transfers", readonly=True, copy=False, check_company=True
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")

    def init(self):
        res = super().init()
        # a loaner serial is out on one loan at most, whatever the concurrency
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS aftersales_loan_lot_lent_uniq "
                "ON aftersales_loan (lot_id) WHERE state = 'lent'"
            )
        )
        return res

    @api.model
    def _default_date_expected(self):
        return fields.Date.context_today(self) + timedelta(
            days=self.env.company.aftersales_loan_days
        )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for loan in self:
            loan.is_overdue = bool(
                loan.state == "lent"
                and loan.date_expected_return
                and loan.date_expected_return < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue loans."))
        domain = [
            ("state", "=", "lent"),
            ("date_expected_return", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.onchange("request_id")
    def _onchange_request_id(self):
        for loan in self.filtered("request_id"):
            loan.partner_id = loan.request_id.partner_id

    @api.constrains("date_lent", "date_expected_return")
    def _check_dates(self):
        for loan in self:
            if (
                loan.date_lent
                and loan.date_expected_return
                and (loan.date_expected_return < loan.date_lent)
            ):
                raise UserError(
                    self.env._(
                        "The expected return date of %(name)s is before the lending date.",
                        name=loan.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code("aftersales.loan") or "New"
        return super().create(vals_list)

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

    def _aftersales_field_refusal(self, field_names):
        return self.env._("The state of a loan changes only through its buttons.")

    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals.update(
            lent=self.env._("Only a draft loan can be lent; %(name)s is past that stage."),
            returned=self.env._(
                "Only a loan that is out can be returned; %(name)s is not out on loan."
            ),
            lost=self.env._(
                "Only a loan that is out can be written off as lost; %(name)s is not out on loan."
            ),
            cancelled=self.env._(
                "Only a draft loan can be cancelled; %(name)s is past that stage."
            ),
        )
        return refusals

    def action_lend(self):
        missing = self.filtered(lambda loan: not loan.lot_id)
        if missing:
            raise UserError(
                self.env._(
                    "Choose the serial number of the loaner unit for %(names)s.",
                    names=", ".join(missing.mapped("name")),
                )
            )
        self._check_loaner_free()
        try:
            with self.env.cr.savepoint(flush=True):
                self._aftersales_transition(
                    ("draft",), "lent", {"date_lent": fields.Date.context_today(self)}
                )
                self.flush_recordset(["state"])
        except errors.UniqueViolation:
            raise UserError(self._loaner_busy_message()) from None
        self._create_transfers("out")
        return True

    def _loaner_busy_message(self, other=None):
        serial = ", ".join(self.lot_id.mapped("name"))
        if not other:
            return self.env._(
                "Loaner %(serial)s is already out on another loan; choose another unit.",
                serial=serial,
            )
        return self.env._(
            "Loaner %(serial)s is already out on loan %(loan)s; choose another unit.",
            serial=serial,
            loan=other.name,
        )

    def _check_loaner_free(self):
        """Refuse a loaner serial that is already out on another loan (the database's
        unique index refuses it too, also between two users lending at once)."""
        lent = (
            self.sudo()
            .search([("lot_id", "in", self.lot_id.ids), ("state", "=", "lent")])
            .filtered(lambda loan: loan not in self)
        )
        for loan in self:
            other = lent.filtered(lambda o, lo=loan: o.lot_id == lo.lot_id)[:1]
            if other:
                raise UserError(loan._loaner_busy_message(other))

    def action_return(self):
        self._aftersales_transition(
            ("lent",), "returned", {"date_returned": fields.Date.context_today(self)}
        )
        self._create_transfers("in")
        self.activity_unlink(["aftersales_parts.mail_activity_type_loan_overdue"])
        return True

    def action_mark_lost(self):
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise UserError(self.env._("Only an after-sales manager may write off a loaner unit."))
        self._aftersales_transition(("lent",), "lost")
        self._write_off_lost()
        return True

    def _write_off_lost(self):
        """The lost unit leaves the books (an inventory loss move of its serial, its pending
        loan transfer cancelled) and, when the settings say so, is charged to the customer."""
        Quant = self.env["stock.quant"].sudo()
        for loan in self.filtered("lot_id"):
            loan.picking_ids.filtered(lambda p: p.state not in ("done", "cancel")).action_cancel()
            quant = Quant.search(
                [
                    ("lot_id", "=", loan.lot_id.id),
                    ("quantity", ">", 0),
                    ("location_id.usage", "in", ("internal", "customer", "transit")),
                ],
                limit=1,
            )
            if quant:
                product = loan.product_id.with_company(loan.company_id)
                loss = product.property_stock_inventory
                move = (
                    self.env["stock.move"]
                    .sudo()
                    .create(
                        {
                            "name": self.env._("Lost loaner %(serial)s", serial=loan.lot_id.name),
                            "origin": loan.name,
                            "product_id": product.id,
                            "product_uom": product.uom_id.id,
                            "product_uom_qty": 1.0,
                            "location_id": quant.location_id.id,
                            "location_dest_id": loss.id,
                            "company_id": loan.company_id.id,
                            "move_line_ids": [
                                fields.Command.create(
                                    {
                                        "product_id": product.id,
                                        "product_uom_id": product.uom_id.id,
                                        "lot_id": loan.lot_id.id,
                                        "quantity": 1.0,
                                        "location_id": quant.location_id.id,
                                        "location_dest_id": loss.id,
                                        "company_id": loan.company_id.id,
                                    }
                                )
                            ],
                        }
                    )
                )
                move._action_confirm()
                move.picked = True
                move._action_done()
            if loan.company_id.aftersales_loan_charge_lost:
                order = (
                    self.env["sale.order"]
                    .sudo()
                    .create(
                        {
                            "partner_id": loan.partner_id.id,
                            "company_id": loan.company_id.id,
                            "origin": loan.name,
                            "order_line": [
                                fields.Command.create(
                                    {
                                        "product_id": loan.product_id.id,
                                        "product_uom_qty": 1.0,
                                        "name": self.env._(
                                            "Loaner %(serial)s lost (loan %(loan)s)",
                                            serial=loan.lot_id.name,
                                            loan=loan.name,
                                        ),
                                    }
                                )
                            ],
                        }
                    )
                )
                loan.message_post(
                    body=self.env._(
                        "Written off as lost; quotation %(order)s charges the customer.",
                        order=order.name,
                    )
                )

    def action_cancel(self):
        self._aftersales_transition(("draft",), "cancelled")
        return True

    def _prepare_transfer_vals(self, direction):
        """Values of the transfer taking the loaner out of (or back into) the loaner stock."""
        self.ensure_one()
        company = self.company_id
        warehouse = company.aftersales_parts_warehouse_id
        customer_location = self.partner_id.property_stock_customer
        loaner_location = company.aftersales_loaner_location_id
        if direction == "out":
            picking_type, source, dest = warehouse.out_type_id, loaner_location, customer_location
        else:
            picking_type, source, dest = warehouse.in_type_id, customer_location, loaner_location
        move = {
            "name": self.name,
            "product_id": self.product_id.id,
            "product_uom": self.product_id.uom_id.id,
            "product_uom_qty": 1.0,
            "location_id": source.id,
            "location_dest_id": dest.id,
            "company_id": company.id,
            "move_line_ids": [
                fields.Command.create(
                    {
                        "product_id": self.product_id.id,
                        "product_uom_id": self.product_id.uom_id.id,
                        "lot_id": self.lot_id.id,
                        "quantity": 1.0,
                        "location_id": source.id,
                        "location_dest_id": dest.id,
                        "company_id": company.id,
                    }
                )
            ],
        }
        return {
            "picking_type_id": picking_type.id,
            "partner_id": self.partner_id.id,
            "origin": self.name,
            "location_id": source.id,
            "location_dest_id": dest.id,
            "company_id": company.id,
            "move_ids": [fields.Command.create(move)],
        }

    def _create_transfers(self, direction):
        """Outgoing or return transfer of the loaner units, when a parts warehouse is set."""
        loans = self.filtered(
            lambda loan: (
                loan.company_id.aftersales_parts_warehouse_id
                and loan.company_id.aftersales_loaner_location_id
            )
        )
        if not loans:
            return self.env["stock.picking"]
        Picking = self.env["stock.picking"].sudo()
        pickings = Picking.create([loan._prepare_transfer_vals(direction) for loan in loans])
        pickings.action_confirm()
        for loan, picking in zip(loans, pickings, strict=True):
            loan.picking_ids = [fields.Command.link(picking.id)]
        return pickings

    @api.model
    def _cron_flag_overdue(self):
        """One 'loaner overdue' activity per overdue loan, however often this runs."""
        activity_type = self.env.ref("aftersales_parts.mail_activity_type_loan_overdue")
        # ir.cron runs one job at a time: no second worker flags the same loans
        overdue = self.search([("is_overdue", "=", True)])
        flagged = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", overdue.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        )
        flagged_ids = set(flagged.mapped("res_id"))
        for loan in overdue.filtered(lambda loan: loan.id not in flagged_ids):
            loan.activity_schedule(
                "aftersales_parts.mail_activity_type_loan_overdue",
                date_deadline=fields.Date.context_today(self),
                summary=self.env._("Loaner %(serial)s is overdue", serial=loan.lot_id.name or ""),
                user_id=(loan.request_id.user_id or loan.create_uid).id,
            )
        return True

    def action_view_transfers(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transfers"),
            "res_model": "stock.picking",
            "view_mode": "list,form",
            "domain": [("id", "in", self.picking_ids.ids)],
        }
