"""Triage and automation in a real browser against `balcao serve` on the demo desk: an admin writes a routing rule
in the admin pages and a new ticket follows it (department, priority, SLA in the queue); a macro applies from the
ticket page; impact × urgency sets the priority through the matrix."""

import os

import pages
from conftest import ROOT
from selenium.webdriver.common.by import By

SCREENSHOT_SIZE = (1366, 900)


def _save(driver, name: str) -> None:
    if os.environ.get("BALCAO_SCREENSHOTS") == "1":  # docs/screenshots/<name>.png for the README
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": SCREENSHOT_SIZE[0], "height": SCREENSHOT_SIZE[1], "deviceScaleFactor": 1, "mobile": False})
        pages.fonts_loaded(driver)
        driver.save_screenshot(str(ROOT / "docs" / "screenshots" / f"{name}.png"))


def test_a_routing_rule_written_in_the_admin_routes_the_next_ticket(desk, signed_in):
    tag = desk.unique("rota")
    it = desk.department("IT")
    driver = signed_in()
    pages.go(driver, desk.base_url, "/agent/admin/automation/rules/new?kind=routing")
    pages.type_into(driver, "#rule-name", f"Plotter {tag} → TI urgente")
    pages.choose(driver, 'select[name="c_all_field_0"]', "subject")
    pages.choose(driver, 'select[name="c_all_op_0"]', "contains")
    pages.type_into(driver, 'input[name="c_all_value_0"]', f"plotter {tag}")
    pages.choose(driver, 'select[name="a_type_0"]', "set_department")
    pages.type_into(driver, 'input[name="a_value_0"]', it["id"])
    pages.choose(driver, 'select[name="a_type_1"]', "set_priority")
    pages.type_into(driver, 'input[name="a_value_1"]', "urgent")
    pages.choose(driver, 'select[name="a_type_2"]', "add_tags")
    pages.type_into(driver, 'input[name="a_value_2"]', "plotter")
    pages.click(driver, "#rule-submit")
    pages.present(driver, "#automation-admin", "saving the rule did not return to the automation page")
    assert f"Plotter {tag}" in driver.find_element(By.CSS_SELECTOR, "#automation-admin").text
    _save(driver, "automation-admin")

    ticket = desk.create_ticket(f"O plotter {tag} do 3º andar parou", departmentId=desk.department("HR")["id"])

    assert ticket["departmentId"].lower() == it["id"].lower()
    assert ticket["priority"] == "urgent"
    assert "plotter" in ticket["tags"]
    assert ticket["sla"]["firstResponse"]["dueAt"], "the ticket got no SLA from the demo's internal-desk policy"
    events = desk.api("GET", f"/tickets/{ticket['id']}/events")["data"]
    assert any(e["field"] == "rule" and tag in (e.get("newValue") or "") for e in events)

    pages.go(driver, desk.base_url, f"/agent/queues/{it['id'].lower()}")
    row = pages.present(driver, pages.row_css(ticket["number"]), "the routed ticket is not in IT's queue")
    badge = row.find_element(By.CSS_SELECTOR, ".sla-badge")
    assert badge.get_attribute("class").split()[-1] in ("sla-running", "sla-at_risk", "sla-breached")
    assert badge.text.strip() not in ("", "—")


def test_a_macro_applies_from_the_ticket_page(desk, signed_in):
    tag = desk.unique("macro")
    macro = desk.api("POST", "/macros", {
        "name": f"Pedir print {tag}",
        "text": "Olá, {{requester.first_name}}! Pode enviar um print? (" + tag + ")",
        "actions": [{"type": "set_status", "value": "pending"}, {"type": "add_tags", "value": "aguardando_print"}],
    })
    ticket = desk.create_ticket(f"Erro ao abrir o sistema {tag}", requester_name="Lúcia Prado")
    driver = signed_in()
    pages.open_ticket(driver, desk.base_url, ticket["number"])
    pages.choose(driver, "#macro-select", macro["id"])
    pages.click(driver, "#macro-submit")

    pages.wait_message(driver, "reply", f"Olá, Lúcia! Pode enviar um print? ({tag})")
    pages.wait_status(driver, "pending")
    assert "aguardando_print" in desk.ticket(ticket["id"])["tags"]
    _save(driver, "ticket-sla-macro")


def test_impact_and_urgency_set_the_priority_through_the_matrix(desk, signed_in):
    ticket = desk.create_ticket(f"Sistema de ponto fora do ar {desk.unique('matriz')}", priority="low")
    driver = signed_in()
    pages.open_ticket(driver, desk.base_url, ticket["number"])
    pages.choose(driver, "#field-impact", "high")
    pages.choose(driver, "#field-urgency", "high")
    pages.click(driver, "#fields-submit")

    pages.until(driver, lambda d: desk.ticket(ticket["id"])["priority"] == "urgent",
                "high impact × high urgency did not make the ticket urgent")
    pages.open_ticket(driver, desk.base_url, ticket["number"])
    assert pages.selected_value(driver, "#field-priority") == "urgent"
    assert pages.selected_value(driver, "#field-impact") == "high"
