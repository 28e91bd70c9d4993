# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_service.rules.sla import wall_deadline

from .aftersales_complaint_route import COMPLAINT_CATEGORIES


class AftersalesComplaint(models.Model):
    _name = "aftersales.complaint"
    _description = "Customer Complaint"
    _inherit = ["aftersales.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "priority desc, date_received desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="New")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, check_company=True, tracking=True
    )
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("portal", "Web / Portal"),
            ("walk_in", "Walk-in"),
            ("media", "Media / Social Network"),
            ("other", "Other"),
        ],
        default="phone",
        required=True,
    )
    request_id = fields.Many2one(
        "aftersales.request", string="Service Request", check_company=True, index=True
    )
    technician_id = fields.Many2one(related="request_id.technician_id", string="Technician")
    return_id = fields.Many2one(
        "aftersales.return",
        check_company=True,
        index="btree_not_null",
        tracking=True,
        help="The return of goods this complaint is about.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Employees Involved",
        check_company=True,
        help="Employees the complaint is about; founded complaints count in their appraisal.",
    )
    category = fields.Selection(
        COMPLAINT_CATEGORIES, required=True, default="quality", tracking=True
    )
    route_id = fields.Many2one(
        "aftersales.complaint.route",
        compute="_compute_route_id",
        store=True,
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    priority = fields.Selection([("0", "Normal"), ("1", "Urgent")], default="0", tracking=True)
    is_serious = fields.Boolean(
        string="Serious Case",
        tracking=True,
        help="Crisis, media exposure, lawsuit or repeated unsatisfactory handling: escalated "
        "to leadership and handled as a priority case.",
    )
    serious_reason = fields.Selection(
        [
            ("crisis", "Crisis"),
            ("media", "Media Exposure"),
            ("lawsuit", "Lawsuit"),
            ("repeated", "Repeated Dissatisfaction"),
        ],
        tracking=True,
    )
    date_escalated = fields.Datetime(readonly=True, copy=False)
    date_received = fields.Datetime(default=fields.Datetime.now, required=True)
    date_ack_deadline = fields.Datetime(
        string="Acknowledge By", compute="_compute_deadlines", store=True
    )
    date_solution_deadline = fields.Datetime(
        string="Solution By", compute="_compute_deadlines", store=True
    )
    date_acknowledged = fields.Datetime(readonly=True, copy=False)
    date_resolved = fields.Datetime(readonly=True, copy=False)
    is_ack_late = fields.Boolean(
        string="Acknowledged Late", compute="_compute_is_ack_late", store=True
    )
    is_solution_late = fields.Boolean(
        string="Solution Overdue",
        compute="_compute_is_solution_late",
        store=True,
        help="No solution proposed (resolved) by the solution deadline; refreshed by the "
        "deadline watch job.",
    )
    date_ack_overdue_escalated = fields.Datetime(
        string="Acknowledgment Overdue Escalated On", readonly=True, copy=False
    )
    date_solution_overdue_escalated = fields.Datetime(
        string="Solution Overdue Escalated On", readonly=True, copy=False
    )
    content = fields.Html(required=True)
    decision = fields.Selection(
        [("founded", "Founded"), ("unfounded", "Unfounded")],
        tracking=True,
        help="Decide first whether the complaint is founded; an unfounded one is answered "
        "politely with the reason.",
    )
    reply = fields.Html(string="Reply to Customer")
    date_reply_sent = fields.Datetime(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("new", "New"),
            ("acknowledged", "Acknowledged"),
            ("resolved", "Resolved"),
            ("closed", "Closed"),
        ],
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.depends("category", "company_id")
    def _compute_route_id(self):
        routes = self.env["aftersales.complaint.route"].search(
            [("company_id", "in", self.company_id.ids)]
        )
        by_key = {(r.company_id.id, r.category): r for r in routes}
        for complaint in self:
            complaint.route_id = by_key.get((complaint.company_id.id, complaint.category), False)

    @api.depends("route_id")
    def _compute_department_id(self):
        for complaint in self:
            complaint.department_id = complaint.route_id.department_id

    @api.depends("route_id", "department_id")
    def _compute_user_id(self):
        for complaint in self:
            complaint.user_id = (
                complaint.route_id.user_id
                or complaint.department_id.manager_id.user_id
                or complaint.user_id
                or self.env.user
            )

    @api.depends("route_id", "priority", "date_received", "company_id")
    def _compute_deadlines(self):
        self.date_ack_deadline = False
        self.date_solution_deadline = False
        for complaint in self.filtered(lambda c: c.route_id and c.date_received):
            ack, solution = complaint._aftersales_deadline_hours()
            if complaint.priority == "1" and complaint.company_id.aftersales_complaint_urgent_clock:
                # the rulebook's "urgent: 4 h" is clock time, nights and holidays included
                complaint.date_ack_deadline = wall_deadline(complaint.date_received, ack)
            else:
                complaint.date_ack_deadline = complaint._add_working_hours(ack)
            complaint.date_solution_deadline = complaint._add_working_hours(solution)

    def _aftersales_deadline_hours(self):
        """Hours allowed to acknowledge the complaint and to propose a solution, from its
        route: the urgent acknowledgment budget for an urgent complaint; the route's working
        days times the calendar's working hours per day for the solution."""
        self.ensure_one()
        route = self.route_id
        hours_per_day = self.company_id._aftersales_calendar().hours_per_day or 8.0
        ack = route.urgent_ack_hours if self.priority == "1" else route.ack_hours
        return max(ack, 0.0), max(route.solution_days * hours_per_day, 0.0)

    def _add_working_hours(self, hours):
        """Deadline ``hours`` working hours after receipt on the company's after-sales
        calendar (public holidays removed), naive UTC."""
        self.ensure_one()
        start = self.date_received
        deadline_after = self.company_id._aftersales_working_deadline_finder(start, start)
        return deadline_after(start, hours) or False

    def _aftersales_set_late(self, flag, done, deadline):
        """``flag`` is set on the complaints whose ``deadline`` passed before ``done`` (the
        date the step was done, or now while it is not)."""
        now = fields.Datetime.now()
        for complaint in self:
            moment = complaint[done] or now
            complaint[flag] = bool(complaint[deadline] and moment > complaint[deadline])

    @api.depends("date_acknowledged", "date_ack_deadline")
    def _compute_is_ack_late(self):
        self._aftersales_set_late("is_ack_late", "date_acknowledged", "date_ack_deadline")

    @api.depends("date_resolved", "date_solution_deadline", "state")
    def _compute_is_solution_late(self):
        self._aftersales_set_late("is_solution_late", "date_resolved", "date_solution_deadline")

    @api.model
    def _cron_watch_deadlines(self):
        """Refresh the deadlines of open complaints (a public holiday added since moves
        them), flag the late acknowledgments and overdue solutions, and escalate each
        overdue step once, to the route's person."""
        complaints = self.search([("state", "in", ("new", "acknowledged"))])
        fnames = ["date_ack_deadline", "date_solution_deadline", "is_ack_late", "is_solution_late"]
        for fname in fnames:
            self.env.add_to_compute(self._fields[fname], complaints)
        complaints.flush_recordset(fnames)
        late_ack = complaints.filtered(
            lambda c: c.state == "new" and c.is_ack_late and not c.date_ack_overdue_escalated
        )
        late_solution = complaints.filtered(
            lambda c: c.is_solution_late and not c.date_solution_overdue_escalated
        )
        late_ack._escalate_overdue("ack")
        late_solution._escalate_overdue("solution")
        return True

    def _aftersales_overdue_user(self):
        """Who hears of an overdue step: the route's person, else the department's manager,
        else the company's escalation leader."""
        self.ensure_one()
        return (
            self.route_id.overdue_user_id
            or self.department_id.manager_id.user_id
            or self.company_id.aftersales_escalation_user_id
        )

    def _escalate_overdue(self, step):
        """Tell the route's person that ``step`` (``ack`` or ``solution``) is overdue."""
        if not self:
            return
        now = fields.Datetime.now()
        for complaint in self:
            if step == "ack":
                summary = self.env._(
                    "Complaint %(name)s not acknowledged by its deadline", name=complaint.name
                )
            else:
                summary = self.env._(
                    "Complaint %(name)s has no solution by its deadline", name=complaint.name
                )
            user = complaint._aftersales_overdue_user()
            if user:
                complaint.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.context_today(complaint),
                    summary=summary,
                    user_id=user.id,
                )
            complaint.message_post(body=summary, subtype_xmlid="mail.mt_note")
        field = "date_ack_overdue_escalated" if step == "ack" else "date_solution_overdue_escalated"
        self.write({field: now})

    @api.model_create_multi
    def create(self, vals_list):
        requests = self.env["aftersales.request"].browse(
            [vals["request_id"] for vals in vals_list if vals.get("request_id")]
        )
        technicians = {request.id: request.technician_id for request in requests}
        for vals in vals_list:
            technician = technicians.get(vals.get("request_id"))
            if technician and "employee_ids" not in vals:
                # the technician of the request is involved unless the agent says otherwise
                vals["employee_ids"] = [Command.set(technician.ids)]
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code("aftersales.complaint") or "New"
        complaints = super().create(vals_list)
        complaints.filtered("is_serious")._escalate()
        complaints._flag_repeated()  # escalates through write()
        complaints._aftersales_sync_owner_activity()
        return complaints

    def _flag_repeated(self):
        """Mark as serious (repeated dissatisfaction) the complaints of customers who reached
        the configured number of complaints within the configured period."""
        candidates = self.filtered(
            lambda c: not c.is_serious and c.company_id.aftersales_complaint_repeat_count > 0
        )
        if not candidates:
            return
        longest = max(candidates.company_id.mapped("aftersales_complaint_repeat_days"))
        since = min(candidates.mapped("date_received")) - timedelta(days=longest)
        history = self.search(
            [
                ("partner_id", "in", candidates.partner_id.commercial_partner_id.ids),
                ("date_received", ">=", since),
            ]
        )
        # the history indexed by customer once: a batch of complaints (an import) costs
        # one pass over it, not one pass per complaint
        dates_by_customer = defaultdict(list)
        for past in history:
            dates_by_customer[past.partner_id.commercial_partner_id.id].append(past.date_received)
        repeated = self.browse()
        for complaint in candidates:
            company = complaint.company_id
            start = complaint.date_received - timedelta(
                days=company.aftersales_complaint_repeat_days
            )
            customer = complaint.partner_id.commercial_partner_id.id
            count = sum(
                1
                for received in dates_by_customer[customer]
                if start <= received <= complaint.date_received
            )
            if count >= company.aftersales_complaint_repeat_count:
                repeated |= complaint
        if repeated:
            repeated.write({"is_serious": True, "serious_reason": "repeated"})

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

    def _aftersales_field_refusal(self, field_names):
        return self.env._("The state of a complaint changes only through its buttons.")

    def _aftersales_transition_fields(self):
        return super()._aftersales_transition_fields() | {
            "date_escalated",
            "date_acknowledged",
            "date_resolved",
            "date_reply_sent",
        }

    def _aftersales_transition_refusals(self):
        refusals = super()._aftersales_transition_refusals()
        refusals.update(
            acknowledged=self.env._(
                "Only a new complaint can be acknowledged; %(name)s is past that stage."
            ),
            resolved=self.env._(
                "Only an acknowledged complaint can be resolved; %(name)s is not at that stage."
            ),
            closed=self.env._(
                "Only a resolved complaint can be closed; %(name)s is not at that stage."
            ),
        )
        return refusals

    def write(self, vals):
        to_escalate = self.browse()
        if vals.get("is_serious"):
            to_escalate = self.filtered(lambda c: not c.date_escalated)
        res = super().write(vals)
        to_escalate._escalate()
        if self._aftersales_owner_activity_triggers() & set(vals):
            self._aftersales_sync_owner_activity()
        return res

    @api.model
    def _aftersales_owner_activity_triggers(self):
        """Fields whose change moves, re-dates or closes the owner's activity."""
        return {
            "state",
            "user_id",
            "category",
            "department_id",
            "priority",
            "is_serious",
            "date_received",
            "company_id",
        }

    def _aftersales_sync_owner_activity(self):
        """The complaint's owner (from its route) follows it and has one activity for the
        step waiting for them: acknowledge it by the acknowledgment deadline while it is new,
        then propose a solution by the solution deadline. The step's activity is marked done
        when the step is done and moves with the owner; none is created twice."""
        ack_type = self.env.ref("aftersales_quality.mail_activity_type_complaint_ack")
        solution_type = self.env.ref("aftersales_quality.mail_activity_type_complaint_solution")
        for complaint in self:
            activities = complaint.activity_ids
            acks = activities.filtered(lambda a, t=ack_type: a.activity_type_id == t)
            solutions = activities.filtered(lambda a, t=solution_type: a.activity_type_id == t)
            if complaint.state != "new":
                acks.action_feedback(feedback=self.env._("Complaint acknowledged."))
            if complaint.state not in ("new", "acknowledged"):
                solutions.action_feedback(feedback=self.env._("Solution proposed."))
                continue
            if complaint.state == "new":
                current, step_type, moment = acks, ack_type, complaint.date_ack_deadline
                summary = self.env._("Acknowledge complaint %(name)s", name=complaint.name)
            else:
                current, step_type = solutions, solution_type
                moment = complaint.date_solution_deadline
                summary = self.env._(
                    "Propose a solution for complaint %(name)s", name=complaint.name
                )
            user = complaint.user_id
            if not user:
                current.unlink()
                continue
            record = complaint.with_context(tz=user.tz) if user.tz else complaint
            deadline = fields.Date.context_today(record, timestamp=moment or None)
            if not current:
                complaint.activity_schedule(
                    activity_type_id=step_type.id,
                    date_deadline=deadline,
                    user_id=user.id,
                    summary=summary,
                )
                continue
            current[1:].unlink()
            changes = {}
            if current[0].user_id != user:
                changes["user_id"] = user.id
            if current[0].date_deadline != deadline:
                changes["date_deadline"] = deadline
            if changes:
                current[0].write(changes)

    def _escalate(self):
        """Make serious complaints priority cases and give leadership an activity."""
        if not self:
            return
        self._aftersales_write_transition(
            {"priority": "1", "date_escalated": fields.Datetime.now()}
        )
        for complaint in self:
            leader = complaint.company_id.aftersales_escalation_user_id
            reason = dict(complaint._fields["serious_reason"]._description_selection(self.env))
            note = self.env._(
                "Serious complaint escalated to leadership (%(reason)s).",
                reason=reason.get(complaint.serious_reason, self.env._("serious case")),
            )
            if leader:
                complaint.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.context_today(complaint),
                    summary=self.env._("Escalated complaint: handle as a priority case"),
                    note=note,
                    user_id=leader.id,
                )
            complaint.message_post(body=note)

    def action_acknowledge(self):
        self._aftersales_transition(
            ("new",), "acknowledged", {"date_acknowledged": fields.Datetime.now()}
        )
        return True

    def action_resolve(self):
        """Send the decision and reply to the customer by mail, then mark it resolved.

        Two agents may answer the same complaint at once: the second waits for the first
        and is then refused, so the customer gets one reply."""
        self._aftersales_lock()
        undecided = self.filtered(lambda c: not c.decision or not c.reply)
        if undecided:
            raise UserError(
                self.env._(
                    "Decide whether %(names)s is founded and write the reply to the customer "
                    "before resolving it.",
                    names=", ".join(undecided.mapped("name")),
                )
            )
        self._aftersales_transition(
            ("acknowledged",), "resolved", {"date_resolved": fields.Datetime.now()}
        )
        self._send_reply()
        return True

    def _send_reply(self):
        now = fields.Datetime.now()
        for complaint in self:
            complaint.message_post(
                body=complaint.reply,
                subject=self.env._("Your complaint %(name)s", name=complaint.name),
                partner_ids=complaint.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self._aftersales_write_transition({"date_reply_sent": now})

    def action_close(self):
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise UserError(self.env._("Only an after-sales manager may close a complaint."))
        self._aftersales_transition(("resolved",), "closed")
        return True
