# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, html2plaintext, plaintext2html

from ..rules import installation as installation_rules
from ..rules import sla as sla_rules

CLOSED_STATES = ("done", "closed", "cancelled")


class AftersalesRequest(models.Model):
    _name = "aftersales.request"
    _description = "Service Request"
    _inherit = ["aftersales.state.mixin", "portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "is_vip desc, priority desc, date_request desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="New", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        help="The agent or dispatcher who owns the request.",
    )
    technician_id = fields.Many2one("hr.employee", tracking=True, check_company=True, index=True)
    technician_user_id = fields.Many2one(
        related="technician_id.user_id", store=True, string="Technician User", index=True
    )
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("portal", "Web / Portal"),
            ("walk_in", "Walk-in"),
            ("partner", "Service Partner"),
        ],
        default="phone",
        required=True,
    )
    request_type = fields.Selection(
        [
            ("usage", "Usage Question"),
            ("repair", "Fault Repair"),
            ("installation", "Installation"),
            ("maintenance", "Cleaning / Maintenance"),
            ("policy", "Policy Question"),
            ("complaint", "Complaint"),
            ("return", "Return / Exchange"),
        ],
        string="Type",
        default="repair",
        required=True,
        tracking=True,
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "High"), ("2", "Urgent")],
        compute="_compute_priority",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="At least the minimum priority of the customer's care level.",
    )
    product_id = fields.Many2one("product.product", check_company=True, tracking=True)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        check_company=True,
        domain="[('product_id', '=?', product_id)]",
        tracking=True,
    )
    component = fields.Char(
        string="Failed Component",
        tracking=True,
        help="The part of the unit that failed, e.g. Compressor. It decides which line of "
        "the warranty applies: a component with its own warranty is covered for its own "
        "period, any other part for the unit's.",
    )
    description = fields.Html(string="Fault Symptoms")
    commissioning_checklist = fields.Html(
        compute="_compute_commissioning_checklist",
        store=True,
        readonly=False,
        copy=False,
        help="Installation jobs: the company's commissioning checklist; tick every item "
        "before the customer signs the joint acceptance.",
    )
    installation_signature = fields.Image(
        string="Acceptance Signature", copy=False, max_width=1024, max_height=1024
    )
    installation_signed_by = fields.Char(string="Accepted By", copy=False)
    date_installation_accepted = fields.Datetime(
        string="Installation Accepted On", copy=False, readonly=True
    )
    answer = fields.Html(
        string="Answer Given",
        copy=False,
        help="For usage and policy questions: what the agent told the customer. Answer & "
        "Close logs it in the chatter and closes the question.",
    )
    date_request = fields.Datetime(
        string="Requested On", default=fields.Datetime.now, required=True, index=True
    )
    date_done = fields.Datetime(string="Completed On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("new", "New"),
            ("assessed", "Assessed"),
            ("scheduled", "Scheduled"),
            ("in_progress", "In Progress"),
            ("waiting_parts", "Waiting for Parts"),
            ("done", "Done"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        # one word for it everywhere (buttons' messages, filters, group-by, portal)
        string="Stage",
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand="_group_expand_states",
    )
    color = fields.Integer()

    # Intake
    contact_id = fields.Many2one(
        "res.partner",
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
        help="The person who called or wrote, when it is not the customer itself.",
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
        string="Customer Company",
    )
    address_id = fields.Many2one(
        "res.partner",
        string="Service Address",
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
        help="Where the unit stands. Empty: the customer's address.",
    )
    zone = fields.Selection(
        [("city", "City"), ("suburb", "Suburb"), ("system", "System Customer")],
        compute="_compute_zone",
        store=True,
        readonly=False,
        tracking=True,
        help="Decides the on-site arrival promise. Taken from the customer (system customers) "
        "or the service address (same city as the company: city; otherwise suburb); "
        "can be set by hand.",
    )
    visit_contract_id = fields.Many2one(
        "aftersales.contract",
        string="Visit of Contract",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="Preventive maintenance visit planned by this service contract.",
    )
    date_purchase = fields.Date(
        string="Purchase Date",
        compute="_compute_date_purchase",
        store=True,
        readonly=False,
        help="Filled from the delivery of the serial number to the customer; can be typed "
        "when the unit was not delivered by us.",
    )
    date_fault = fields.Datetime(string="Fault Since")
    complexity = fields.Selection(
        [("simple", "Simple (remote help)"), ("complex", "Complex (on-site or workshop)")],
        tracking=True,
        help="The dispatcher's first technical assessment.",
    )

    # SLA: promises and the moments they were kept
    sla_policy_id = fields.Many2one(
        "aftersales.sla.policy", string="SLA Policy", compute="_compute_deadlines", store=True
    )
    deadline_response = fields.Datetime(
        string="First Answer Due", compute="_compute_deadlines", store=True
    )
    deadline_appointment = fields.Datetime(
        string="Appointment Due", compute="_compute_deadlines", store=True
    )
    deadline_arrival = fields.Datetime(
        string="Arrival Due",
        compute="_compute_deadlines",
        store=True,
        help="On-site arrival, or start of remote help for simple problems.",
    )
    deadline_resolution = fields.Datetime(
        string="Resolution Due", compute="_compute_deadlines", store=True
    )
    date_responded = fields.Datetime(string="Answered On", copy=False, tracking=True)
    date_appointed = fields.Datetime(
        string="Appointment Fixed On",
        copy=False,
        readonly=True,
        help="When the agent recorded the customer's agreement to the appointment (Customer "
        "Agreed); this keeps the appointment promise of the SLA.",
    )
    date_appointment = fields.Datetime(string="Appointment", copy=False, tracking=True)
    date_appointment_end = fields.Datetime(string="Appointment End", copy=False)
    date_arrived = fields.Datetime(
        string="Arrived On",
        copy=False,
        tracking=True,
        help="Technician on site, or remote help started.",
    )
    sla_state = fields.Selection(
        [("on_track", "On Track"), ("at_risk", "At Risk"), ("breached", "Breached")],
        string="SLA",
        compute="_compute_sla_state",
        store=True,
        index=True,
    )
    is_sla_breached = fields.Boolean(
        string="SLA Breached", compute="_compute_sla_state", store=True, index=True
    )
    date_sla_alert = fields.Datetime(string="SLA Alert Sent On", copy=False, readonly=True)
    deadline_resolution_told = fields.Datetime(
        string="Resolution Date Told",
        copy=False,
        readonly=True,
        help="The resolution date the customer was last told; when a public holiday moves "
        "the promise, the customer is told the new date.",
    )
    date_progress_report = fields.Datetime(
        string="Last Progress Report",
        copy=False,
        readonly=True,
        help="When the customer last received a progress message (complex requests).",
    )

    # Dispatch and follow-up
    is_carried_over = fields.Boolean(
        string="Carried Over",
        copy=False,
        readonly=True,
        help="Not finished on its day: to be dispatched first the next day.",
    )
    date_escalated = fields.Datetime(string="Escalated On", copy=False, readonly=True)
    date_callback = fields.Datetime(
        string="Callback Logged On",
        copy=False,
        readonly=True,
        help="When the customer was called back after completion.",
    )
    # Warranty and contract coverage (from the warranty register)
    warranty_status = fields.Selection(
        [
            ("covered", "In Warranty / Under Contract"),
            ("not_covered", "Not Covered"),
            ("void", "Warranty Void"),
        ],
        string="Coverage",
        compute="_compute_warranty_status",
        store=True,
        tracking=True,
        help="Checked against the warranty register and service contracts on the request "
        "date. Covered by a warranty: work is free (C); by a contract: its terms (B); "
        "otherwise paid (A).",
    )
    warranty_reason = fields.Char(
        string="Coverage Reason", compute="_compute_warranty_status", store=True
    )
    # indexed: deleting a warranty sets this to NULL, which scanned every request without it
    warranty_id = fields.Many2one(
        "aftersales.warranty",
        compute="_compute_warranty_status",
        store=True,
        index="btree_not_null",
    )
    contract_id = fields.Many2one(
        "aftersales.contract",
        string="Service Contract",
        compute="_compute_warranty_status",
        store=True,
    )
    warranty_date_end = fields.Date(
        string="Covered Until", compute="_compute_warranty_status", store=True
    )
    coverage_source = fields.Selection(
        [("warranty", "Warranty"), ("contract", "Service Contract")],
        compute="_compute_warranty_status",
        store=True,
    )
    is_acknowledgment_pending = fields.Boolean(
        string="Acknowledgment Pending",
        copy=False,
        readonly=True,
        index=True,
        help="Recorded and not yet acknowledged: the acknowledgment job, triggered when the "
        "request is saved, posts the acknowledgment within a minute.",
    )
    work_log_ids = fields.One2many("aftersales.work.log", "request_id", string="Work Logs")
    work_hours = fields.Float(string="Hours Worked", compute="_compute_work_hours")
    # dispatch to an authorised service partner instead of an in-house technician (issue 19)
    service_partner_id = fields.Many2one(
        "res.partner",
        tracking=True,
        index=True,
        copy=False,
        domain="[('is_company', '=', True), "
        "('aftersales_partner_state', 'in', ('active', 'warned'))]",
        help="The authorised service partner the request is dispatched to instead of an "
        "in-house technician; its portal users work it. Only partners whose agreement covers "
        "the service address and the product; a manager can take it back at any moment.",
    )
    date_partner_accepted = fields.Datetime(
        string="Accepted by Partner On", copy=False, readonly=True, tracking=True
    )
    partner_user_id = fields.Many2one(
        "res.users",
        string="Partner's Technician",
        copy=False,
        readonly=True,
        help="The service partner's user who accepted the request.",
    )
    partner_signature = fields.Image(
        string="Customer's Signature", copy=False, readonly=True, max_width=1024, max_height=1024
    )
    partner_signed_by = fields.Char(string="Signed By", copy=False, readonly=True)
    part_ids = fields.One2many("aftersales.request.part", "request_id", string="Parts Used")

    repair_ids = fields.One2many("repair.order", "aftersales_request_id", string="Repairs")
    # the repairs the user may read (a return approver or an accountant without
    # Inventory rights opens the request all the same)
    repair_count = fields.Integer(compute="_compute_repair_count", compute_sudo=True)
    # the invoices themselves belong to invoicing users; every reader of the request sees
    # how many there are and how far they are paid
    invoice_ids = fields.One2many(
        "account.move",
        "aftersales_request_id",
        string="Invoices",
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    invoice_count = fields.Integer(compute="_compute_invoice_state", compute_sudo=True)
    invoice_payment_state = fields.Selection(
        [
            ("none", "Nothing to Invoice"),
            ("draft", "Draft Invoice"),
            ("not_paid", "Invoiced, Not Paid"),
            ("partial", "Partially Paid"),
            ("paid", "Paid"),
        ],
        string="Payment",
        compute="_compute_invoice_state",
        compute_sudo=True,
        help="Draft: invoiced on paper only, nothing is due yet. Invoiced, not paid: a posted "
        "invoice waits for its payment. Partially paid: part of what is invoiced is paid.",
    )
    repair_parts_cost = fields.Monetary(
        string="Parts Cost",
        currency_field="repair_currency_id",
        compute="_compute_repair_parts_cost",
        compute_sudo=True,
        help="Cost of the parts used by the repairs of this request, charged or not.",
    )
    repair_currency_id = fields.Many2one(related="company_id.currency_id")
    customer_signature = fields.Image(copy=False, max_width=1024, max_height=1024)

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    @api.depends("partner_id", "address_id.city", "company_id")
    def _compute_zone(self):
        for request in self:
            commercial = request.partner_id.commercial_partner_id
            address = request.address_id or request.partner_id
            if commercial.aftersales_zone:
                request.zone = commercial.aftersales_zone
            elif not address.city:
                request.zone = request.zone or "city"
            elif (address.city or "").strip().lower() == (
                request.company_id.city or ""
            ).strip().lower():
                request.zone = "city"
            else:
                request.zone = "suburb"

    @api.depends("lot_id")
    def _compute_date_purchase(self):
        deliveries = self._aftersales_lot_deliveries(self.lot_id)
        for request in self:
            delivery = deliveries.get(request.lot_id.id)
            request.date_purchase = (
                fields.Date.context_today(request, delivery[1])
                if delivery
                else request.date_purchase
            )

    @api.depends("request_type", "company_id")
    def _compute_commissioning_checklist(self):
        for request in self:
            if request.request_type == "installation" and not request.commissioning_checklist:
                request.commissioning_checklist = installation_rules.checklist_html(
                    request.company_id.aftersales_commissioning_checklist
                )
            else:
                request.commissioning_checklist = request.commissioning_checklist

    @api.depends(
        lambda self: ["date_request", *self.env["aftersales.sla.policy"]._aftersales_criteria()]
    )
    def _compute_deadlines(self):
        policies = self.env["aftersales.sla.policy"].search([])
        criteria = policies._aftersales_criteria()
        targets_by_key = {}
        self.sla_policy_id = False
        for company in self.company_id:
            requests = self.filtered(lambda r, c=company: r.company_id == c and r.date_request)
            if not requests:
                continue
            working_deadline = company._aftersales_working_deadline_finder(
                min(requests.mapped("date_request")), max(requests.mapped("date_request"))
            )
            hours_per_day = company._aftersales_calendar().hours_per_day or 8.0
            for request in requests:
                # the targets depend only on the company and the policy criteria: match the
                # policies once per combination, not once per request (SLA scan at scale)
                key = (request.company_id.id, *(request[fname] for fname in criteria))
                targets = targets_by_key.get(key)
                if targets is None:
                    targets = targets_by_key[key] = policies._aftersales_targets(request)
                for target, (duration, unit, policy) in targets.items():
                    if not policy:
                        request[f"deadline_{target}"] = False
                        continue
                    hours = duration * hours_per_day if unit == "working_days" else duration
                    if unit == "hours":
                        deadline = sla_rules.wall_deadline(request.date_request, hours)
                    else:
                        deadline = working_deadline(request.date_request, hours)
                    request[f"deadline_{target}"] = deadline
                used = [policy for _d, _u, policy in targets.values() if policy]
                if used:
                    request.sla_policy_id = max(used, key=lambda p: (p.specificity, -p.sequence))
        for request in self - self.filtered("date_request"):
            request.update(dict.fromkeys(self._aftersales_deadline_fields(), False))

    @api.model
    def _aftersales_deadline_fields(self):
        return [
            "deadline_response",
            "deadline_appointment",
            "deadline_arrival",
            "deadline_resolution",
        ]

    def _aftersales_promises(self):
        """(deadline, moment met) of each promise; completion counts as meeting them all."""
        self.ensure_one()
        done = self.date_done
        return [
            (self.deadline_response, self.date_responded or done),
            (self.deadline_appointment, self.date_appointed or done),
            (self.deadline_arrival, self.date_arrived or done),
            (self.deadline_resolution, done),
        ]

    @api.depends(
        "deadline_response",
        "deadline_appointment",
        "deadline_arrival",
        "deadline_resolution",
        "date_responded",
        "date_appointed",
        "date_arrived",
        "date_done",
        "state",
    )
    def _compute_sla_state(self):
        now = fields.Datetime.now()
        for request in self:
            if request.state == "cancelled" or not request.date_request:
                request.sla_state = "on_track"
                request.is_sla_breached = False
                continue
            ratio = request.company_id.aftersales_sla_risk_ratio or 0.8
            states = [
                sla_rules.sla_state(request.date_request, deadline, now, met, ratio)
                for deadline, met in request._aftersales_promises()
            ]
            request.sla_state = sla_rules.worst_state(states)
            request.is_sla_breached = sla_rules.BREACHED in states

    def _compute_work_hours(self):
        groups = self.env["aftersales.work.log"]._read_group(
            [("request_id", "in", self.ids)], ["request_id"], ["hours:sum"]
        )
        hours = {request.id: total for request, total in groups}
        for request in self:
            request.work_hours = hours.get(request.id, 0.0)

    def _aftersales_visible_repairs(self):
        """The request's repairs the current user may read (computed as superuser)."""
        self.ensure_one()
        return self.repair_ids.with_user(self.env.uid)._filtered_access("read").sudo()

    @api.depends("repair_ids")
    def _compute_repair_count(self):
        for request in self:
            request.repair_count = len(request._aftersales_visible_repairs())

    @api.depends("invoice_ids.payment_state", "invoice_ids.state")
    def _compute_invoice_state(self):
        for request in self:
            invoices = request.invoice_ids.filtered(lambda m: m.state != "cancel")
            request.invoice_count = len(invoices)
            posted = invoices.filtered(lambda m: m.state == "posted")
            states = set(posted.mapped("payment_state"))
            if not invoices:
                request.invoice_payment_state = "none"
            elif not posted:
                request.invoice_payment_state = "draft"
            elif posted == invoices and states <= {"paid", "in_payment", "reversed"}:
                request.invoice_payment_state = "paid"
            elif states & {"paid", "in_payment", "partial", "reversed"}:
                request.invoice_payment_state = "partial"
            else:
                request.invoice_payment_state = "not_paid"

    @api.depends("repair_ids.move_ids.product_uom_qty")
    def _compute_repair_parts_cost(self):
        for request in self:
            request.repair_parts_cost = sum(
                request._aftersales_visible_repairs().mapped("aftersales_parts_cost")
            )

    @api.depends("product_id", "lot_id", "partner_id", "date_request", "component")
    def _compute_warranty_status(self):
        empty = {
            "warranty_status": False,
            "warranty_reason": False,
            "warranty_id": False,
            "contract_id": False,
            "warranty_date_end": False,
            "coverage_source": False,
        }
        checked = self.filtered(lambda r: r.product_id or r.lot_id)
        (self - checked).update(empty)
        # every request's coverage in a fixed number of queries (batch creation, imports)
        coverages = self.env["aftersales.warranty"]._get_coverage_batch(
            [
                {
                    "product": request.product_id,
                    "lot": request.lot_id,
                    "component": request.component or None,
                    "date": request.date_request,
                    "partner": request.partner_id,
                }
                for request in checked
            ]
        )
        for request, coverage in zip(checked, coverages, strict=True):
            request.update(
                {
                    "warranty_status": coverage["status"],
                    "warranty_reason": coverage["reason"],
                    "warranty_id": coverage["warranty"].id,
                    "contract_id": coverage["contract"].id,
                    "warranty_date_end": coverage["date_end"],
                    "coverage_source": coverage.get("source") or False,
                }
            )

    def action_check_warranty(self):
        """Check the coverage again, e.g. after the warranty register changed."""
        fnames = [
            "warranty_status",
            "warranty_reason",
            "warranty_id",
            "contract_id",
            "warranty_date_end",
            "coverage_source",
        ]
        for fname in fnames:
            self.env.add_to_compute(self._fields[fname], self)
        self.flush_recordset(fnames)
        return True

    def _aftersales_work_category(self):
        """Service category (A/B/C/D) the hours on this request are booked to by default:
        the category the charging rule gave the latest repair, else the coverage's."""
        self.ensure_one()
        repairs = self.repair_ids.filtered(
            lambda r: r.state != "cancel" and r.aftersales_charge_category
        )
        if repairs:
            return repairs.sorted("id")[-1].aftersales_charge_category
        if self.warranty_status == "covered":
            return "B" if self.coverage_source == "contract" else "C"
        return "A"

    def _compute_access_url(self):
        for request in self:
            request.access_url = f"/my/requests/{request.id}"

    @api.onchange("lot_id")
    def _onchange_lot_id(self):
        owners = self._aftersales_lot_owners(self.lot_id)
        for request in self.filtered("lot_id"):
            request.product_id = request.lot_id.product_id
            if not request.partner_id and owners.get(request.lot_id.id):
                # the serial tells who bought the unit
                request.partner_id = owners[request.lot_id.id]

    def _check_technician_assignment(self, vals):
        """Refuse, before anything is written, a technician not certified for the product."""
        if "technician_id" not in vals and "product_id" not in vals:
            return
        Employee, Product = self.env["hr.employee"], self.env["product.product"]
        for request in self or [self.browse()]:
            technician = (
                Employee.browse(vals["technician_id"])
                if "technician_id" in vals
                else request.technician_id
            )
            product = (
                Product.browse(vals["product_id"]) if "product_id" in vals else request.product_id
            )
            error = technician and technician._aftersales_certification_error(product)
            if error:
                raise UserError(error)

    @api.constrains("date_appointment", "date_appointment_end")
    def _check_appointment_dates(self):
        for request in self:
            if (
                request.date_appointment
                and request.date_appointment_end
                and request.date_appointment_end < request.date_appointment
            ):
                raise UserError(
                    self.env._(
                        "The appointment of %(name)s cannot end before it starts.",
                        name=request.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lots = self.env["stock.lot"].browse(
            [
                vals["lot_id"]
                for vals in vals_list
                if vals.get("lot_id") and not vals.get("partner_id")
            ]
        )
        owners = self._aftersales_lot_owners(lots)
        for vals in vals_list:
            if vals.get("lot_id") and not vals.get("partner_id") and owners.get(vals["lot_id"]):
                # a serial entered without customer: the customer it was delivered to
                vals["partner_id"] = owners[vals["lot_id"]].id
            self.browse()._check_technician_assignment(vals)
            if vals.get("name", "New") == "New":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = (
                    self.env["ir.sequence"].with_company(company).next_by_code("aftersales.request")
                    or "New"
                )
        requests = super().create(vals_list)
        requests._aftersales_send_acknowledgment()
        requests.filtered("technician_id")._aftersales_sync_technician_job()
        return requests

    def _aftersales_send_acknowledgment(self):
        """Queue the acknowledgment of new requests whose customer (or the contact who wrote)
        has an e-mail address: flag them and trigger the acknowledgment job now.

        Nothing is posted inside the creating transaction: posting to a customer prepares
        their portal sign-up (a write on the customer's row with the usual ``b2c`` setting)
        and renders the template, so two agents recording requests for the same customer at
        once would collide on that row. The job (one cron worker, within a minute) posts each
        acknowledgment in the request's conversation, where the portal shows it too."""
        # ids from the registry's cache: no existence query on the template or the job
        xmlid_to_id = self.env["ir.model.data"]._xmlid_to_res_id
        template_id = xmlid_to_id("aftersales_service.mail_template_request_acknowledgment")
        cron_id = xmlid_to_id("aftersales_service.ir_cron_aftersales_acknowledgment")
        requests = self.filtered(lambda r: r.partner_id.email or r.contact_id.email)
        if not template_id or not requests:
            return
        requests.is_acknowledgment_pending = True
        if cron_id:
            self.env["ir.cron"].browse(cron_id)._trigger()

    def _aftersales_post_acknowledgment(self, template):
        """Post the acknowledgment of each request as a comment addressed to its customer
        and contact: the customer finds it in the request's conversation on the portal.

        One composer renders the template for the whole batch (Odoo's batch comment mode:
        subject, body and sender rendered per request, each in its language), then each
        request's message is posted with its own author and recipients."""
        requests = self.filtered(lambda r: r.partner_id.email or r.contact_id.email)
        if not requests:
            return self.env["mail.message"]
        composer = (
            self.env["mail.compose.message"]
            .with_context(
                default_composition_mode="comment",
                default_model=self._name,
                default_res_ids=requests.ids,
                default_template_id=template.id,
            )
            .create(
                {
                    "message_type": "comment",
                    "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment"),
                }
            )
        )
        values_all = composer._prepare_mail_values(requests.ids)
        # the e-mails join Odoo's outgoing queue: a batch of 500 is not sent inside this
        # transaction (a refused address would roll back the acknowledgments posted). The
        # author is never the customer (see below), so Odoo's rule of not notifying the
        # author keeps the agent who recorded the request from an e-mailed copy.
        requests = requests.with_context(mail_notify_force_send=False)
        messages = self.env["mail.message"]
        for request in requests:
            creator = request.create_uid
            # filed on the portal: the company answers, not the customer to themselves
            author = (
                request.company_id.partner_id
                if not creator or creator.share
                else creator.partner_id
            )
            values = values_all[request.id]
            values.update(
                author_id=author.id,
                partner_ids=(request.partner_id | request.contact_id).filtered("email").ids,
            )
            messages |= request.message_post(**values)
        return messages

    @api.model
    def _aftersales_portal_lots(self, partner):
        """Serial numbers of the units the customer's company owns, offered on the portal
        form: delivered to it (and not since delivered elsewhere or taken back), or registered
        in its warranties; only units of products ``_aftersales_portal_offers`` keeps."""
        commercial = partner.commercial_partner_id
        lines = self.env["stock.move.line"].search(
            [
                ("lot_id", "!=", False),
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "customer"),
                ("picking_partner_id", "child_of", commercial.id),
            ],
            order="date desc, id desc",
            limit=500,
        )
        warranties = self.env["aftersales.warranty"].search(
            [("partner_id", "child_of", commercial.id), ("lot_id", "!=", False)]
        )
        lots = lines.lot_id | warranties.lot_id
        owners = self._aftersales_lot_owners(lots)
        offered = self._aftersales_portal_offers(lots.product_id)
        return lots.filtered(
            lambda lot: (
                lot.product_id in offered
                and (
                    owners.get(lot.id) == commercial
                    or (lot.id not in owners and lot in warranties.lot_id)
                )
            )
        )

    @api.model
    def _aftersales_portal_products(self, partner):
        """Products the customer's company bought and had delivered, offered on the portal
        form (not the whole catalogue)."""
        commercial = partner.commercial_partner_id
        delivered = self.env["stock.move"]._read_group(
            [
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "customer"),
                ("picking_id.partner_id", "child_of", commercial.id),
            ],
            ["product_id"],
        )
        products = self.env["product.product"].browse([product.id for (product,) in delivered])
        products |= self._aftersales_portal_lots(partner).product_id
        return self._aftersales_portal_offers(products)

    @api.model
    def _aftersales_portal_offers(self, products):
        """The products a customer may open a request on: goods, not services. Add-ons
        remove more (spare parts, loaner units) with ``super()``."""
        return products.filtered(lambda product: product.type == "consu")

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A customer's e-mail to the service alias opens a request."""
        partner = self.env["res.partner"].browse(msg_dict.get("author_id"))
        if not partner and msg_dict.get("email_from"):
            partner = self.env["res.partner"].find_or_create(msg_dict["email_from"])
        body = msg_dict.get("body") or ""
        subject = msg_dict.get("subject") or ""
        values = {
            "name": "New",
            "partner_id": partner.commercial_partner_id.id or partner.id,
            "contact_id": partner.id if partner.parent_id else False,
            "channel": "email",
            "description": plaintext2html(subject) + (body if html2plaintext(body) else ""),
            **(custom_values or {}),
        }
        return super().message_new(msg_dict, custom_values=values)

    def write(self, vals):
        self._check_technician_assignment(vals)
        previous = {}
        if "technician_id" in vals:
            previous = {request.id: request.technician_user_id for request in self}
        res = super().write(vals)
        # moving between open stages changes nothing for the technician's job
        triggers = self._aftersales_technician_job_triggers() & set(vals)
        if triggers == {"state"} and vals["state"] in self._aftersales_job_open_states()[1:]:
            triggers = set()
        if triggers:
            # nobody assigned now or before: no job to create, move or close
            self.filtered(
                lambda r: r.technician_user_id or previous.get(r.id)
            )._aftersales_sync_technician_job(previous)
        if self._aftersales_coverage_triggers() & set(vals):
            # the failed part (or the unit) changed: open repairs check their coverage again
            self.repair_ids.filtered(
                lambda r: r.state not in ("done", "cancel")
            )._aftersales_check_coverage()
        if vals.get("customer_signature"):
            # the customer's signature on the request accepts its pending repair quotes
            self.repair_ids._aftersales_accept_signed_quote()
        return res

    @api.model
    def _aftersales_coverage_triggers(self):
        """Fields of the request whose change makes its open repairs check coverage again."""
        return {"component", "product_id", "lot_id"}

    def _aftersales_field_refusal(self, field_names):
        return self.env._(
            "The stage of a service request changes only through its buttons "
            "(Assess, Schedule, Start, Done, Close, Cancel)."
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        for request in self:
            if request.state not in ("new", "cancelled"):
                raise UserError(
                    self.env._(
                        "Service request %(name)s has history and cannot be deleted; "
                        "cancel it instead.",
                        name=request.name,
                    )
                )

    # ------------------------------------------------------------------
    # Stage changes
    # ------------------------------------------------------------------
    def _is_aftersales_manager(self):
        return self.env.user.has_group("aftersales_service.group_aftersales_manager")

    def _aftersales_transitions(self):
        """Target stage -> the stages a request may reach it from (its buttons' moves).

        Add-ons add or widen moves with ``super()``."""
        return {
            "assessed": {"new"},
            "scheduled": {"assessed"},
            "in_progress": {"scheduled", "waiting_parts"},
            "waiting_parts": {"in_progress"},
            "done": {"in_progress"},
            "closed": {"done"},
            "cancelled": {"new", "assessed", "scheduled", "in_progress", "waiting_parts"},
            "new": {"cancelled"},
        }

    def _aftersales_manager_only_targets(self):
        """Target stage -> the sentence refusing the move to a user who is not an
        after-sales manager (``%(name)s`` is the request)."""
        return {
            "closed": self.env._("Only an after-sales manager may close %(name)s."),
            "cancelled": self.env._("Only an after-sales manager may cancel %(name)s."),
            "new": self.env._("Only an after-sales manager may reset %(name)s to New."),
        }

    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals.update(
            {
                "assessed": self.env._(
                    "%(name)s cannot be moved to Assessed: only a new request is assessed."
                ),
                "scheduled": self.env._(
                    "%(name)s cannot be moved to Scheduled: only an assessed request is scheduled."
                ),
                "in_progress": self.env._(
                    "%(name)s cannot be moved to In Progress: only a scheduled request or one "
                    "waiting for parts is started."
                ),
                "waiting_parts": self.env._(
                    "%(name)s cannot be moved to Waiting for Parts: only a request in progress "
                    "waits for parts."
                ),
                "done": self.env._(
                    "%(name)s cannot be moved to Done: only a request in progress is finished."
                ),
                "closed": self.env._(
                    "%(name)s cannot be moved to Closed: only a done request is closed."
                ),
                "cancelled": self.env._(
                    "%(name)s cannot be moved to Cancelled: it is already done, closed or "
                    "cancelled."
                ),
                "new": self.env._(
                    "%(name)s cannot be moved to New: only a cancelled request is reset."
                ),
                # the service partner's steps on the portal (not moves of their own)
                "partner_accept": self.env._("%(name)s is already accepted and under way."),
                "partner_schedule": self.env._(
                    "Accept %(name)s first; a started request keeps its appointment."
                ),
                "partner_start": self.env._(
                    "Schedule %(name)s with the customer before starting it."
                ),
                "partner_log_work": self.env._("Start %(name)s before logging work on it."),
                "partner_add_part": self.env._(
                    "Start %(name)s before recording the parts used on it."
                ),
                "partner_done": self.env._(
                    "Only a request in progress is finished; %(name)s is not."
                ),
            }
        )
        return refusals

    def _aftersales_move(self, target, vals=None):
        """Move every request to ``target`` (a key of ``_aftersales_transitions``) after
        checking where it comes from and, for manager-only moves, the user's right."""
        allowed = self._aftersales_transitions()[target]
        manager_refusal = self._aftersales_manager_only_targets().get(target)
        if (
            manager_refusal
            and not self.filtered(lambda request: request.state not in allowed)
            and not self._is_aftersales_manager()
        ):
            raise UserError(manager_refusal % {"name": self[:1].display_name})
        return self._aftersales_transition(allowed, target, vals)

    def _aftersales_question_types(self):
        """Request types an agent answers at once (on the phone, by e-mail): no technician,
        no visit, no callback needed."""
        return {"usage", "policy"}

    def _aftersales_answerable_states(self):
        """Stages from which an agent answers a question and closes it in one step."""
        return {"new", "assessed"}

    def _aftersales_needs_callback(self):
        """A finished job is called back before closing; an answered question need not be."""
        self.ensure_one()
        return self.request_type not in self._aftersales_question_types()

    def action_assess(self):
        now = fields.Datetime.now()
        unanswered = self.filtered(lambda r: not r.date_responded)
        result = self._aftersales_move("assessed")
        unanswered.date_responded = now
        return result

    def action_schedule(self):
        missing = self.filtered(lambda r: not r.technician_id)
        if missing:
            raise UserError(
                self.env._(
                    "Assign a technician to %(names)s before scheduling.",
                    names=", ".join(missing.mapped("name")),
                )
            )
        return self._aftersales_move("scheduled")

    def action_start(self):
        now = fields.Datetime.now()
        not_arrived = self.filtered(lambda r: not r.date_arrived)
        result = self._aftersales_move("in_progress")
        not_arrived.date_arrived = now
        return result

    def action_wait_parts(self):
        return self._aftersales_move("waiting_parts")

    def action_done(self):
        result = self._aftersales_move(
            "done", {"date_done": fields.Datetime.now(), "is_carried_over": False}
        )
        self._aftersales_schedule_follow_up()
        return result

    def action_propose_appointment(self):
        """Open the proposals of free slots of the assigned technician's working calendar."""
        self.ensure_one()
        self.check_access("write")
        if not self.technician_id:
            raise UserError(
                self.env._(
                    "Assign a technician to %(name)s before proposing an appointment.",
                    name=self.name,
                )
            )
        wizard = self.env["aftersales.appointment.wizard"].create({"request_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Agree an Appointment"),
            "res_model": "aftersales.appointment.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_agree_appointment(self):
        """The customer agreed to the appointment on the request: the appointment is fixed
        now (the SLA's appointment promise), and the agreement is logged."""
        for request in self:
            if request.state not in ("new", "assessed", "scheduled", "waiting_parts"):
                raise UserError(
                    self.env._(
                        "%(name)s is no longer waiting for an appointment.", name=request.name
                    )
                )
            if not (request.technician_id and request.date_appointment):
                raise UserError(
                    self.env._(
                        "Set the technician and the appointment agreed with the customer on "
                        "%(name)s first.",
                        name=request.name,
                    )
                )
        self._check_appointment_overlap()
        now = fields.Datetime.now()
        for request in self:
            request.write({"date_appointed": now})
            request.message_post(
                body=self.env._(
                    "Appointment agreed with the customer: %(date)s, technician %(technician)s.",
                    date=fields.Datetime.context_timestamp(
                        request, request.date_appointment
                    ).strftime("%Y-%m-%d %H:%M"),
                    technician=request.technician_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _check_appointment_overlap(self):
        """An agreed appointment may not overlap another open appointment of the technician."""
        for request in self:
            end = request.date_appointment_end or request.date_appointment
            clash = self.sudo().search(
                [
                    ("id", "!=", request.id),
                    ("technician_id", "=", request.technician_id.id),
                    ("state", "in", ("new", "assessed", "scheduled", "in_progress")),
                    ("date_appointment", "<", end),
                    ("date_appointment_end", ">", request.date_appointment),
                ],
                limit=1,
            )
            if clash:
                raise UserError(
                    self.env._(
                        "%(technician)s already has the appointment of %(other)s at that time; "
                        "propose another slot.",
                        technician=request.technician_id.name,
                        other=clash.name,
                    )
                )

    def action_accept_installation(self):
        """Joint acceptance of an installation job: with the appointment kept, every
        commissioning item ticked and the customer's signature, the unit's warranty
        awaiting installation acceptance starts today."""
        for request in self:
            problem = False
            if request.request_type != "installation":
                problem = self.env._("%(name)s is not an installation job.", name=request.name)
            elif request.state not in ("scheduled", "in_progress"):
                problem = self.env._(
                    "%(name)s must be scheduled or in progress to record its installation "
                    "acceptance.",
                    name=request.name,
                )
            elif not (request.date_appointment and request.date_appointed):
                problem = self.env._(
                    "Agree the installation appointment of %(name)s with the customer first.",
                    name=request.name,
                )
            elif installation_rules.open_items(request.commissioning_checklist):
                problem = self.env._(
                    "Tick every item of the commissioning checklist of %(name)s first "
                    "(still open: %(items)s).",
                    name=request.name,
                    items=", ".join(installation_rules.open_items(request.commissioning_checklist)),
                )
            elif not (request.installation_signature and request.installation_signed_by):
                problem = self.env._(
                    "The customer signs the joint acceptance of %(name)s (signature and name) "
                    "before it is recorded.",
                    name=request.name,
                )
            if problem:
                raise UserError(problem)
        today = fields.Date.context_today(self)
        for request in self:
            warranties = request._aftersales_installation_warranties()
            # the agent or technician need not be allowed to edit the warranty register
            warranties.sudo().action_accept_installation(date=today)
            request.write({"date_installation_accepted": fields.Datetime.now()})
            if warranties:
                body = self.env._(
                    "Installation accepted by %(signer)s; warranty started: %(warranties)s.",
                    signer=request.installation_signed_by,
                    warranties=", ".join(warranties.mapped("display_name")),
                )
            else:
                body = self.env._(
                    "Installation accepted by %(signer)s; no warranty was awaiting it.",
                    signer=request.installation_signed_by,
                )
            request.message_post(body=body, subtype_xmlid="mail.mt_note")
        self.action_check_warranty()
        return True

    def _aftersales_installation_warranties(self):
        """Warranties of the installed unit still awaiting installation acceptance."""
        self.ensure_one()
        domain = [
            ("state", "=", "pending"),
            ("company_id", "=", self.company_id.id),
        ]
        if self.lot_id:
            domain.append(("lot_id", "=", self.lot_id.id))
        else:
            domain += [
                ("product_id", "=", self.product_id.id),
                ("partner_id", "=", self.partner_id.commercial_partner_id.id),
            ]
        return self.env["aftersales.warranty"].sudo().search(domain)

    def action_answer_close(self):
        """Short path of usage and policy questions: the agent logs the answer given, which
        is the first answer of the SLA, and closes the question (no technician, no visit;
        a callback is optional)."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for request in self:
            if request.request_type not in self._aftersales_question_types():
                raise UserError(
                    self.env._(
                        "%(name)s is not a usage or policy question: it goes through "
                        "assessment, scheduling and the technician's work.",
                        name=request.name,
                    )
                )
            if request.state not in self._aftersales_answerable_states():
                raise UserError(
                    self.env._(
                        "%(name)s is '%(current)s': only a new or assessed question can be "
                        "answered and closed.",
                        name=request.name,
                        current=labels.get(request.state, request.state),
                    )
                )
            if not html2plaintext(request.answer or "").strip():
                raise UserError(
                    self.env._(
                        "Write the answer given to the customer on %(name)s before closing it.",
                        name=request.name,
                    )
                )
        now = fields.Datetime.now()
        for request in self:
            request.message_post(
                body=request.answer,
                subject=self.env._("Answer given"),
                subtype_xmlid="mail.mt_note",
            )
            request._aftersales_write_transition(
                {
                    "state": "closed",
                    "date_responded": request.date_responded or now,
                    "date_done": now,
                    "is_carried_over": False,
                }
            )
        return True

    def action_close(self):
        missing = self.filtered(lambda r: not r.date_callback and r._aftersales_needs_callback())
        if missing:
            raise UserError(
                self.env._(
                    "Call the customer back and log the callback on %(names)s before closing.",
                    names=", ".join(missing.mapped("name")),
                )
            )
        return self._aftersales_move("closed")

    def action_cancel(self):
        return self._aftersales_move("cancelled")

    def action_reset(self):
        return self._aftersales_move("new", {"date_done": False, "date_callback": False})

    # ------------------------------------------------------------------
    # Repairs and invoices
    # ------------------------------------------------------------------
    def _prepare_repair_vals(self, service_type):
        self.ensure_one()
        return {
            "aftersales_request_id": self.id,
            "aftersales_service_type": service_type,
            "partner_id": self.partner_id.id,
            "product_id": self.product_id.id,
            "lot_id": self.lot_id.id,
            "company_id": self.company_id.id,
            "internal_notes": self.description,
        }

    def _create_repairs(self, service_type):
        repairs = self.env["repair.order"].create(
            [request._prepare_repair_vals(service_type) for request in self]
        )
        return repairs

    def action_create_onsite_job(self):
        return self._create_repairs("onsite")._get_records_action(name=self.env._("Repairs"))

    def action_create_workshop_repair(self):
        return self._create_repairs("workshop")._get_records_action(name=self.env._("Repairs"))

    def action_view_repairs(self):
        self.ensure_one()
        return self.repair_ids._get_records_action(name=self.env._("Repairs"))

    def action_view_invoices(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("aftersales_request_id", "=", self.id)],
            # an invoice created from here (a call-out fee collected on site) is the request's
            "context": {
                "default_move_type": "out_invoice",
                "default_partner_id": self.partner_id.id,
                "default_aftersales_request_id": self.id,
            },
        }

    # ------------------------------------------------------------------
    # Follow-up, escalation, dispatch
    # ------------------------------------------------------------------
    def _aftersales_schedule_follow_up(self):
        callback_type = self.env.ref("aftersales_service.mail_activity_type_callback")
        revisit_type = self.env.ref("aftersales_service.mail_activity_type_revisit")
        activities = []
        for request in self:
            company = request.company_id
            done = request.date_done or fields.Datetime.now()
            user = request.user_id or self.env.user
            base = {
                "res_model_id": self.env["ir.model"]._get_id(self._name),
                "res_id": request.id,
                "user_id": user.id,
            }
            callback_at = done + timedelta(hours=company.aftersales_callback_hours)
            activities.append(
                dict(
                    base,
                    activity_type_id=callback_type.id,
                    date_deadline=callback_at.date(),
                    summary=self.env._("Call the customer back"),
                )
            )
            for days in company._aftersales_revisit_days():
                activities.append(
                    dict(
                        base,
                        activity_type_id=revisit_type.id,
                        date_deadline=(done + timedelta(days=days)).date(),
                        summary=self.env._(
                            "Follow-up visit, %(days)s days after completion", days=days
                        ),
                    )
                )
        # Subscribe the owners first: several activities for one user on one record in a
        # single create would subscribe that user several times at once.
        for request in self:
            user = request.user_id or self.env.user
            request.message_subscribe(partner_ids=user.partner_id.ids)
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(activities)

    def action_log_callback(self):
        not_done = self.filtered(lambda r: r.state not in ("done", "closed"))
        if not_done:
            raise UserError(
                self.env._(
                    "%(names)s is not completed yet; the callback follows completion.",
                    names=", ".join(not_done.mapped("name")),
                )
            )
        self.write({"date_callback": fields.Datetime.now()})
        callback_type = self.env.ref("aftersales_service.mail_activity_type_callback")
        self.activity_ids.filtered(lambda a: a.activity_type_id == callback_type).action_feedback(
            feedback=self.env._("Callback done.")
        )
        return True

    def action_escalate(self):
        director = self.company_id[:1].aftersales_director_id
        if not director:
            raise UserError(
                self.env._(
                    "No service director is set in the After-Sales settings; "
                    "ask your manager to set one."
                )
            )
        for request in self:
            request.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=request.company_id.aftersales_director_id.id or director.id,
                summary=self.env._(
                    "Escalated: %(name)s cannot be finished on time", name=request.name
                ),
                note=self.env._("Escalated by %(user)s.", user=self.env.user.name),
            )
        self.write({"date_escalated": fields.Datetime.now()})
        return True

    # ------------------------------------------------------------------
    # The assigned technician is told: one activity, moved on reassignment
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_technician_job_triggers(self):
        """Fields whose change moves, re-dates, closes or removes the technician's activity."""
        return {
            "technician_id",
            "date_appointment",
            "date_arrived",
            "state",
            "zone",
            "complexity",
            "priority",
            "request_type",
        }

    @api.model
    def _aftersales_job_open_states(self):
        """Stages in which the assigned technician has the job to do ("new" first)."""
        return ("new", "assessed", "scheduled", "in_progress", "waiting_parts")

    def _aftersales_technician_job_deadline(self):
        """Due date of the technician's job: the appointment, else the next SLA promise
        (on-site arrival until the technician is there, then the resolution), as a date in
        the technician's time zone."""
        self.ensure_one()
        moment = (
            self.date_appointment
            or (not self.date_arrived and self.deadline_arrival)
            or self.deadline_resolution
        )
        user = self.technician_user_id
        record = self.with_context(tz=user.tz) if user.tz else self
        return fields.Date.context_today(record, timestamp=moment or None)

    def _aftersales_sync_technician_job(self, previous=None):
        """Keep exactly one open "Service Job" activity for the assigned technician's user
        while the request is open; mark it done when the request is done or closed; remove
        it when the request is cancelled or nobody is assigned. ``previous`` maps request ids
        to the technician user before a reassignment, who stops following the request."""
        job_type = self.env.ref("aftersales_service.mail_activity_type_technician_job")
        open_states = self._aftersales_job_open_states()
        for request in self:
            jobs = request.activity_ids.filtered(lambda a, t=job_type: a.activity_type_id == t)
            user = request.technician_user_id
            before = (previous or {}).get(request.id)
            if before and before != user and before != request.user_id:
                request.message_unsubscribe(partner_ids=before.partner_id.ids)
            if request.state in ("done", "closed"):
                jobs.action_feedback(
                    feedback=self.env._("Request %(name)s is done.", name=request.name)
                )
                continue
            if request.state not in open_states or not user:
                jobs.unlink()
                continue
            deadline = request._aftersales_technician_job_deadline()
            if not jobs:
                request.activity_schedule(
                    "aftersales_service.mail_activity_type_technician_job",
                    date_deadline=deadline,
                    user_id=user.id,
                    summary=self.env._(
                        "Service job %(name)s for %(customer)s",
                        name=request.name,
                        customer=request.partner_id.display_name,
                    ),
                )
                continue
            jobs[1:].unlink()
            job = jobs[0]
            changes = {}
            if job.user_id != user:
                changes["user_id"] = user.id
            if job.date_deadline != deadline:
                changes["date_deadline"] = deadline
            if changes:
                job.write(changes)

    def action_suggest_technician(self):
        self.ensure_one()
        wizard = self.env["aftersales.dispatch.wizard"].create({"request_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Suggest a Technician"),
            "res_model": "aftersales.dispatch.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_acknowledgments(self, batch_size=500):
        """Post the queued acknowledgments, ``batch_size`` requests at a time (the job is
        triggered when a request is recorded and again while some are left)."""
        template = self.env.ref(
            "aftersales_service.mail_template_request_acknowledgment", raise_if_not_found=False
        )
        pending = self.search([("is_acknowledgment_pending", "=", True)], limit=batch_size)
        if template and pending:
            pending._aftersales_post_acknowledgment(template)
        pending.write({"is_acknowledgment_pending": False})
        if len(pending) == batch_size:
            self.env.ref("aftersales_service.ir_cron_aftersales_acknowledgment")._trigger()
        return True

    @api.model
    def _cron_check_sla(self):
        """Refresh the SLA state of open requests; warn the dispatcher once per at-risk request."""
        requests = self.search(self._aftersales_open_domain())
        fnames = ["sla_state", "is_sla_breached"]
        for fname in fnames:
            self.env.add_to_compute(self._fields[fname], requests)
        requests.flush_recordset(fnames)
        risky = requests.filtered(lambda r: r.sla_state == "at_risk" and not r.date_sla_alert)
        for request in risky:
            user = request.company_id.aftersales_dispatcher_id or request.user_id
            request.activity_schedule(
                "aftersales_service.mail_activity_type_sla_risk",
                user_id=user.id or self.env.user.id,
                summary=self.env._("SLA at risk"),
            )
        risky.write({"date_sla_alert": fields.Datetime.now()})
        return True

    @api.model
    def _aftersales_open_domain(self):
        """The requests still open, as a list of stages (every stage but done, closed and
        cancelled, those of other add-ons too): the state index serves it, where "not in"
        reads every request ever recorded."""
        return [("state", "in", [key for key, _label in self._fields["state"].selection
                                 if key not in CLOSED_STATES])]  # fmt: skip

    @api.model
    def _aftersales_open_promises(self):
        return self.search(self._aftersales_open_domain())

    @api.model
    def _aftersales_baseline_promises(self):
        """Remember the resolution date of open requests not yet noted, before a change of
        the working calendar (a public holiday) may move it."""
        requests = self._aftersales_open_promises().filtered(
            lambda r: r.deadline_resolution and not r.deadline_resolution_told
        )
        for request in requests:
            request.deadline_resolution_told = request.deadline_resolution

    @api.model
    def _cron_watch_promises(self):
        """Recompute the deadlines of open requests on the working calendar as it is now;
        tell each customer whose promised resolution date a public holiday moved the new
        date; send complex requests' customers a progress message every N working days."""
        requests = self._aftersales_open_promises()
        fnames = self._aftersales_deadline_fields() + ["sla_state", "is_sla_breached"]
        for fname in fnames:
            self.env.add_to_compute(self._fields[fname], requests)
        requests.flush_recordset(fnames)
        requests._aftersales_tell_moved_promises()
        requests._aftersales_send_progress_reports()
        return True

    def _aftersales_tell_moved_promises(self):
        for request in self.filtered("deadline_resolution"):
            told = request.deadline_resolution_told
            if not told:
                request.deadline_resolution_told = request.deadline_resolution
                continue
            if request.deadline_resolution <= told:
                continue
            partner = request.partner_id
            env = request.with_context(lang=partner.lang or self.env.lang).env
            request.message_post(
                body=env._(
                    "Because of a public holiday, the date we promised for your request "
                    "%(name)s moves from %(old)s to %(new)s.",
                    name=request.name,
                    old=request._aftersales_customer_date(told),
                    new=request._aftersales_customer_date(request.deadline_resolution),
                ),
                partner_ids=partner.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            request.deadline_resolution_told = request.deadline_resolution

    def _aftersales_customer_date(self, moment):
        """``moment`` (naive UTC) as the customer reads it: in their time zone, else the
        after-sales calendar's."""
        self.ensure_one()
        tz = self.partner_id.tz or self.company_id._aftersales_calendar().tz or "UTC"
        return fields.Datetime.context_timestamp(self.with_context(tz=tz), moment).strftime(
            "%Y-%m-%d %H:%M"
        )

    def _aftersales_send_progress_reports(self):
        """Complex requests in work: a progress message to the customer every N working
        days (company setting) since the request or the last report."""
        now = fields.Datetime.now()
        todo = self.filtered(
            lambda r: (
                r.complexity == "complex"
                and r.state in ("assessed", "scheduled", "in_progress", "waiting_parts")
                and r.company_id.aftersales_progress_days > 0
            )
        )
        labels = dict(self._fields["state"]._description_selection(self.env))
        for company in todo.company_id:
            requests = todo.filtered(lambda r, c=company: r.company_id == c)
            since = min(r.date_progress_report or r.date_request for r in requests)
            working_deadline = company._aftersales_working_deadline_finder(since, now)
            hours = company.aftersales_progress_days * (
                company._aftersales_calendar().hours_per_day or 8.0
            )
            for request in requests:
                last = request.date_progress_report or request.date_request
                due = working_deadline(last, hours)
                if not due or due > now:
                    continue
                env = request.with_context(lang=request.partner_id.lang or self.env.lang).env
                request.message_post(
                    body=env._(
                        "Progress of your request %(name)s: %(stage)s. We are working on it "
                        "and will keep you informed; promised by %(date)s.",
                        name=request.name,
                        stage=labels.get(request.state, request.state),
                        date=request._aftersales_customer_date(request.deadline_resolution)
                        if request.deadline_resolution
                        else "-",
                    ),
                    partner_ids=request.partner_id.ids,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
                request.date_progress_report = now

    @api.model
    def _cron_carry_over(self):
        """Flag dispatched requests not finished by the end of their day for next-day priority."""
        end_of_day = fields.Datetime.now()
        requests = self.search(
            [
                ("state", "in", ("scheduled", "in_progress", "waiting_parts")),
                ("is_carried_over", "=", False),
                ("date_appointment", "<=", end_of_day),
            ]
        )
        for request in requests:
            request.write({"is_carried_over": True, "priority": max(request.priority or "0", "1")})
        return True

    # ------------------------------------------------------------------
    # Serial numbers belong to the customer
    # ------------------------------------------------------------------
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
        return {
            lot_id: partner
            for lot_id, (partner, _date) in self._aftersales_lot_deliveries(lots).items()
        }

    @api.model
    def _aftersales_lot_deliveries(self, lots):
        """{lot id: (commercial partner, delivery datetime)} for the lots whose last done move
        went to a customer (the picking's partner, else the move's).

        One query for all the lots: it runs on every request saved with a serial (its
        purchase date and the owner check), where reading the move lines, their moves,
        pickings and locations through the ORM cost four wide reads."""
        if not lots:
            return {}
        self.env["stock.move.line"].flush_model(
            ["lot_id", "state", "date", "location_dest_id", "picking_id", "move_id"]
        )
        self.env["stock.move"].flush_model(["partner_id"])
        self.env["stock.picking"].flush_model(["partner_id"])
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT ON (line.lot_id)
                       line.lot_id, partner.commercial_partner_id, line.date,
                       location.usage = 'customer'
                  FROM stock_move_line line
                  JOIN stock_location location ON location.id = line.location_dest_id
             LEFT JOIN stock_picking picking ON picking.id = line.picking_id
             LEFT JOIN stock_move move ON move.id = line.move_id
             LEFT JOIN res_partner partner
                    ON partner.id = COALESCE(picking.partner_id, move.partner_id)
                 WHERE line.lot_id = ANY(%s) AND line.state = 'done'
              ORDER BY line.lot_id, line.date DESC, line.id DESC
                """,
                list(lots.ids),
            )
        )
        Partner = self.env["res.partner"].sudo()
        return {
            lot_id: (Partner.browse(partner_id), date)
            for lot_id, partner_id, date, is_delivery in self.env.cr.fetchall()
            if is_delivery and partner_id
        }

    # ------------------------------------------------------------------
    # Customer care levels (issue 19)
    # ------------------------------------------------------------------
    care_level_id = fields.Many2one(
        "aftersales.care.level",
        compute="_compute_care_level_id",
        store=True,
        precompute=True,
        index="btree_not_null",
        help="The customer's care level when the request was recorded; its SLA policies "
        "and minimum priority apply.",
    )
    is_vip = fields.Boolean(
        string="VIP", related="care_level_id.is_vip", store=True, index="btree_not_null"
    )
    care_user_id = fields.Many2one(
        related="commercial_partner_id.aftersales_care_user_id", string="Dedicated Contact"
    )
    is_care_check = fields.Boolean(
        string="Free Periodic Check",
        readonly=True,
        copy=False,
        help="Scheduled by the customer's care level: no charge for the visit.",
    )

    @api.depends("partner_id")
    def _compute_care_level_id(self):
        # only a change of customer moves it: a later change of the customer's level
        # leaves the promises made on recorded requests as they were
        for request in self:
            request.care_level_id = (
                request.partner_id.commercial_partner_id.aftersales_care_level_id
            )

    @api.depends("care_level_id")
    def _compute_priority(self):
        for request in self:
            request.priority = max(request.priority or "0", request.care_level_id.priority or "0")

    # ------------------------------------------------------------------
    # Authorised service partners (issue 19)
    # ------------------------------------------------------------------
    def _aftersales_dispatch_states(self):
        """Stages in which a request may be dispatched to a service partner."""
        return ("new", "assessed")

    def _aftersales_partner_agreements(self, partner):
        """The agreements of ``partner`` that cover this request today."""
        self.ensure_one()
        agreements = (
            self.env["aftersales.partner.agreement"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("company_id", "in", (self.company_id.id, False)),
                ]
            )
        )
        return agreements.filtered(lambda agreement: agreement._aftersales_covers(self))

    def _aftersales_service_partner_refusal(self, partner):
        """Why this request may not be dispatched to ``partner`` (a whole sentence), or None."""
        self.ensure_one()
        if partner.aftersales_partner_state not in ("active", "warned"):
            return self.env._(
                "%(partner)s is not an active authorised service partner; %(name)s cannot be "
                "dispatched to it.",
                partner=partner.display_name,
                name=self.name,
            )
        if not self._aftersales_partner_agreements(partner):
            return self.env._(
                "No valid agreement of %(partner)s covers the service address and the product "
                "of %(name)s.",
                partner=partner.display_name,
                name=self.name,
            )
        if self.state not in self._aftersales_dispatch_states():
            return self.env._(
                "%(name)s is already under way; only a new or assessed request is dispatched "
                "to a service partner.",
                name=self.name,
            )
        if self.technician_id:
            return self.env._(
                "%(name)s is assigned to the technician %(technician)s; clear the technician "
                "before dispatching it to a service partner.",
                name=self.name,
                technician=self.technician_id.name,
            )
        return None

    @api.constrains("service_partner_id")
    def _check_service_partner(self):
        for request in self.filtered("service_partner_id"):
            refusal = request._aftersales_service_partner_refusal(request.service_partner_id)
            if refusal:
                raise ValidationError(refusal)

    def _aftersales_partner_technicians(self):
        """Contacts of the service partner who work its dispatched requests: the certified
        technicians of its agreements, else every contact of it with a portal user."""
        self.ensure_one()
        partner = self.service_partner_id
        technicians = self._aftersales_partner_agreements(partner).technician_ids
        return technicians or partner.child_ids.filtered("user_ids") | partner.filtered("user_ids")

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        followers = super()._message_auto_subscribe_followers(updated_values, default_subtype_ids)
        if updated_values.get("service_partner_id"):
            # the partner's technicians follow the request and are told it was dispatched
            for request in self:
                followers += [
                    (contact.id, default_subtype_ids, "mail.message_user_assigned")
                    for contact in request._aftersales_partner_technicians()
                ]
        return followers

    def _get_access_action(self, access_uid=None, force_website=False):
        # the service partner's users open the request on their own portal page
        action = super()._get_access_action(access_uid=access_uid, force_website=force_website)
        user = self.env["res.users"].sudo().browse(access_uid) if access_uid else self.env.user
        if (
            self.service_partner_id
            and user.share
            and user.partner_id.commercial_partner_id == self.service_partner_id
            and action.get("type") == "ir.actions.act_url"
        ):
            action = dict(action, url=f"/my/dispatched/{self.id}")
        return action

    def action_take_back(self):
        """The manager takes a dispatched request back from the service partner at any moment:
        the customer's request never waits on a dispute with the partner."""
        if not self._is_aftersales_manager():
            raise UserError(
                self.env._("Only an after-sales manager takes a request back from a partner.")
            )
        for request in self:
            partner = request.service_partner_id
            if not partner:
                raise UserError(
                    self.env._(
                        "%(name)s is not dispatched to a service partner.", name=request.name
                    )
                )
            if request.state in CLOSED_STATES:
                raise UserError(
                    self.env._(
                        "%(name)s is finished; it can no longer be taken back from %(partner)s.",
                        name=request.name,
                        partner=partner.display_name,
                    )
                )
            contacts = request._aftersales_partner_technicians() | (
                request.message_partner_ids.filtered(
                    lambda follower, p=partner: follower.commercial_partner_id == p
                )
            )
            request.message_post(
                body=self.env._(
                    "%(name)s was taken back from %(partner)s by %(manager)s; the partner no "
                    "longer works it.",
                    name=request.name,
                    partner=partner.display_name,
                    manager=self.env.user.name,
                ),
                partner_ids=contacts.ids,
                subtype_xmlid="mail.mt_comment",
            )
            request.message_unsubscribe(partner_ids=contacts.ids)
            vals = {
                "service_partner_id": False,
                "partner_user_id": False,
                "date_partner_accepted": False,
            }
            request.write(vals)
            if request.state != "new":
                # back to the dispatcher, who assigns an in-house technician
                request._aftersales_write_transition({"state": "assessed"})
        return True

    # the service partner's steps, run from the portal page (controllers/portal.py) after
    # the page checked that the partner's user may read the request
    def _aftersales_partner_check(self, allowed_states, step):
        """The service partner's ``step`` (a key of ``_aftersales_transition_refusals``) is
        possible: the request is dispatched to the user's company and in ``allowed_states``."""
        self.ensure_one()
        if not self.service_partner_id or self.env.user.partner_id.commercial_partner_id != (
            self.service_partner_id
        ):
            raise UserError(
                self.env._("%(name)s is not dispatched to your company (any more).", name=self.name)
            )
        self._aftersales_check_transition(allowed_states, step)

    def _aftersales_partner_accept(self):
        if self.date_partner_accepted and self.partner_user_id == self.env.user:
            return True  # the same click twice
        self._aftersales_partner_check(self._aftersales_dispatch_states(), "partner_accept")
        now = fields.Datetime.now()
        vals = {"date_partner_accepted": now, "partner_user_id": self.env.uid}
        if self.state == "new":
            vals.update(state="assessed", date_responded=self.date_responded or now)
        self._aftersales_write_transition(vals)
        self.message_post(
            body=self.env._("Accepted by %(user)s.", user=self.env.user.name),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _aftersales_partner_schedule(self, date_start, date_end=False):
        self._aftersales_partner_check(("assessed", "scheduled"), "partner_schedule")
        if not self.date_partner_accepted:
            raise UserError(self.env._("Accept %(name)s first.", name=self.name))
        self._aftersales_write_transition(
            {
                "state": "scheduled",
                "date_appointment": date_start,
                "date_appointment_end": date_end or date_start,
                "date_appointed": self.date_appointed or fields.Datetime.now(),
            }
        )
        self.message_post(
            body=self.env._(
                "Appointment agreed with the customer: %(date)s, by %(partner)s.",
                date=fields.Datetime.context_timestamp(self, date_start).strftime("%Y-%m-%d %H:%M"),
                partner=self.service_partner_id.display_name,
            ),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _aftersales_partner_start(self):
        self._aftersales_partner_check(("scheduled", "waiting_parts"), "partner_start")
        return self.action_start()

    def _aftersales_partner_log_work(self, hours, category, description):
        self._aftersales_partner_check(("in_progress", "waiting_parts"), "partner_log_work")
        return self.env["aftersales.work.log"].create(
            {
                "request_id": self.id,
                "service_partner_id": self.service_partner_id.id,
                "hours": hours,
                "category": category,
                "description": description,
                "company_id": self.company_id.id,
            }
        )

    def _aftersales_partner_add_part(self, product, quantity, reason):
        self._aftersales_partner_check(("in_progress", "waiting_parts"), "partner_add_part")
        return self.env["aftersales.request.part"].create(
            {
                "request_id": self.id,
                "product_id": product.id,
                "quantity": quantity,
                "reason": reason,
            }
        )

    def _aftersales_partner_done(self, signed_by, signature):
        self._aftersales_partner_check(("in_progress",), "partner_done")
        if not (signed_by or "").strip() or not signature:
            raise UserError(
                self.env._(
                    "The customer signs %(name)s (signature and name) before it is done.",
                    name=self.name,
                )
            )
        if not self.work_log_ids.filtered(
            lambda log: log.service_partner_id == self.service_partner_id
        ):
            raise UserError(
                self.env._("Log the work done on %(name)s before finishing it.", name=self.name)
            )
        self._aftersales_write_transition(
            {"partner_signature": signature, "partner_signed_by": signed_by.strip()}
        )
        result = self.action_done()
        self.message_post(
            body=self.env._(
                "Done; the customer %(signer)s signed on the service partner's visit.",
                signer=self.partner_signed_by,
            ),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_comment",
        )
        return result
