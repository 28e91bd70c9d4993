# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from conftest import load_rule

installation = load_rule("aftersales_service", "installation")


def test_checklist_from_lines_starts_unticked():
    html = installation.checklist_html("Level\n\n Test run <ok>\n")
    assert html == '<ul class="o_checklist"><li>Level</li><li>Test run &lt;ok&gt;</li></ul>'
    assert installation.open_items(html) == ["Level", "Test run &lt;ok&gt;"]


def test_ticked_items_are_done():
    html = '<ul class="o_checklist"><li class="o_checked">Level</li><li id="x">Test</li></ul>'
    assert installation.open_items(html) == ["Test"]
    assert installation.open_items(html.replace('id="x"', 'class="o_checked"')) == []
