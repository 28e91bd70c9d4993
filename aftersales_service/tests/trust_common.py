# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One user per role of the access matrix, and throw-away documents of every model."""

from odoo import Command, fields

from odoo.addons.base.tests.common import new_test_user

from .access_matrix import ROLES
from .common import AftersalesCommon
from .repair_common import SIGNATURE_PNG

# model -> values a test document of it needs (on top of what is filled in generically)
FIXTURE_VALS = {
    "aftersales.request": lambda case: {
        "partner_id": case.customer.id,
        "product_id": case.product.id,
        "technician_id": case.technician.id,
    },
    "aftersales.loan": lambda case: {
        "partner_id": case.customer.id,
        "product_id": case.product.id,
        "lot_id": case.loaner_lot.id,
    },
    "aftersales.return": lambda case: {
        "partner_id": case.customer.id,
        "line_ids": [
            Command.create(
                {
                    "product_id": case.goods.id,
                    "sale_line_id": case.sale_line.id,
                    "quantity": 2,
                    "reason_kind": "unsaleable",
                    "reason": "Slow-moving stock",
                }
            )
        ],
    },
    "aftersales.return.line": lambda case: {
        "return_id": case._fixture("aftersales.return").id,
        "product_id": case.goods.id,
        "sale_line_id": case.sale_line.id,
        "quantity": 1,
        "reason_kind": "unsaleable",
        "reason": "Slow-moving stock",
    },
    "aftersales.contract": lambda case: {
        "partner_id": case.customer.id,
        "date_start": fields.Date.today(),
        "date_end": fields.Date.add(fields.Date.today(), years=1),
    },
    "aftersales.warranty": lambda case: {
        "partner_id": case.customer.id,
        "product_id": case.product.id,
        "date_start": fields.Date.today(),
    },
    "aftersales.partner.agreement": lambda case: {
        "partner_id": case._service_partner().id,
        "date_end": fields.Date.add(fields.Date.today(), years=1),
        "product_category_ids": [Command.set(case.product.categ_id.ids)],
    },
    # a new service partner each time: one evaluation per partner and month
    "aftersales.partner.evaluation": lambda case: {
        "partner_id": case.env["res.partner"]
        .create({"name": "Trust Evaluated Partner", "is_company": True})
        .id,
        "decision_reason": "Monthly review",
    },
    "aftersales.work.log": lambda case: {
        "request_id": case._fixture("aftersales.request").id,
        "employee_id": case.technician.id,
        "hours": 1.5,
        "description": "Replaced the fan motor",
    },
    "aftersales.technician.certification": lambda case: {
        "employee_id": case.technician.id,
        "product_category_id": case.product.categ_id.id,
        "date_expiry": "2099-12-31",
    },
    "aftersales.complaint": lambda case: {
        "partner_id": case.customer.id,
        # routing would pick the department manager, who may be anyone: the manager owns it
        "user_id": case.manager.id,
        "content": "<p>The unit leaks.</p>",
        "decision": "founded",
        "reply": "<p>We replace the seal.</p>",
    },
}


def _submitted_return_step(case, step="aftersales"):
    """The pending approval step ``step`` of a freshly submitted return."""
    record = case._new_fixture("aftersales.return")
    record.action_submit()
    return record.approval_ids.filtered(lambda a: a.step == step)


def _return_with_defective_goods(case):
    """A return whose goods were put away in the warehouse's defective location."""
    record = case._new_fixture("aftersales.return")
    line = record.line_ids[:1]
    warehouse = record._warehouse()
    source = warehouse.lot_stock_id
    defective = warehouse._aftersales_return_location("defective")
    if not line.product_id.seller_ids:
        line.product_id.seller_ids = [Command.create({"partner_id": case.customer.id})]
    picking = case.env["stock.picking"].create(
        {
            "picking_type_id": warehouse.int_type_id.id,
            "location_id": source.id,
            "location_dest_id": defective.id,
            "aftersales_return_id": record.id,
            "aftersales_return_kind": "putaway",
            "move_ids": [
                Command.create(
                    {
                        "name": line.product_id.display_name,
                        "product_id": line.product_id.id,
                        "product_uom": line.product_id.uom_id.id,
                        "product_uom_qty": line.quantity,
                        "location_id": source.id,
                        "location_dest_id": defective.id,
                        "aftersales_return_line_id": line.id,
                    }
                )
            ],
        }
    )
    picking.action_confirm()
    picking.move_ids.quantity = line.quantity
    picking.move_ids.picked = True
    picking._action_done()
    return record


