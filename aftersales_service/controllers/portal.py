# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, MissingError
from odoo.http import request, route
from odoo.tools import plaintext2html

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class AftersalesPortal(CustomerPortal):
    """The customer's requests, warranties and contracts on the portal."""

    @route(["/my/requests", "/my/requests/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_aftersales_requests(self, page=1, **kw):
        Request = request.env["aftersales.request"]
        total = Request.search_count([])
        pager = portal_pager(url="/my/requests", total=total, page=page, step=self._items_per_page)
        requests_ = Request.search(
            [],
            order="date_request desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "aftersales_requests": requests_.sudo(),
                "pager": pager,
                "page_name": "aftersales_request",
            }
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
                Request.search_count([]) if Request.has_access("read") else 0
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
