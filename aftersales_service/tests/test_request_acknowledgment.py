# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import AftersalesCommon


class TestRequestAcknowledgment(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "buyer@hangzhou-cooling.example.com"
        cls.walk_in = cls.env["res.partner"].create({"name": "Walk-in customer"})

    def _acknowledgments(self, requests):
        """The acknowledgment e-mails of ``requests`` (their copy stays in the chatter once
        the queued e-mail is sent and deleted)."""
        return self.env["mail.message"].search(
            [
                ("model", "=", "aftersales.request"),
                ("res_id", "in", requests.ids),
                ("subject", "like", "Your service request"),
            ]
        )

    def test_batch_creation_acknowledges_in_the_background(self):
        """Requests created in one batch are flagged, and the job mails each customer once."""
        requests = self.env["aftersales.request"].create(
            [{"partner_id": self.customer.id} for _index in range(3)]
            + [{"partner_id": self.walk_in.id}]
        )
        with_email = requests.filtered(lambda r: r.partner_id.email)
        self.assertTrue(all(with_email.mapped("is_acknowledgment_pending")))
        self.assertFalse((requests - with_email).is_acknowledgment_pending)
        self.assertFalse(self._acknowledgments(requests))
        self.env["aftersales.request"]._cron_send_acknowledgments()
        mails = self._acknowledgments(requests)
        self.assertEqual(sorted(mails.mapped("res_id")), sorted(with_email.ids))
        for request in with_email:
            mail = mails.filtered(lambda m, r=request: m.res_id == r.id)
            self.assertIn(request.name, mail.subject)
            queued = self.env["mail.mail"].search([("mail_message_id", "=", mail.id)])
            if queued:  # not sent yet: addressed to the customer
                self.assertEqual(queued.recipient_ids, self.customer)
        self.assertFalse(any(requests.mapped("is_acknowledgment_pending")))
        self.env["aftersales.request"]._cron_send_acknowledgments()
        self.assertEqual(len(self._acknowledgments(requests)), 3, "sent twice")

    def test_single_request_is_acknowledged_at_once(self):
        """A request recorded on its own is acknowledged in its chatter right away."""
        request = self.env["aftersales.request"].create({"partner_id": self.customer.id})
        self.assertFalse(request.is_acknowledgment_pending)
        message = request.message_ids.filtered(lambda m: request.name in (m.subject or ""))
        self.assertIn(self.customer, message.partner_ids)