# model -> action -> the actions that bring a new document to where that action applies
# (or a function returning such a document)
ACTION_PATHS = {
    "aftersales.request": {
        "action_assess": [],
        "action_schedule": ["action_assess"],
        "action_start": ["action_assess", "action_schedule"],
        "action_wait_parts": ["action_assess", "action_schedule", "action_start"],
        "action_done": ["action_assess", "action_schedule", "action_start"],
        "action_log_callback": ["action_assess", "action_schedule", "action_start", "action_done"],
        "action_close": [
            "action_assess",
            "action_schedule",
            "action_start",
            "action_done",
            "action_log_callback",
        ],
        "action_cancel": [],
        "action_reset": ["action_cancel"],
        # a request with its technician (and, to agree, an appointment) set
        "action_propose_appointment": lambda cls: cls._new_fixture(
            "aftersales.request", technician_id=cls.technician.id
        ),
        "action_agree_appointment": lambda cls: cls._new_fixture(
            "aftersales.request",
            technician_id=cls.technician.id,
            date_appointment="2030-01-07 02:00:00",
            date_appointment_end="2030-01-07 04:00:00",
        ),
        "action_accept_installation": lambda cls: cls._installation_ready(),
        # a usage question with the answer written
        # dispatched to an authorised service partner
        "action_take_back": lambda cls: cls._dispatched_request(),
        "action_answer_close": lambda cls: cls._new_fixture(
            "aftersales.request", request_type="usage", answer="<p>Hold the button 5 s.</p>"
        ),
    },
    "aftersales.loan": {
        "action_lend": [],
        "action_return": ["action_lend"],
        "action_mark_lost": ["action_lend"],
        "action_cancel": [],
    },
    "aftersales.contract": {
        "action_activate": [],
        "action_cancel": ["action_activate"],
        "action_reset_draft": ["action_cancel"],
    },
    "aftersales.warranty": {
        "action_void": [],
        "action_restore": [("action_void", "Refunded")],
    },
    "aftersales.return": {
        "action_submit": [],
        "action_cancel": [],
        "action_scrap_defective": _return_with_defective_goods,
        "action_return_to_supplier": _return_with_defective_goods,
    },
    "aftersales.reorder.proposal": {"action_reject": []},
    "aftersales.survey": {"action_send": []},
    "aftersales.tool.incident": {"action_decide_wear": []},
    "aftersales.return.approval": {
        "action_approve": _submitted_return_step,
    },
    "aftersales.partner.evaluation": {
        "action_reward": [],
        "action_warn": [],
        "action_suspend": [],
    },
    "aftersales.complaint": {
        "action_acknowledge": [],
        "action_resolve": ["action_acknowledge"],
        "action_close": ["action_acknowledge", "action_resolve"],
    },
}

# product knowledge (aftersales_quality, issue 19): an internal document of the test product
FIXTURE_VALS["aftersales.knowledge.document"] = lambda case: {
    "product_tmpl_id": case.product.product_tmpl_id.id,
    "file": SIGNATURE_PNG,
    "file_name": "guide.png",
}
ACTION_PATHS["aftersales.knowledge.document"] = {"action_new_version": []}
# appraisal that acts (aftersales_quality, issue 19)
ACTION_PATHS["aftersales.technician.kpi"] = {"action_decide": []}

# arguments an action takes, as a button (or wizard) passes them
ACTION_ARGS = {
    ("aftersales.warranty", "action_void"): ("Unit refunded",),
}

# one per company and category (or the like): the test uses the company's own
REUSED = ("aftersales.complaint.route",)

# comodels filled from the shared test data rather than created
SHARED = {
    "res.partner": "customer",
    "product.product": "product",
    "hr.employee": "technician",
    "res.users": "manager",
}


