# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .access_matrix import CRUD, ROLES, load_matrix
from .trust_common import ACTION_PATHS, TrustCommon

REFUSED = (AccessError, UserError)
ORM_OPERATION = {"read": "read", "write": "write", "create": "create", "delete": "unlink"}


class _Rollback(Exception):
    """Raised to roll an attempt back whatever it did."""


@tagged("post_install", "-at_install")
class TestAccessMatrix(TrustCommon):
    """Every cell of tests/access_matrix.csv, tried through the ORM as a user of that role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matrix = load_matrix()

    def _attempt(self, func):
        """Run ``func`` in a savepoint that is always rolled back; return the refusal, if any."""
        try:
            with self.env.cr.savepoint():
                func()
                raise _Rollback()
        except _Rollback:
            return None
        except REFUSED as error:
            return error

    def _cells(self, kinds, operations):
        for row in self.matrix:
            if row["operation"] not in operations:
                continue
            for role in ROLES:
                if row[role] in kinds:
                    yield row["model"], row["operation"], role, self.role_users[role]

    def _crud(self, model, operation, user):
        """The ORM call that performs ``operation`` on a document nobody of the roles owns."""
        if not self.env[model]._auto:
            # a report (SQL view): no document to make, the model's own access decides
            return lambda: (
                self.env[model].with_user(user).browse().check_access(ORM_OPERATION[operation])
            )
        if operation == "create":
            vals = self._fixture_vals(model)
            return lambda: self.env[model].with_user(user).create(vals)
        record = self._fixture(model).with_user(user)
        if operation == "read":
            return lambda: record.read(["display_name"])
        if operation == "write":
            return lambda: record.write({})
        return record.unlink

    def test_matrix_lists_every_model_and_only_existing_ones(self):
        """Each after-sales model has its four rows; the matrix names no model that is gone."""
        models = {
            name
            for name, model in self.env.registry.items()
            if name.startswith("aftersales.") and not model._transient and not model._abstract
        }
        listed = {row["model"] for row in self.matrix}
        self.assertFalse(models - listed, "models missing from the access matrix")
        self.assertFalse(listed - models, "the access matrix names models that do not exist")
        for model in models:
            operations = {row["operation"] for row in self.matrix if row["model"] == model}
            self.assertLessEqual(set(CRUD), operations, model)
            for action in operations - set(CRUD):
                self.assertTrue(hasattr(self.env[model], action), f"{model}.{action}")
                self.assertIn(action, ACTION_PATHS.get(model, {}), f"{model}.{action} path")

    def test_refused_operations_are_refused(self):
        """Every 'no' cell for read/write/create/delete raises AccessError for that role."""
        for model, operation, role, user in self._cells({"no"}, CRUD):
            with self.subTest(model=model, operation=operation, role=role):
                self._fixture(model)
                count = self.env[model].search_count([])
                error = self._attempt(self._crud(model, operation, user))
                self.assertIsNotNone(error, f"{role} could {operation} {model}")
                self.assertEqual(self.env[model].search_count([]), count)
                if operation == "read":
                    # searching is refused too, or finds nothing of others
                    self._attempt(
                        lambda model=model, user=user: self.assertNotIn(
                            self._fixture(model).id,
                            self.env[model].with_user(user).search([]).ids,
                        )
                    )

    def test_allowed_operations_are_allowed(self):
        """Every 'yes' cell is granted: model access and the record rules let the role in."""
        for model, operation, role, user in self._cells({"yes"}, CRUD):
            with self.subTest(model=model, operation=operation, role=role):
                if operation == "create":
                    granted = self.env[model].with_user(user).browse().has_access("create")
                else:
                    granted = (
                        self._fixture(model).with_user(user).has_access(ORM_OPERATION[operation])
                    )
                self.assertTrue(granted, f"{role} cannot {operation} {model}")

    def test_own_operations_stop_at_others_documents(self):
        """'own' cells: the role has model access but not to a document that is not theirs."""
        for model, operation, role, user in self._cells({"own"}, CRUD):
            with self.subTest(model=model, operation=operation, role=role):
                as_user = self.env[model].with_user(user)
                self.assertTrue(as_user.browse().has_access(ORM_OPERATION[operation]))
                if operation == "create" or not as_user._auto:
                    continue
                record = self._fixture(model).with_user(user)
                self.assertFalse(record.has_access(ORM_OPERATION[operation]))
                self.assertIsNotNone(self._attempt(self._crud(model, operation, user)))

    def test_refused_actions_are_refused(self):
        """Every 'no' or 'own' action cell: the role's click on another's document is refused."""
        actions = {row["operation"] for row in self.matrix} - set(CRUD)
        for model, action, role, user in self._cells({"no", "own"}, actions):
            with self.subTest(model=model, action=action, role=role):

                def click(model=model, action=action, user=user):
                    record = self._prepared(model, action)
                    self._click(record.with_user(user), action)

                self.assertIsNotNone(self._attempt(click), f"{role} could run {model}.{action}")

    def test_allowed_actions_succeed(self):
        """Every 'yes' action cell: the role runs the action on a document where it applies."""
        actions = {row["operation"] for row in self.matrix} - set(CRUD)
        for model, action, role, user in self._cells({"yes"}, actions):
            with self.subTest(model=model, action=action, role=role):

                def click(model=model, action=action, user=user):
                    record = self._prepared(model, action)
                    self._click(record.with_user(user), action)

                self.assertIsNone(self._attempt(click), f"{role} cannot run {model}.{action}")
