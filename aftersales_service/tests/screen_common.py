# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Open screens the way the web client does, as a given user.

The web client loads an action (as superuser), then calls ``get_views`` for the action's
views and its search view, then ``web_search_read`` with the field specification it builds
from the list (or kanban) arch, and ``web_read`` with the form's specification when a
record is opened. ``fields_spec`` rebuilds that specification from an arch as
``web/static/src/model/relational_model/utils.js`` (``getFieldsSpec``) does: every field
node of the view, many2one with its display name, x2many with the fields of their
embedded list (or kanban) view.
"""

from lxml import etree

from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time

ALWAYS_INVISIBLE = ("1", "True", "true")
TAG_WIDGETS = ("many2many_tags", "many2many_avatar_user", "many2many_avatar_employee")


def _field_nodes(node):
    """Field nodes of a view, not those of the views embedded in them."""
    for child in node:
        if not isinstance(child.tag, str) or child.tag == "groupby":
            continue
        if child.tag == "field":
            yield child
        else:
            yield from _field_nodes(child)


def _subview(node):
    """The embedded list or kanban view the web client reads an x2many field's records with."""
    views = {child.tag: child for child in node if child.tag in ("list", "kanban")}
    mode = (node.get("mode") or "list").split(",")[0]
    for kind in (mode, "list", "kanban"):
        if kind in views:
            return views[kind]
    return None


def fields_spec(arch_node, model, models):
    """The ``specification`` argument of ``web_read``/``web_search_read`` for a view arch."""
    fields = models[model]["fields"]
    spec = {}
    for node in _field_nodes(arch_node):
        name = node.get("name")
        field = fields.get(name)
        if field is None:
            continue
        invisible = node.get("invisible") in ALWAYS_INVISIBLE
        entry = spec.setdefault(name, {})
        if field["type"] in ("many2one", "reference"):
            entry.setdefault("fields", {})
            if not invisible:
                entry["fields"]["display_name"] = {}
        elif field["type"] in ("one2many", "many2many") and not invisible:
            subview = _subview(node)
            if subview is not None:
                entry["fields"] = fields_spec(subview, field["relation"], models)
                entry["limit"] = int(subview.get("limit") or 40)
            elif node.get("widget") in TAG_WIDGETS:
                entry["fields"] = {"display_name": {}}
    return spec


def eval_context(user):
    company = user.company_id
    return {
        "uid": user.id,
        "user": user,
        "datetime": datetime,
        "time": time,
        "relativedelta": dateutil.relativedelta.relativedelta,
        "context_today": datetime.date.today,
        "current_date": datetime.date.today().strftime("%Y-%m-%d"),
        "today": datetime.date.today().strftime("%Y-%m-%d"),
        "allowed_company_ids": [company.id],
        "current_company_id": company.id,
        "active_id": False,
        "active_ids": [],
        "active_model": False,
    }


def _evaluated(value, user, default):
    if not value:
        return default
    if isinstance(value, str):
        return safe_eval(value, eval_context(user))
    return value


