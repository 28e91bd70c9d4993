# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The leader's exception step gets its own group (Return Leader).

    The rule is noupdate data: repoint it only while it still uses the group of the
    ordinary approvers, so a rule an administrator changed keeps its group."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref("aftersales_service.return_approval_rule_leader", raise_if_not_found=False)
    approver = env.ref("aftersales_service.group_aftersales_return_approver")
    leader = env.ref("aftersales_service.group_aftersales_return_leader")
    if rule and rule.group_id == approver:
        rule.group_id = leader
