# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Read our add-ons' models without Odoo: model names, fields and methods from the AST."""

import ast
from pathlib import Path

# Fields every model has, and those the mixins we use add.
BASE_FIELDS = {"id", "display_name", "create_date", "create_uid", "write_date", "write_uid"}
MIXIN_FIELDS = {
    "mail.thread": {
        "message_ids",
        "message_follower_ids",
        "message_partner_ids",
        "message_is_follower",
        "has_message",
        "message_needaction",
        "message_needaction_counter",
        "message_has_error",
        "message_has_error_counter",
        "message_attachment_count",
        "website_message_ids",
        "message_has_sms_error",
    },
    "mail.activity.mixin": {
        "activity_ids",
        "activity_state",
        "activity_user_id",
        "activity_type_id",
        "activity_type_icon",
        "activity_date_deadline",
        "my_activity_date_deadline",
        "activity_summary",
        "activity_exception_decoration",
        "activity_exception_icon",
        "activity_calendar_event_id",
    },
    "portal.mixin": {"access_url", "access_token", "access_warning"},
    "mail.alias.mixin": {"alias_id", "alias_name", "alias_domain_id", "alias_contact"},
}


class ModelInfo:
    def __init__(self, name):
        self.name = name
        self.fields = set(BASE_FIELDS)
        self.methods = set()
        self.inherits = set()
        self.defined_in = []
        self.is_new = False
        self.is_transient = False
        self.is_abstract = False

    def all_fields(self, registry, seen=None):
        seen = seen or set()
        result = set(self.fields)
        for parent in self.inherits:
            result |= MIXIN_FIELDS.get(parent, set())
            if parent in registry and parent not in seen and parent != self.name:
                result |= registry[parent].all_fields(registry, seen | {self.name})
        return result


def _const(node):
    if isinstance(node, ast.Constant):
        return [node.value]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant)]
    return []


def scan(addon_dirs):
    """Map model name -> ModelInfo over every models/ and wizard/ file of the add-ons."""
    models = {}
    for addon in addon_dirs:
        for path in sorted(Path(addon).glob("*/*.py")):
            if path.parent.name not in ("models", "wizard", "report"):
                continue
            tree = ast.parse(path.read_text(), str(path))
            for cls in [n for n in tree.body if isinstance(n, ast.ClassDef)]:
                attrs = {}
                for stmt in cls.body:
                    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                        target = stmt.targets[0]
                        if isinstance(target, ast.Name):
                            attrs[target.id] = stmt.value
                names = _const(attrs["_name"]) if "_name" in attrs else []
                inherits = _const(attrs["_inherit"]) if "_inherit" in attrs else []
                name = names[0] if names else (inherits[0] if len(inherits) == 1 else None)
                if not name:
                    continue
                info = models.setdefault(name, ModelInfo(name))
                info.defined_in.append(path)
                # ``_name`` repeated in ``_inherit`` extends the model (adding a mixin)
                info.is_new = info.is_new or bool(names and names[0] not in inherits)
                bases = {ast.unparse(b) for b in cls.bases}
                info.is_transient = info.is_transient or "models.TransientModel" in bases
                info.is_abstract = info.is_abstract or "models.AbstractModel" in bases
                info.inherits |= set(inherits) - {name}
                for attr, value in attrs.items():
                    if (
                        isinstance(value, ast.Call)
                        and isinstance(value.func, ast.Attribute)
                        and isinstance(value.func.value, ast.Name)
                        and value.func.value.id == "fields"
                    ):
                        info.fields.add(attr)
                for stmt in cls.body:
                    if isinstance(stmt, ast.FunctionDef):
                        info.methods.add(stmt.name)
    return models