class ScreenClient:
    """The calls the web client makes to show an action's views, as ``user``."""

    def __init__(self, env, user):
        self.env = env
        self.user = user
        self.context = {
            "lang": user.lang or "en_US",
            "tz": user.tz or "UTC",
            "uid": user.id,
            "allowed_company_ids": [user.company_id.id],
        }

    def menu_actions(self):
        """(menu path, action) of every menu the user sees, without duplicates."""
        Menu = self.env["ir.ui.menu"].with_user(self.user).with_context(**self.context)
        menus = Menu.load_menus(False)
        found = {}
        for key, menu in menus.items():
            if key == "root" or not menu.get("action"):
                continue
            action_model, action_id = menu["action"].split(",")
            action = self.env[action_model].sudo().browse(int(action_id))
            path = self.env["ir.ui.menu"].sudo().browse(menu["id"]).complete_name
            found.setdefault((action_model, action.id), (path, action))
        return sorted(found.values(), key=lambda item: item[0])

    def load_action(self, action):
        """The action as ``/web/action/load`` hands it to the client (a dict)."""
        if action._name == "ir.actions.act_window":
            return action._get_action_dict()
        if action._name == "ir.actions.server":
            run = action.with_user(self.user).with_context(**self.context).run()
            return run or {}
        return action.read()[0]

    def open(self, action_dict):
        """Open a window action's views like the web client; return what was shown."""
        if action_dict.get("type") != "ir.actions.act_window":
            return {}
        context = dict(self.context, **_evaluated(action_dict.get("context"), self.user, {}))
        domain = _evaluated(action_dict.get("domain"), self.user, [])
        model = self.env[action_dict["res_model"]].with_user(self.user).with_context(**context)
        views = [list(view) for view in action_dict.get("views") or []]
        if not views:
            views = [[False, kind] for kind in action_dict.get("view_mode", "list").split(",")]
        search_view = action_dict.get("search_view_id")
        if isinstance(search_view, (list, tuple)):
            search_view = search_view[0]
        views.append([search_view or False, "search"])
        result = model.get_views(
            views, {"action_id": action_dict.get("id"), "load_filters": True, "toolbar": True}
        )
        models, shown = result["models"], {}
        arches = {kind: etree.fromstring(view["arch"]) for kind, view in result["views"].items()}
        for kind in ("list", "kanban"):
            if kind in arches:
                spec = fields_spec(arches[kind], model._name, models)
                shown[kind] = model.web_search_read(
                    domain,
                    spec,
                    limit=action_dict.get("limit") or (80 if kind == "list" else 40),
                    count_limit=10001,
                )
        for kind in ("pivot", "graph"):
            if kind in arches:
                groupby = [
                    node.get("name")
                    for node in arches[kind].iter("field")
                    if node.get("type") != "measure"
                ][:1]
                shown[kind] = model.web_read_group(domain, ["__count"], groupby, lazy=False)
        if "calendar" in arches:
            spec = fields_spec(arches["calendar"], model._name, models)
            shown["calendar"] = model.web_search_read(domain, spec, limit=80)
        if "form" in arches:
            spec = fields_spec(arches["form"], model._name, models)
            records = next(
                (shown[kind]["records"] for kind in ("list", "kanban") if shown.get(kind)), None
            )
            res_id = action_dict.get("res_id") or (records[0]["id"] if records else None)
            if res_id:
                shown["form"] = model.browse(res_id).web_read(spec)
            elif records is None:
                # a form-only action (a wizard, a settings page): a new record
                shown["form"] = model.onchange({}, [], spec)
        return shown

    # -- one screen at a time, for the role journeys ------------------------------------
    def _model(self, model_name, context=None):
        return (
            self.env[model_name]
            .with_user(self.user)
            .with_context(**dict(self.context, **(context or {})))
        )

    def form_view(self, model_name, view_id=False, context=None):
        """(arch, specification) of the form the user gets for ``model_name``."""
        model = self._model(model_name, context)
        result = model.get_views([[view_id, "form"]], {"toolbar": True})
        arch = etree.fromstring(result["views"]["form"]["arch"])
        return arch, fields_spec(arch, model_name, result["models"])

    def form(self, model_name, res_id=False, context=None, view_id=False):
        """The form of record ``res_id`` (or a new one) as the web client reads it."""
        _arch, spec = self.form_view(model_name, view_id, context)
        model = self._model(model_name, context)
        if res_id:
            return model.browse(res_id).web_read(spec)[0]
        return model.onchange({}, [], spec)["value"]

    def save(self, model_name, res_id, values, context=None):
        """Save the form (``web_save``): create when ``res_id`` is False; returns the values."""
        _arch, spec = self.form_view(model_name, False, context)
        model = self._model(model_name, context)
        return model.browse(res_id or []).web_save(values, spec)[0]

    def click(self, model_name, res_id, method, context=None):
        """Press a button of type object on a form, then open what it returns."""
        record = self._model(model_name, context).browse(res_id)
        result = getattr(record, method)()
        if isinstance(result, dict) and result.get("type") == "ir.actions.act_window":
            if result.get("res_id") or "list" not in (result.get("view_mode") or ""):
                views = result.get("views") or [[False, "form"]]
                form_view = next((view for view, kind in views if kind == "form"), False)
                ctx = _evaluated(result.get("context"), self.user, {})
                return result, self.form(result["res_model"], result.get("res_id"), ctx, form_view)
            return result, self.open(result)
        return result, None

    def list(self, model_name, domain=(), context=None):
        """The list view's records (``web_search_read`` with its own fields)."""
        model = self._model(model_name, context)
        result = model.get_views([[False, "list"], [False, "search"]])
        spec = fields_spec(
            etree.fromstring(result["views"]["list"]["arch"]), model_name, result["models"]
        )
        return model.web_search_read(list(domain), spec, limit=80)["records"]
