"""Two `balcao serve` processes on one PostgreSQL: a time rule fires exactly once per ticket, because each firing is
claimed in the database before it runs (docs/triage.md). SQLite desks are one process, so this runs on PostgreSQL."""

import subprocess
import time

import pytest
from conftest import BINARY, ROOT, _server_environment, _stop, _wait_healthy, database_label, free_port


def _notes(desk, ticket_id: str, text: str) -> int:
    return sum(1 for m in desk.messages(ticket_id) if m["kind"] == "note" and text in m["text"])


def test_two_servers_on_one_postgresql_fire_a_time_rule_once(desk, tmp_path):
    if database_label() != "postgres":
        pytest.skip("several instances share PostgreSQL; an SQLite desk is one process")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = _server_environment(base_url)
    env["BALCAO_AUTOMATION_INTERVAL"] = "5"
    log = tmp_path / "second-server.log"
    with open(log, "w") as log_file:
        second = subprocess.Popen(
            [str(BINARY), "serve", "--data-dir", str(tmp_path / "data"), "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT)
    rule = None
    try:
        _wait_healthy(second, base_url, log)
        tag = desk.unique("duas-instancias")
        text = f"Sem resposta ainda ({tag})"
        rule = desk.api("POST", "/rules", {
            "kind": "time_rule", "name": f"Nota única {tag}",
            "conditions": {"all": [
                {"field": "subject", "operator": "contains", "value": tag},
                {"field": "hours_since_created", "operator": "greater_than", "value": "0"},
            ]},
            "actions": [{"type": "add_note", "body": text}],
        })
        tickets = [desk.create_ticket(f"Pedido {tag} número {index}") for index in range(8)]
        created = time.monotonic()

        deadline = created + 60
        while time.monotonic() < deadline and any(_notes(desk, t["id"], text) == 0 for t in tickets):
            time.sleep(1)
        # Both schedulers (every 30 s and every 5 s) have had their turn at every ticket by now.
        time.sleep(max(0.0, created + 40 - time.monotonic()))

        assert [_notes(desk, t["id"], text) for t in tickets] == [1] * len(tickets)
    finally:
        if rule is not None:
            desk.api("DELETE", f"/rules/{rule['id']}")
        _stop(second)