class TrustCommon(AftersalesCommon):
    """Role users (``cls.role_users``) and ``_fixture(model)`` documents nobody of them owns."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_partner = cls.env["res.partner"].create({"name": "Busan Dental Clinic"})
        cls.role_users = {}
        for role, (_label, groups, _who) in ROLES.items():
            if role == "public":
                cls.role_users[role] = cls.env.ref("base.public_user")
                continue
            cls.role_users[role] = new_test_user(
                cls.env,
                login=f"trust_{role}",
                groups=",".join(groups),
                name=f"Trust {role.replace('_', ' ').title()}",
                **({"partner_id": cls.portal_partner.id} if role == "portal" else {}),
            )
        cls.loaner_lot = cls.env["stock.lot"].create(
            {"name": "TRUST-LOANER-1", "product_id": cls.product.id}
        )
        cls._fixtures = {}
        cls._deliver_goods()

    @classmethod
    def _deliver_goods(cls):
        """Goods sold and delivered to the customer, so that returns have something to return."""
        company = cls.env.company
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
        cls._sell_and_deliver("Trust Dehumidifier DH-30", 50)

    @classmethod
    def _fixture_vals(cls, model_name, **extra):
        """Values for a valid document of ``model_name``: its recipe, then every required field."""
        model = cls.env[model_name]
        vals = dict(FIXTURE_VALS.get(model_name, lambda case: {})(cls), **extra)
        defaults = model.default_get(list(model._fields))
        for name, field in model._fields.items():
            if (
                name in vals
                or name in defaults
                or not field.required
                or field.compute
                or field.related
                or name in ("create_uid", "write_uid", "create_date", "write_date")
            ):
                continue
            if field.type == "many2one":
                vals[name] = cls._shared_record(field.comodel_name).id
            elif field.type == "selection":
                vals[name] = field.get_values(cls.env)[0]
            elif field.type in ("char", "text", "html"):
                vals[name] = "Trust check"
            elif field.type in ("integer", "float", "monetary"):
                vals[name] = 1
            elif field.type == "date":
                vals[name] = fields.Date.today()
            elif field.type == "datetime":
                vals[name] = fields.Datetime.now()
        return vals

    @classmethod
    def _shared_record(cls, comodel):
        if comodel in SHARED:
            return getattr(cls, SHARED[comodel])
        if comodel == "res.company":
            return cls.env.company
        if comodel.startswith("aftersales."):
            return cls._fixture(comodel)
        record = cls.env[comodel].search([], limit=1)
        return record or cls.env[comodel].create(cls._fixture_vals(comodel))

    @classmethod
    def _fixture(cls, model_name):
        """One shared document of ``model_name``, owned by nobody of the role users.

        For a report (an SQL view) it is any of its rows, possibly none."""
        if not cls.env[model_name]._auto:
            return cls.env[model_name].search([], limit=1)
        if model_name in REUSED:
            return cls.env[model_name].search([("company_id", "=", cls.env.company.id)], limit=1)
        if model_name not in cls._fixtures or not cls._fixtures[model_name].exists():
            cls._fixtures[model_name] = cls._new_fixture(model_name)
        return cls._fixtures[model_name]

    @classmethod
    def _new_fixture(cls, model_name, **extra):
        return cls.env[model_name].create(cls._fixture_vals(model_name, **extra))

    @classmethod
    def _installation_ready(cls):
        """An installation job on site: appointment agreed, checklist ticked, signed."""
        request = cls._new_fixture(
            "aftersales.request",
            request_type="installation",
            date_appointment="2030-01-07 02:00:00",
            date_appointment_end="2030-01-07 04:00:00",
        )
        request.action_agree_appointment()
        request.action_assess()
        request.action_schedule()
        request.write(
            {
                "commissioning_checklist": '<ul class="o_checklist">'
                '<li class="o_checked">Test run passed</li></ul>',
                "installation_signature": SIGNATURE_PNG,
                "installation_signed_by": "Li Wei",
            }
        )
        return request

    @classmethod
    def _service_partner(cls):
        """An active authorised service partner (a company)."""
        partner = cls.env["res.partner"].search([("name", "=", "Trust Service Partner")], limit=1)
        return partner or cls.env["res.partner"].create(
            {
                "name": "Trust Service Partner",
                "is_company": True,
                "aftersales_partner_state": "active",
            }
        )

    @classmethod
    def _dispatched_request(cls):
        """A new request dispatched to the service partner, whose agreement covers it."""
        cls._fixture("aftersales.partner.agreement")
        return cls._new_fixture(
            "aftersales.request",
            technician_id=False,
            service_partner_id=cls._service_partner().id,
        )

    @classmethod
    def _prepared(cls, model_name, action):
        """A new document moved (as superuser) to where ``action`` applies."""
        path = ACTION_PATHS.get(model_name, {}).get(action, [])
        if callable(path):
            return path(cls)
        record = cls._new_fixture(model_name)
        for step in path:
            name, *args = (step,) if isinstance(step, str) else step
            getattr(record, name)(*args)
        return record

    @classmethod
    def _click(cls, record, action):
        """Press ``action`` on ``record`` the way its button does."""
        return getattr(record, action)(*ACTION_ARGS.get((record._name, action), ()))
