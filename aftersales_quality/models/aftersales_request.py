# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.aftersales_service.rules.charging import same_component, within_repair_warranty


class AftersalesRequest(models.Model):
    _inherit = "aftersales.request"

    fault_code_id = fields.Many2one(
        "aftersales.fault.code",
        tracking=True,
        index=True,
        help="Coded fault found by the technician; recurring faults are reported to R&D.",
    )
    # the fault code names the failed component, which decides the warranty line that applies
    component = fields.Char(compute="_compute_component", store=True, readonly=False)
    fault_symptom = fields.Char(related="fault_code_id.symptom", store=True, string="Symptom")
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, string="Product Model", index=True
    )
    revisit_count = fields.Integer(
        string="Revisits",
        default=0,
        copy=False,
        tracking=True,
        help="Extra visits the dispatcher records for the same fault. Any revisit means the "
        "request was not fixed the first time.",
    )
    is_first_time_fix = fields.Boolean(
        string="Fixed First Time",
        compute="_compute_is_first_time_fix",
        store=True,
        help="Done without any revisit for the same fault (first-time fix rate KPI).",
    )
    revisit_of_id = fields.Many2one(
        "aftersales.request",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Earlier request of the same serial with the same fault, done within the repair "
        "warranty: that request counts one revisit and was not fixed the first time.",
    )
    diagnosis_review = fields.Selection(
        [("confirmed", "Confirmed"), ("wrong", "Wrong")],
        string="Diagnosis Check",
        tracking=True,
        copy=False,
        help="Set by QC or at closing: was the technician's first diagnosis right? Only "
        "checked requests count in the diagnosis accuracy KPI.",
    )
    is_survey_pending = fields.Boolean(
        string="Survey to Send",
        copy=False,
        readonly=True,
        help="Set when the request is done; the survey queue sends the customer the "
        "satisfaction survey link within minutes.",
    )
    survey_ids = fields.One2many("aftersales.survey", "request_id", string="Surveys")
    survey_count = fields.Integer(compute="_compute_survey_count")
    complaint_ids = fields.One2many("aftersales.complaint", "request_id", string="Complaints")
    complaint_count = fields.Integer(compute="_compute_complaint_count")

    @api.depends("fault_code_id")
    def _compute_component(self):
        for request in self:
            request.component = request.fault_code_id.component or request.component

    @api.model
    def _aftersales_coverage_triggers(self):
        return super()._aftersales_coverage_triggers() | {"fault_code_id"}

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests._aftersales_link_revisits()
        return requests

    def write(self, vals):
        res = super().write(vals)
        if {"lot_id", "fault_code_id"} & set(vals):
            self._aftersales_link_revisits()
        return res

    def _aftersales_repeat_candidates(self):
        """The requests that may come back for an earlier one: not linked yet, a known
        unit, a coded fault and a date (the repair's hook of the same name)."""
        return self.filtered(
            lambda r: not r.revisit_of_id and r.lot_id and r.fault_code_id and r.date_request
        )

    def _aftersales_repeat_domain(self, since):
        """Done requests that ``self`` (repeat candidates) may come back for."""
        return [
            ("id", "not in", self.ids),
            ("lot_id", "in", self.lot_id.ids),
            ("fault_code_id", "in", self.fault_code_id.ids),
            ("date_done", ">=", since),
        ]

    def _aftersales_is_repeat_of(self, previous, reported):
        """Whether this request, reported at ``reported``, comes back for the done request
        ``previous``: the same unit and fault, within the company's repair warranty."""
        self.ensure_one()
        return (
            previous.lot_id == self.lot_id
            and previous.company_id == self.company_id
            and self._aftersales_same_fault(previous)
            and within_repair_warranty(
                previous.date_done, reported, self.company_id.aftersales_repair_warranty_days
            )
        )

    def _aftersales_same_fault(self, previous):
        """The same fault code record (and component), not the same text."""
        self.ensure_one()
        return previous.fault_code_id == self.fault_code_id and same_component(
            self.component, previous.component
        )

    def _aftersales_link_revisits(self):
        """Link each request to the earlier request of the same serial and fault code done
        within the company's repair warranty, which then counts one revisit."""
        todo = self._aftersales_repeat_candidates()
        if not todo:
            return
        days = max(todo.company_id.mapped("aftersales_repair_warranty_days") or [0])
        since = min(todo.mapped("date_request")) - timedelta(days=days)
        # the agent opening the new request may not see the earlier one (own documents)
        previous = self.sudo().search(
            todo._aftersales_repeat_domain(since), order="date_done desc, id desc"
        )
        for request in todo:
            earlier = previous.filtered(
                lambda p, r=request: r._aftersales_is_repeat_of(p, r.date_request)
            )[:1]
            request._aftersales_mark_revisit_of(earlier)

    def _aftersales_mark_revisit_of(self, earlier):
        """``self`` came back for the fault ``earlier`` should have fixed."""
        self.ensure_one()
        if not earlier or earlier == self or self.revisit_of_id:
            return
        self.revisit_of_id = earlier.id
        earlier = earlier.sudo()
        earlier.revisit_count += 1

    @api.depends("revisit_count")
    def _compute_is_first_time_fix(self):
        for request in self:
            request.is_first_time_fix = request.revisit_count <= 0

    def _compute_survey_count(self):
        counts = dict(
            self.env["aftersales.survey"]._read_group(
                [("request_id", "in", self.ids)], ["request_id"], ["__count"]
            )
        )
        for request in self:
            request.survey_count = counts.get(request, 0)

    def _compute_complaint_count(self):
        counts = dict(
            self.env["aftersales.complaint"]._read_group(
                [("request_id", "in", self.ids)], ["request_id"], ["__count"]
            )
        )
        for request in self:
            request.complaint_count = counts.get(request, 0)

    def action_done(self):
        """Queue the satisfaction survey of every completed request (sent by the survey queue,
        so completing a request stays cheap and no mail is sent from the user's click)."""
        res = super().action_done()
        self.write({"is_survey_pending": True})
        return res

    def action_view_surveys(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_quality.aftersales_survey_action"
        )
        action.update(domain=[("request_id", "=", self.id)], context={})
        return action

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_quality.aftersales_complaint_action"
        )
        action.update(
            domain=[("request_id", "=", self.id)],
            context={"default_request_id": self.id, "default_partner_id": self.partner_id.id},
        )
        return action

    # ------------------------------------------------------------------
    # Product knowledge (issue 19): the documents of the request's product
    # ------------------------------------------------------------------
    knowledge_count = fields.Integer(
        string="Documents", compute="_compute_knowledge_count", compute_sudo=False
    )

    @api.depends("product_id")
    def _compute_knowledge_count(self):
        Document = self.env["aftersales.knowledge.document"]
        self.knowledge_count = 0
        if not Document.has_access("read"):
            return
        # counted once per product template (the product's template read without its
        # record rules: the request already shows the product)
        counts = {}
        for request in self.filtered("product_id"):
            template = request.product_id.sudo().product_tmpl_id
            if template.id not in counts:
                counts[template.id] = Document.search_count(Document._for_product_domain(template))
            request.knowledge_count = counts[template.id]

    def action_view_knowledge(self):
        self.ensure_one()
        return self.env["aftersales.knowledge.document"]._action_for_product(self.product_id)
