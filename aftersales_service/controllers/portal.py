# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import binascii
from datetime import datetime

import pytz

from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request, route
from odoo.tools import plaintext2html

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class AftersalesPortal(CustomerPortal):
    """The customer's requests, warranties and contracts on the portal."""

    @route(["/my/requests", "/my/requests/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_aftersales_requests(self, page=1, **kw):
        # the customer's own requests: a service partner's user finds the requests dispatched
        # to its company under /my/dispatched, not mixed with those it files as a customer
        values = self._aftersales_portal_list(
            "aftersales.request",
            "/my/requests",
            "aftersales_request",
            "aftersales_requests",
            "date_request desc, id desc",
            page=page,
        )
        return request.render("aftersales_service.portal_my_aftersales_requests", values)

    @route(["/my/requests/<int:request_id>"], type="http", auth="public", website=True)
    def portal_my_aftersales_request(self, request_id, access_token=None, **kw):
        try:
            request_sudo = self._document_check_access(
                "aftersales.request", request_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            request_sudo,
            access_token,
            {"aftersales_request": request_sudo, "page_name": "aftersales_request"},
            "my_aftersales_requests_history",
            False,
            **kw,
        )
        return request.render("aftersales_service.portal_my_aftersales_request", values)

    def _aftersales_portal_choices(self, partner):
        """Products and serials the customer may pick when opening a request: what their
        company bought and had delivered (read with sudo: a portal user reads no stock)."""
        Request = request.env["aftersales.request"].sudo()
        return {
            "products": Request._aftersales_portal_products(partner),
            "lots": Request._aftersales_portal_lots(partner),
        }

    @route(["/my/requests/new"], type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_new_aftersales_request(self, **post):
        partner = request.env.user.partner_id
        values = self._prepare_portal_layout_values()
        values.update(self._aftersales_portal_choices(partner))
        values.update({"page_name": "aftersales_request_new", "error": False, "post": post})
        if request.httprequest.method == "POST":
            new_request = self._aftersales_create_from_portal(partner, post, values)
            if new_request:
                return request.redirect(new_request.get_portal_url())
        return request.render("aftersales_service.portal_new_aftersales_request", values)

    def _aftersales_create_from_portal(self, partner, post, values):
        symptoms = (post.get("description") or "").strip()
        if not symptoms:
            values["error"] = request.env._("Please describe the problem.")
            return False
        vals = {
            "partner_id": partner.commercial_partner_id.id,
            "contact_id": partner.id if partner != partner.commercial_partner_id else False,
            "channel": "portal",
            "request_type": "repair",
            "description": plaintext2html(symptoms),
            "company_id": partner.company_id.id or request.env.company.id,
        }
        try:
            lot_id = int(post.get("lot_id") or 0)
            product_id = int(post.get("product_id") or 0)
        except ValueError:
            lot_id = product_id = -1
        lot = values["lots"].browse(lot_id) if lot_id in values["lots"].ids else None
        if lot_id and not lot:
            values["error"] = request.env._(
                "This serial number is not one of the units delivered to you; "
                "please choose your unit from the list."
            )
            return False
        if product_id and product_id not in values["products"].ids:
            values["error"] = request.env._(
                "This product is not one you bought from us; please choose it from the list."
            )
            return False
        if lot and product_id and lot.product_id.id != product_id:
            values["error"] = request.env._(
                "Serial number %(lot)s belongs to a %(product)s; please check the product.",
                lot=lot.name,
                product=lot.product_id.display_name,
            )
            return False
        if lot:
            vals.update({"lot_id": lot.id, "product_id": lot.product_id.id})
        elif product_id:
            vals["product_id"] = product_id
        new_request = request.env["aftersales.request"].sudo().create(vals)
        new_request.message_subscribe(partner_ids=partner.ids)
        return new_request

    def _aftersales_domain(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return [("partner_id", "child_of", [partner.id])]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "aftersales_request_count" in counters:
            Request = request.env["aftersales.request"]
            values["aftersales_request_count"] = (
                Request.search_count(self._aftersales_domain()) if Request.has_access("read") else 0
            )
        for counter, model in (
            ("aftersales_warranty_count", "aftersales.warranty"),
            ("aftersales_contract_count", "aftersales.contract"),
        ):
            if counter in counters:
                Model = request.env[model]
                values[counter] = (
                    Model.search_count(self._aftersales_domain()) if Model.has_access("read") else 0
                )
        if "aftersales_dispatched_count" in counters:
            Request = request.env["aftersales.request"]
            values["aftersales_dispatched_count"] = (
                Request.search_count(self._aftersales_dispatched_domain())
                if Request.has_access("read")
                else 0
            )
        return values

    def _aftersales_portal_list(self, model, url, page_name, key, order, page=1):
        Model = request.env[model]
        domain = self._aftersales_domain() if Model.has_access("read") else [(0, "=", 1)]
        values = self._prepare_portal_layout_values()
        pager = portal_pager(
            url=url,
            total=Model.search_count(domain) if domain != [(0, "=", 1)] else 0,
            page=page,
            step=self._items_per_page,
        )
        records = (
            Model.search(domain, order=order, limit=self._items_per_page, offset=pager["offset"])
            if domain != [(0, "=", 1)]
            else Model
        )
        # found under the portal user's record rules; read with sudo for the serial and product
        values.update(
            {key: records.sudo(), "page_name": page_name, "pager": pager, "default_url": url}
        )
        return values

    @route(
        ["/my/warranties", "/my/warranties/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_aftersales_warranties(self, page=1, **kw):
        values = self._aftersales_portal_list(
            "aftersales.warranty",
            "/my/warranties",
            "aftersales_warranty",
            "warranties",
            "date_start desc, id desc",
            page=page,
        )
        return request.render("aftersales_service.portal_my_warranties", values)

    @route(
        ["/my/contracts", "/my/contracts/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_aftersales_contracts(self, page=1, **kw):
        values = self._aftersales_portal_list(
            "aftersales.contract",
            "/my/contracts",
            "aftersales_contract",
            "contracts",
            "date_end desc, id desc",
            page=page,
        )
        return request.render("aftersales_service.portal_my_contracts", values)

    # ------------------------------------------------------------------
    # Authorised service partners: the requests dispatched to the user's company (issue 19)
    # ------------------------------------------------------------------
    def _aftersales_dispatched_domain(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return [("service_partner_id", "=", partner.id)]

    @route(
        ["/my/dispatched", "/my/dispatched/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_aftersales_dispatched(self, page=1, **kw):
        Request = request.env["aftersales.request"]
        domain = self._aftersales_dispatched_domain()
        total = Request.search_count(domain) if Request.has_access("read") else 0
        pager = portal_pager(
            url="/my/dispatched", total=total, page=page, step=self._items_per_page
        )
        dispatched = (
            Request.search(
                domain,
                order="priority desc, date_request desc, id desc",
                limit=self._items_per_page,
                offset=pager["offset"],
            )
            if total
            else Request
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                # found under the partner user's record rules; sudo for the customer's address
                "dispatched_requests": dispatched.sudo(),
                "pager": pager,
                "page_name": "aftersales_dispatched",
            }
        )
        return request.render("aftersales_service.portal_my_aftersales_dispatched", values)

    def _aftersales_dispatched_sudo(self, request_id):
        """The request, read with sudo once the user's record rules let them read it and it is
        dispatched to the user's company; else None."""
        try:
            request_sudo = self._document_check_access("aftersales.request", request_id)
        except (AccessError, MissingError):
            return None
        partner = request.env.user.partner_id.commercial_partner_id
        if request_sudo.service_partner_id != partner:
            return None
        return request_sudo

    def _aftersales_dispatched_page(self, request_sudo, error=None):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "aftersales_request": request_sudo,
                "page_name": "aftersales_dispatched",
                "error": error,
                "work_categories": request_sudo.env["aftersales.work.log"]
                ._fields["category"]
                ._description_selection(request.env),
                "parts": request_sudo.env["product.product"].search(
                    [
                        ("type", "=", "consu"),
                        ("company_id", "in", (request_sudo.company_id.id, False)),
                    ],
                    order="default_code, name",
                    limit=200,
                ),
            }
        )
        return request.render("aftersales_service.portal_my_aftersales_dispatched_request", values)

    @route(["/my/dispatched/<int:request_id>"], type="http", auth="user", website=True)
    def portal_my_aftersales_dispatched_request(self, request_id, **kw):
        request_sudo = self._aftersales_dispatched_sudo(request_id)
        if not request_sudo:
            return request.redirect("/my")
        return self._aftersales_dispatched_page(request_sudo)

    def _aftersales_portal_datetime(self, value):
        """A ``datetime-local`` input of the user's time zone, in UTC for the database."""
        moment = datetime.strptime(value, "%Y-%m-%dT%H:%M")
        tz = pytz.timezone(request.env.user.tz or "UTC")
        return tz.localize(moment).astimezone(pytz.utc).replace(tzinfo=None)

    @route(
        ["/my/dispatched/<int:request_id>/<string:step>"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_aftersales_dispatched_step(self, request_id, step, **post):
        """Accept, schedule, start, log work or record a part, as the partner's user."""
        request_sudo = self._aftersales_dispatched_sudo(request_id)
        if not request_sudo:
            return request.redirect("/my")
        # the steps run as the user (their name in the chatter), with sudo rights
        as_user = request_sudo.with_user(request.env.user).sudo()
        try:
            with request.env.cr.savepoint():
                self._aftersales_dispatched_run(as_user, step, post)
        except ValueError:
            return self._aftersales_dispatched_page(
                request_sudo, request.env._("Please fill every field of the form correctly.")
            )
        except UserError as error:
            return self._aftersales_dispatched_page(request_sudo, error.args[0])
        return request.redirect(f"/my/dispatched/{request_id}")

    @route(["/my/dispatched/<int:request_id>/sign"], type="json", auth="user", website=True)
    def portal_aftersales_dispatched_sign(self, request_id, name=None, signature=None):
        """Done with the customer's signature (Odoo's portal signature form)."""
        request_sudo = self._aftersales_dispatched_sudo(request_id)
        if not request_sudo:
            return {"error": request.env._("This request is not dispatched to your company.")}
        try:
            with request.env.cr.savepoint():
                request_sudo.with_user(request.env.user).sudo()._aftersales_partner_done(
                    name, signature
                )
        except UserError as error:
            return {"error": error.args[0]}
        except (TypeError, ValueError, binascii.Error):
            return {"error": request.env._("Invalid signature data.")}
        return {"force_refresh": True, "redirect_url": f"/my/dispatched/{request_id}"}

    def _aftersales_dispatched_run(self, as_user, step, post):
        """Run one step of the partner's work on the request (``as_user``: sudo as the user)."""
        if step == "accept":
            as_user._aftersales_partner_accept()
        elif step == "schedule":
            as_user._aftersales_partner_schedule(
                self._aftersales_portal_datetime(post.get("date_appointment") or "")
            )
        elif step == "start":
            as_user._aftersales_partner_start()
        elif step == "work":
            as_user._aftersales_partner_log_work(
                float(post.get("hours") or 0),
                post.get("category") or "A",
                (post.get("description") or "").strip(),
            )
        elif step == "part":
            product = as_user.env["product.product"].browse(int(post.get("product_id") or 0))
            as_user._aftersales_partner_add_part(
                product.exists(),
                float(post.get("quantity") or 0),
                (post.get("reason") or "").strip(),
            )
