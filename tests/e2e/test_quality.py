"""Browser test of demand-spike alerts against the served demo desk (eight weeks of seeded tickets are its history;
the server checks demand every 5 s here, BALCAO_DEMAND_INTERVAL in conftest)."""

from __future__ import annotations

import re
import time
import uuid

import pages

# Little traffic reaches it in the rest of the suite (which, to the monitor, is itself a burst now and then).
FACILITIES = "Facilities"
BANNER = "p.spike-alert"
MONITOR_ROUNDS = 3  # checks to wait after the alert, to see that the same burst raises no second one
CHECK_INTERVAL = 5


def alerts_for(driver, base_url: str, department: str) -> list:
    pages.go(driver, base_url, "/agent/alerts")
    return [row for row in driver.find_elements("css selector", "#spike-alerts tbody tr") if department in row.text]


def test_burst_raises_one_alert_that_a_supervisor_sees_live(desk, signed_in):
    admin = signed_in()
    assert not alerts_for(admin, desk.base_url, FACILITIES), "Facilities had an alert before the burst"
    pages.go(admin, desk.base_url, "/agent/queues/all")
    pages.wait_live(admin)
    facilities = desk.department(FACILITIES)
    word = uuid.uuid4().hex[:8]

    for index in range(30):
        desk.api("POST", "/tickets", {
            "subject": f"Ar-condicionado parado na sala {index} ({word})", "body": "A sala está muito quente.",
            "requester": {"email": f"colaborador{index}-{word}@acme.example"}, "departmentId": facilities["id"],
        })

    banner = pages.until(
        admin, lambda d: next((b for b in d.find_elements("css selector", BANNER) if FACILITIES in b.text), None),
        "no Facilities spike banner reached the supervisor's open page", timeout=60)
    assert re.search(r": (\d+) / ~\d+", banner.text), banner.text
    time.sleep(CHECK_INTERVAL * MONITOR_ROUNDS)
    rows = alerts_for(admin, desk.base_url, FACILITIES)
    assert len(rows) == 1, f"one burst raised {len(rows)} Facilities alerts: {[r.text for r in rows]}"
    assert "aberto" in rows[0].text
    examples = rows[0].find_elements("css selector", "a[href^='/agent/tickets/']")
    assert len(examples) == 5, "the alert does not name five example tickets"
