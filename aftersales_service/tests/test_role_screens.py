# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon, new_test_user

from .access_matrix import ROLES
from .screen_common import ScreenClient


@tagged("post_install", "-at_install")
class TestRoleScreens(BaseCommon):
    """Every role of the access matrix opens every screen on its menus, as the web client does.

    A user with exactly the matrix's groups loads its menus; every action they reach whose
    model the after-sales add-ons define or extend is opened: ``get_views`` of its views and
    search view, ``web_search_read`` with the list (kanban) view's fields, ``web_read`` of the
    first record with the form view's fields (``onchange`` of a new record for a form-only
    action). Any access error or traceback fails that role's subtest, so a field that needs
    another app's rights is caught the day it is added to a screen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Screens Customer Ltd."})
        portal_partner = cls.env["res.partner"].create({"name": "Screens Portal Clinic"})
        cls.users = {}
        for role, (_label, groups, _who) in ROLES.items():
            if role == "public":
                cls.users[role] = cls.env.ref("base.public_user")
                continue
            cls.users[role] = new_test_user(
                cls.env,
                login=f"screens_{role}",
                groups=",".join(groups),
                name=f"Screens {role.replace('_', ' ').title()}",
                **({"partner_id": portal_partner.id} if role == "portal" else {}),
            )
        # every back-office role has a request of its own, so that its form is opened too
        cls.env["aftersales.request"].create(
            [
                {"partner_id": cls.customer.id, "user_id": user.id}
                for role, user in cls.users.items()
                if role not in ("portal", "public")
            ]
        )
        cls.aftersales_models = {
            model.model
            for model in cls.env["ir.model"].search([])
            if any(name.startswith("aftersales_") for name in (model.modules or "").split(", "))
        }

    def _screens(self, client):
        for path, action in client.menu_actions():
            if action._name == "ir.actions.act_window":
                model = action.res_model
            elif action._name == "ir.actions.server":
                model = action.model_id.model
            else:
                continue
            if model in self.aftersales_models:
                yield path, action

    def test_every_role_opens_every_screen(self):
        opened = {}
        for role in ("portal", "public"):
            # the back office is closed to them: the menus the web client loads are refused
            with self.assertRaises(AccessError):
                ScreenClient(self.env, self.users[role]).menu_actions()
        for role, user in self.users.items():
            if role in ("portal", "public"):
                continue
            client = ScreenClient(self.env, user)
            opened[role] = 0
            for path, action in self._screens(client):
                with self.subTest(role=role, menu=path):
                    try:
                        with self.env.cr.savepoint(flush=False) as savepoint:
                            client.open(client.load_action(action))
                            opened[role] += 1
                            savepoint.rollback()
                    finally:
                        self.env.invalidate_all()
        for role, count in opened.items():
            self.assertTrue(count, f"{role} reaches no after-sales screen")

    def test_employee_columns_are_public(self):
        """Users without HR rights read employees through hr.employee.public, and the ORM
        prefetches every stored column of hr.employee the user's groups allow: a column the
        add-ons add without HR groups must exist on the public model, or reading any
        technician's name as an agent fails."""
        public = self.env["hr.employee.public"]._fields
        for name, field in self.env["hr.employee"]._fields.items():
            if (
                (field._module or "").startswith("aftersales_")
                and field.store
                and field.column_type
                and not field.groups
            ):
                with self.subTest(field=name):
                    self.assertIn(name, public)
        technician = self.env["hr.employee"].create({"name": "Screens Technician"})
        agent = technician.with_user(self.users["agent"])
        self.assertEqual(agent.name, "Screens Technician")
