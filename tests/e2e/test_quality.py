"""Browser test of demand-spike alerts against the served demo desk (eight weeks of seeded tickets are its history;
the server checks demand every 5 s here, BALCAO_DEMAND_INTERVAL in conftest)."""

from __future__ import annotations

import re
import time
import uuid

import pages

SUPPORT = "Customer Support"
BANNER = "p.spike-alert"
MONITOR_ROUNDS = 3  # checks to wait after the alert, to see that the same burst raises no second one
CHECK_INTERVAL = 5


def test_burst_raises_one_alert_that_a_supervisor_sees_live(desk, signed_in):
    admin = signed_in()
    pages.go(admin, desk.base_url, "/agent/queues/all")
    pages.wait_live(admin)
    assert not pages.exists(admin, BANNER), "a spike banner showed before any burst"
    support = desk.department(SUPPORT)
    word = uuid.uuid4().hex[:8]

    for index in range(30):
        desk.api("POST", "/tickets", {
            "subject": f"Site fora do ar ({word} {index})", "body": "Não consigo finalizar a compra.",
            "requester": {"email": f"cliente{index}-{word}@e2e.example"}, "departmentId": support["id"],
        })

    banner = pages.present(admin, BANNER, "no spike banner reached the supervisor's open page", timeout=60)
    assert SUPPORT in banner.text, f"the banner names {banner.text!r}, not {SUPPORT}"
    assert re.search(r": (\d+) / ~\d+", banner.text), banner.text
    time.sleep(CHECK_INTERVAL * MONITOR_ROUNDS)
    pages.go(admin, desk.base_url, "/agent/alerts")
    rows = admin.find_elements("css selector", "#spike-alerts tbody tr")
    assert len(rows) == 1, f"one burst raised {len(rows)} alerts: {[r.text for r in rows]}"
    assert SUPPORT in rows[0].text and "aberto" in rows[0].text
    examples = rows[0].find_elements("css selector", "a[href^='/agent/tickets/']")
    assert len(examples) == 5, "the alert does not name five example tickets"
