# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import re

from .common import AftersalesCommon

WRITE = re.compile(r"^\s*(INSERT INTO|UPDATE|DELETE FROM)\s+\"?(\w+)\"?", re.IGNORECASE)


class TestRequestAcknowledgment(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "buyer@hangzhou-cooling.example.com"
        cls.walk_in = cls.env["res.partner"].create({"name": "Walk-in customer"})
        cls.cron = cls.env.ref("aftersales_service.ir_cron_aftersales_acknowledgment")

    def _acknowledgments(self, requests):
        """The acknowledgments of ``requests`` in their conversation."""
        return self.env["mail.message"].search(
            [
                ("model", "=", "aftersales.request"),
                ("res_id", "in", requests.ids),
                ("subject", "like", "Your service request"),
            ]
        )

    @contextlib.contextmanager
    def _updated_tables(self):
        """The tables whose rows the block's statements update or delete, less those it
        inserted rows into (their new rows get computed columns after the insert)."""
        queries = []
        yield from self._patchExecute(queries)  # flushes before and after
        writes = [m.groups() for m in map(WRITE.match, queries) if m]
        inserted = {table for verb, table in writes if verb.upper() == "INSERT INTO"}
        updated = {table for verb, table in writes if verb.upper() != "INSERT INTO"}
        self.assertNotIn("res_partner", updated)
        queries[:] = sorted(updated - inserted)

    def test_batch_creation_acknowledges_in_the_background(self):
        """Requests created in one batch are flagged, and the job posts once to each customer."""
        requests = self.env["aftersales.request"].create(
            [{"partner_id": self.customer.id} for _index in range(3)]
            + [{"partner_id": self.walk_in.id}]
        )
        with_email = requests.filtered(lambda r: r.partner_id.email)
        self.assertTrue(all(with_email.mapped("is_acknowledgment_pending")))
        self.assertFalse((requests - with_email).is_acknowledgment_pending)
        self.assertFalse(self._acknowledgments(requests))
        self.cron.method_direct_trigger()
        mails = self._acknowledgments(requests)
        self.assertEqual(sorted(mails.mapped("res_id")), sorted(with_email.ids))
        for request in with_email:
            mail = mails.filtered(lambda m, r=request: m.res_id == r.id)
            self.assertIn(request.name, mail.subject)
            self.assertEqual(mail.partner_ids, self.customer)
        self.assertFalse(any(requests.mapped("is_acknowledgment_pending")))
        self.cron.method_direct_trigger()
        self.assertEqual(len(self._acknowledgments(requests)), 3, "sent twice")

    def test_single_request_is_acknowledged_by_the_job(self):
        """A request recorded on its own is queued, the job is triggered at once, and its run
        posts the acknowledgment in the chatter, addressed to the customer, by the agent."""
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)])
        request = (
            self.env["aftersales.request"]
            .with_user(self.agent)
            .create({"partner_id": self.customer.id})
        )
        self.assertTrue(request.is_acknowledgment_pending)
        self.assertFalse(self._acknowledgments(request), "posted inside the creating transaction")
        new_triggers = self.env["ir.cron.trigger"].search(
            [("cron_id", "=", self.cron.id), ("id", "not in", triggers.ids)]
        )
        self.assertTrue(new_triggers, "the acknowledgment job was not triggered")
        self.cron.method_direct_trigger()
        message = self._acknowledgments(request)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.message_type, "comment")
        self.assertIn(self.customer, message.partner_ids)
        self.assertIn(request.name, message.body)
        self.assertEqual(message.author_id, self.agent.partner_id)
        self.assertIn(self.agent.partner_id, request.message_partner_ids)
        self.assertEqual(
            message.notification_ids.res_partner_id,
            self.customer,
            "the agent who recorded the request got a copy of the customer's acknowledgment",
        )
        self.assertFalse(request.is_acknowledgment_pending)

    def test_contact_with_an_address_is_acknowledged(self):
        """A customer without e-mail whose contact has one: the contact is acknowledged."""
        contact = self.env["res.partner"].create(
            {"name": "Site manager", "parent_id": self.walk_in.id, "email": "site@example.com"}
        )
        request = self.env["aftersales.request"].create(
            {"partner_id": self.walk_in.id, "contact_id": contact.id}
        )
        self.cron.method_direct_trigger()
        self.assertEqual(self._acknowledgments(request).partner_ids, contact)

    def test_two_requests_for_one_customer_write_no_shared_row(self):
        """Recording a request writes only its own rows: with portal sign-up open to all
        (``b2c``) two agents recording requests for one customer cannot collide, the
        customer's record is neither updated nor locked."""
        self.env["ir.config_parameter"].sudo().set_param("auth_signup.invitation_scope", "b2c")
        self.env.flush_all()
        partner_written = self.customer.write_date
        Request = self.env["aftersales.request"].with_user(self.agent)
        tables = []
        for _attempt in range(2):
            with self._updated_tables() as updated:
                request = Request.create(
                    {"partner_id": self.customer.id, "product_id": self.product.id}
                )
            tables.append(updated)
        for updated in tables:
            self.assertEqual(updated, [])
        self.customer.invalidate_recordset(["write_date"])
        self.assertEqual(self.customer.write_date, partner_written)
        # the job then posts (and prepares the sign-up) one request after the other
        self.cron.method_direct_trigger()
        self.assertTrue(self._acknowledgments(request))

    def test_returns_and_work_logs_write_no_shared_row(self):
        """A return and a work log are recorded without touching any existing row either."""
        request = self.env["aftersales.request"].create({"partner_id": self.customer.id})
        self.env.flush_all()
        with self._updated_tables() as updated:
            self.env["aftersales.return"].with_user(self.agent).create(
                {"partner_id": self.customer.id}
            )
        self.assertEqual(updated, [])
        with self._updated_tables() as updated:
            self.env["aftersales.work.log"].create(
                {
                    "request_id": request.id,
                    "employee_id": self.technician.id,
                    "hours": 1.0,
                    "description": "Diagnosis",
                }
            )
        self.assertEqual(updated, [])
