# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

LEVELS = [
    ("public", "Public"),
    ("customer", "Customers"),
    ("network", "Service Network"),
    ("internal", "Internal"),
]
# service partners in these states belong to the network that reads its documents
NETWORK_STATES = ("active", "warned")


class AftersalesKnowledgeDocument(models.Model):
    """A product document (manual, parts list, repair guide, bulletin, price list).

    The file is an ``ir.attachment`` (a binary field stored as attachment); who may read it
    is its confidentiality level, enforced by record rules: after-sales users read all,
    portal customers public and customer documents of what they bought or own, portal users
    of an active or warned service partner public, customer and service network documents,
    the public user public ones.
    """

    _name = "aftersales.knowledge.document"
    _description = "Product Knowledge Document"
    _inherit = ["mail.thread"]
    _order = "kind, name, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    kind = fields.Selection(
        [
            ("manual", "Manual"),
            ("parts_list", "Exploded View & Parts List"),
            ("repair_guide", "Repair Guide"),
            ("bulletin", "Service Bulletin"),
            ("price_list", "Price List"),
        ],
        required=True,
        default="manual",
        tracking=True,
    )
    level = fields.Selection(
        LEVELS,
        string="Confidentiality",
        required=True,
        default="internal",
        tracking=True,
        help="Public: anyone. Customers: customers who bought or own the product. Service "
        "Network: also the users of active service partners. Internal: after-sales staff only.",
    )
    company_id = fields.Many2one("res.company", index=True)
    product_categ_id = fields.Many2one(
        "product.category",
        string="Product Family",
        index=True,
        help="The document applies to every product of this category and its subcategories.",
    )
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", index=True, check_company=True
    )
    version = fields.Char(default="1.0", required=True, tracking=True)
    previous_id = fields.Many2one(
        "aftersales.knowledge.document",
        string="Previous Version",
        index="btree_not_null",
        copy=False,
        ondelete="set null",
    )
    next_version_ids = fields.One2many(
        "aftersales.knowledge.document", "previous_id", string="Newer Versions"
    )
    is_current = fields.Boolean(
        string="Current Version",
        compute="_compute_is_current",
        store=True,
        help="No newer version of this document exists.",
    )
    file = fields.Binary(attachment=True, required=True, copy=True)
    file_name = fields.Char()
    description = fields.Text()
    date_bulletin_sent = fields.Datetime(string="Bulletin Sent On", readonly=True, copy=False)
    owner_partner_ids = fields.Many2many(
        "res.partner",
        string="Customers Owning the Product",
        compute="_compute_owner_partner_ids",
        search="_search_owner_partner_ids",
        help="Companies that bought or own a product the document applies to.",
    )
    network_partner_ids = fields.Many2many(
        "res.partner",
        string="Service Network",
        compute="_compute_network_partner_ids",
        search="_search_network_partner_ids",
    )

    @api.constrains("product_categ_id", "product_tmpl_id")
    def _check_product(self):
        for document in self:
            if not document.product_categ_id and not document.product_tmpl_id:
                raise ValidationError(
                    self.env._(
                        "The document %(name)s needs a product or a product family.",
                        name=document.name,
                    )
                )

    @api.depends("next_version_ids")
    def _compute_is_current(self):
        for document in self:
            document.is_current = not document.next_version_ids

    # ------------------------------------------------------------------
    # Readers: customers of the product, the service network
    # ------------------------------------------------------------------
    def _owned_product_templates(self, partner_ids):
        """Product templates the commercial partners bought (confirmed sales) or own
        (warranties), read as superuser: a portal user reads none of them himself."""
        lines = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("order_partner_id.commercial_partner_id", "in", partner_ids),
                    ("state", "=", "sale"),
                    ("product_id", "!=", False),
                ],
                ["product_id"],
            )
        )
        warranties = (
            self.env["aftersales.warranty"]
            .sudo()
            ._read_group([("partner_id.commercial_partner_id", "in", partner_ids)], ["product_id"])
        )
        products = self.env["product.product"].union(
            *(product for (product,) in lines + warranties)
        )
        return products.sudo().product_tmpl_id

    def _applies_to_domain(self, templates):
        """Documents of these product templates or of one of their categories' ancestors."""
        if not templates:
            return [("id", "=", 0)]
        # the categories and their ancestors from their parent paths (what "parent_of"
        # would look up with one more query)
        categories = {
            int(category_id)
            for path in templates.sudo().categ_id.mapped("parent_path")
            for category_id in (path or "").split("/")[:-1]
        }
        return [
            "|",
            ("product_tmpl_id", "in", templates.ids),
            "&",
            ("product_tmpl_id", "=", False),
            ("product_categ_id", "in", sorted(categories)),
        ]

    @api.depends_context("uid")
    def _compute_owner_partner_ids(self):
        """The current user's company when it owns a product of the document (the record
        rules compare it in memory, e.g. in check_access; listing every owner is not needed)."""
        company = self.env.user.partner_id.commercial_partner_id
        owned = self.browse()
        if self.ids:
            owned = (
                self.sudo()
                .with_context(active_test=False)
                .search(
                    [("id", "in", self.ids)]
                    + self._applies_to_domain(self._owned_product_templates(company.ids))
                )
            )
        for document in self:
            document.owner_partner_ids = company if document in owned else False

    def _search_owner_partner_ids(self, operator, value):
        if operator not in ("in", "=") or not value:
            return [("id", "=", 0)]
        partner_ids = value if isinstance(value, (list, tuple)) else [value]
        partners = self.env["res.partner"].sudo().browse(partner_ids).commercial_partner_id
        return self._applies_to_domain(self._owned_product_templates(partners.ids))

    @api.depends_context("uid")
    def _compute_network_partner_ids(self):
        """The current user's company when it belongs to the service network."""
        company = self.env.user.partner_id.commercial_partner_id
        in_network = company.sudo().aftersales_partner_state in NETWORK_STATES
        self.network_partner_ids = company if in_network else False

    def _search_network_partner_ids(self, operator, value):
        """Every document when one of the partners is in the service network, else none;
        read at query time, so a suspension takes effect at once."""
        if operator not in ("in", "=") or not value:
            return [("id", "=", 0)]
        partner_ids = value if isinstance(value, (list, tuple)) else [value]
        partners = self.env["res.partner"].sudo().browse(partner_ids).commercial_partner_id
        if any(p.aftersales_partner_state in NETWORK_STATES for p in partners):
            return [("id", "!=", 0)]
        return [("id", "=", 0)]

    # ------------------------------------------------------------------
    # Documents of a request or repair
    # ------------------------------------------------------------------
    @api.model
    def _for_product_domain(self, product):
        """Current documents of ``product`` (a product.product or template)."""
        templates = product.product_tmpl_id if product._name == "product.product" else product
        return [("is_current", "=", True)] + self._applies_to_domain(templates)

    @api.model
    def _action_for_product(self, product):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_quality.aftersales_knowledge_document_action"
        )
        action["domain"] = self._for_product_domain(product)
        action["context"] = {
            "default_product_tmpl_id": product.product_tmpl_id.id,
            "search_default_group_kind": 1,
        }
        return action

    # ------------------------------------------------------------------
    # Versions and bulletins
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        documents.filtered(
            lambda d: d.kind == "bulletin" and d.level != "internal"
        )._send_bulletin()
        return documents

    def action_new_version(self):
        """A copy of the document as its next version (the file is replaced on it)."""
        self.ensure_one()
        new = self.copy({"previous_id": self.id, "version": self._next_version_label()})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def _next_version_label(self):
        major, _sep, _minor = (self.version or "1").partition(".")
        return f"{int(major) + 1}.0" if major.isdigit() else f"{self.version}+1"

    def _bulletin_recipients(self):
        """The service partners a bulletin concerns: active or warned partners whose agreement,
        valid today, covers the document's product family (or a family above it)."""
        self.ensure_one()
        category = self.product_categ_id or self.product_tmpl_id.categ_id
        if not category:
            return self.env["res.partner"]
        today = fields.Date.context_today(self)
        agreements = (
            self.env["aftersales.partner.agreement"]
            .sudo()
            .search(
                [
                    ("product_category_ids", "parent_of", category.ids),
                    ("date_start", "<=", today),
                    ("date_end", ">=", today),
                    ("partner_id.aftersales_partner_state", "in", NETWORK_STATES),
                    ("partner_id.email", "!=", False),
                ]
            )
        )
        return agreements.partner_id

    def _send_bulletin(self):
        template = self.env.ref(
            "aftersales_quality.mail_template_knowledge_bulletin", raise_if_not_found=False
        )
        for document in self:
            recipients = document._bulletin_recipients()
            if template and recipients:
                document.message_post_with_source(
                    template,
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=recipients.ids,
                )
            document.date_bulletin_sent = fields.Datetime.now()
