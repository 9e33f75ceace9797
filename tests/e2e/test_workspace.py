"""Browser tests of the agent workspace (docs/agent-workspace.md) against a served demo desk.

Each test makes what it needs through the REST API (tickets, agents) and tags it with a unique word, so the tests
do not depend on each other or on their order. The README screenshots come first, while the queues still hold
only demo data.
"""

from __future__ import annotations

import os
import struct
import uuid
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import pages

# What the pages say, per language: the page author aligns the translations with these.
UNASSIGNED_QUEUE_NAME = {"pt-BR": "Sem responsável", "en": "Unassigned"}
# The word the accent-folding search must find, and the subject it sits in.
MAINTENANCE_SUBJECT = "Manutenção preventiva do ar-condicionado"
SEARCH_WITHOUT_ACCENTS = "manutencao preventiva"
SEARCH_WITH_ACCENTS = "Manutenção"

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
SCREENSHOT_SIZE = (1366, 900)


def tag() -> str:
    return uuid.uuid4().hex[:8]


def same_id(a: str | None, b: str | None) -> bool:
    return (a or "").lower() == (b or "").lower()


# --- README screenshots ----------------------------------------------------------------------------------------


def _png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


def test_readme_screenshots(desk, signed_in):
    """docs/screenshots/{queue,ticket}.png at 1366×900 with BALCAO_SCREENSHOTS=1; artifacts/ otherwise."""
    if os.environ.get("BALCAO_SCREENSHOTS") == "1":
        target, prefix = ROOT / "docs" / "screenshots", ""
    else:
        target, prefix = ARTIFACTS, f"{desk.label}-"
    target.mkdir(parents=True, exist_ok=True)
    recent = desk.api("GET", "/tickets?sort=-updated_at&limit=40")["data"]
    unsolved = [t for t in recent if t["status"] not in ("solved", "closed")] or recent
    assert unsolved, "the demo desk has no tickets to show"
    busiest = max(unsolved, key=lambda t: (len(desk.messages(t["id"])), t["number"]))

    driver = signed_in()
    width, height = SCREENSHOT_SIZE
    # The window size includes browser chrome; the viewport is what the screenshot shows.
    metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    pages.open_queue(driver, "unassigned")
    assert pages.rows(driver), "the demo's unassigned queue is empty"
    pages.fonts_loaded(driver)
    queue_png = target / f"{prefix}queue.png"
    driver.save_screenshot(str(queue_png))
    pages.open_ticket(driver, desk.base_url, busiest["number"])
    pages.fonts_loaded(driver)
    ticket_png = target / f"{prefix}ticket.png"
    driver.save_screenshot(str(ticket_png))

    assert _png_size(queue_png) == SCREENSHOT_SIZE
    assert _png_size(ticket_png) == SCREENSHOT_SIZE


# --- signing in and queues -------------------------------------------------------------------------------------


def test_sign_in_rejects_a_wrong_password_then_lands_on_the_queue(desk, browser):
    driver = browser()

    pages.sign_in(driver, desk.base_url, desk.admin_email, f"not-the-password-{tag()}")
    error = pages.visible(driver, "#login-error", "a wrong password showed no #login-error")
    assert error.text.strip(), "#login-error is empty"
    assert pages.path(driver) == "/login"

    pages.sign_in(driver, desk.base_url, desk.admin_email, desk.admin_password)
    pages.wait_signed_in(driver)
    assert pages.path(driver).startswith("/agent/queues/"), f"signed in on {pages.path(driver)}, not a queue"
    pages.present(driver, "#queue-rows, #queue-empty")


def test_mine_lists_own_unsolved_tickets_urgent_first(desk, signed_in):
    agent = desk.create_agent()
    word = tag()
    created = {
        priority: desk.create_ticket(f"Minha fila {priority} {word}", priority=priority, assigneeId=agent["id"])
        for priority in ("low", "urgent", "normal", "high")
    }

    driver = signed_in(agent["email"], agent["password"])
    pages.open_queue(driver, "mine")

    listed = pages.rows(driver)
    expected = [created[p]["number"] for p in ("urgent", "high", "normal", "low")]
    assert [int(row["number"]) for row in listed] == expected
    assert [row["priority"] for row in listed] == ["urgent", "high", "normal", "low"]
    assert all(same_id(row["id"], created[row["priority"]]["id"]) for row in listed), "data-id is not the ticket id"
    assert pages.queue_count(driver, "mine") == 4


@pytest.mark.parametrize("queue", ["unassigned", "department"])
def test_sidebar_queue_shows_counted_rows_urgent_first(desk, signed_in, queue):
    it = desk.department("IT")
    agent = desk.create_agent(department_ids=[it["id"]])
    # Makes sure both queues hold at least one ticket, whatever the demo left in them.
    desk.create_ticket(f"Fila da barra lateral {tag()}", priority="high", departmentId=it["id"])
    slug = it["id"] if queue == "department" else queue

    driver = signed_in(agent["email"], agent["password"])
    pages.open_queue(driver, slug)

    listed = pages.rows(driver)
    assert listed, f"the {queue} queue shows no rows"
    numbers = [row["number"] for row in listed]
    assert len(set(numbers)) == len(numbers), f"a ticket is listed twice: {numbers}"
    pages.assert_urgent_first(listed)
    count = pages.queue_count(driver, slug)
    if pages.exists(driver, "#next-page"):
        assert count > len(listed), f"a next page with only {count} tickets counted"
    else:
        assert count == len(listed), f"the sidebar counts {count} tickets, the queue shows {len(listed)}"


def test_open_a_ticket_from_the_queue(desk, signed_in):
    agent = desk.create_agent()
    requester = f"Cliente {tag()}"
    subject = f"Impressora do 3º andar não imprime {tag()}"
    ticket = desk.create_ticket(subject, requester_name=requester, assigneeId=agent["id"])

    driver = signed_in(agent["email"], agent["password"])
    pages.open_queue(driver, "mine")
    pages.click(driver, pages.row_css(ticket["number"]) + " a.ticket-link")

    pages.wait_ticket(driver, ticket["number"])
    page = driver.find_element(By.CSS_SELECTOR, "#ticket")
    assert same_id(page.get_attribute("data-id"), ticket["id"])
    assert driver.find_element(By.CSS_SELECTOR, "#ticket-subject").text.strip() == subject
    assert pages.ticket_status(driver) == ticket["status"]
    assert requester in driver.find_element(By.CSS_SELECTOR, "#requester-card").text


# --- working a ticket ------------------------------------------------------------------------------------------


def test_public_reply_appears_in_the_thread_and_opens_the_ticket(desk, signed_in):
    ticket = desk.create_ticket(f"Acesso à VPN bloqueado {tag()}")
    assert ticket["status"] == "new"
    text = f"Olá! Já estamos verificando o seu acesso ({tag()})."

    driver = signed_in()
    pages.open_ticket(driver, desk.base_url, ticket["number"])
    pages.post_message(driver, "reply", text)

    message = pages.wait_message(driver, "reply", text)
    assert not message["isNote"], "a public reply is marked is-note"
    pages.wait_status(driver, "open")  # an agent's first public reply opens a new ticket
    stored = desk.messages(ticket["id"])
    assert any(m["kind"] == "reply" and text in m["text"] for m in stored), "the reply was not stored"


def test_internal_note_is_marked_as_a_note(desk, signed_in):
    ticket = desk.create_ticket(f"Reembolso em análise {tag()}")
    text = f"Nota interna: conferir o pedido com o financeiro ({tag()})."

    driver = signed_in()
    pages.open_ticket(driver, desk.base_url, ticket["number"])
    pages.post_message(driver, "note", text)

    message = pages.wait_message(driver, "note", text)
    assert message["isNote"], "a note lacks class is-note"
    stored = desk.messages(ticket["id"])
    assert any(m["kind"] == "note" and text in m["text"] for m in stored), "the note was not stored"


def test_status_change_to_pending_shows_in_badge_and_history(desk, signed_in):
    ticket = desk.create_ticket(f"Troca de monitor {tag()}")

    driver = signed_in()
    pages.open_ticket(driver, desk.base_url, ticket["number"])
    events_before = pages.history_size(driver)
    pages.choose(driver, "#field-status", "pending")
    pages.click(driver, "#fields-submit")

    pages.wait_status(driver, "pending")
    pages.wait_history_longer(driver, events_before)
    assert desk.ticket(ticket["id"])["status"] == "pending"


def test_escalate_moves_the_ticket_to_the_tier_two_department(desk, signed_in):
    it = desk.department("IT")
    tier_two = it["escalationTargetId"]
    assert tier_two, "the demo's IT desk has no escalation target"
    ticket = desk.create_ticket(f"Servidor de arquivos fora do ar {tag()}", departmentId=it["id"])
    reason = f"Falha no storage, precisa da infraestrutura ({tag()})."

    driver = signed_in()
    pages.open_ticket(driver, desk.base_url, ticket["number"])
    assert same_id(pages.selected_value(driver, "#field-department"), it["id"])
    events_before = pages.history_size(driver)
    pages.type_into(driver, "#escalate-reason", reason)
    pages.click(driver, "#escalate-submit")
    pages.accept_confirm_if_any(driver)

    pages.until(driver, lambda d: same_id(pages.selected_value(d, "#field-department"), tier_two),
                "#field-department never showed the tier-2 department")
    pages.wait_history_longer(driver, events_before)
    pages.wait_message(driver, "note", reason)
    assert same_id(desk.ticket(ticket["id"])["departmentId"], tier_two)


def test_merge_closes_the_duplicate_into_the_target(desk, signed_in):
    requester = f"duplicado-{tag()}@e2e.example"
    duplicate = desk.create_ticket(f"Boleto não chegou (de novo) {tag()}", requester_email=requester)
    target = desk.create_ticket(f"Boleto não chegou {tag()}", requester_email=requester)

    driver = signed_in()
    pages.open_ticket(driver, desk.base_url, duplicate["number"])
    pages.type_into(driver, "#merge-target", str(target["number"]))
    pages.click(driver, "#merge-submit")
    pages.accept_confirm_if_any(driver)

    pages.until(driver, lambda _: desk.ticket(duplicate["id"])["status"] in ("solved", "closed"),
                f"#{duplicate['number']} is still unsolved after merging it")
    pages.open_ticket(driver, desk.base_url, target["number"])
    mention = f"#{duplicate['number']}"
    assert any(mention in m["text"] for m in pages.messages(driver)), f"the target's thread never mentions {mention}"
    pages.open_ticket(driver, desk.base_url, duplicate["number"])
    assert pages.ticket_status(driver) in ("solved", "closed")


def test_create_a_ticket_on_behalf_of_a_requester(desk, signed_in):
    it = desk.department("IT")
    word = tag()
    email, name = f"pedido-{word}@e2e.example", f"Joana Prudente {word}"
    subject, body = f"Notebook novo para a equipe {word}", f"A Joana ligou pedindo um notebook ({word})."

    driver = signed_in()
    pages.click(driver, "#new-ticket-link")
    pages.until(driver, lambda d: pages.path(d) == "/agent/tickets/new", "#new-ticket-link did not open the form")
    pages.present(driver, pages.NEW_TICKET_FORM)
    pages.type_into(driver, pages.NEW_TICKET_REQUESTER_EMAIL, email)
    pages.type_into(driver, pages.NEW_TICKET_REQUESTER_NAME, name)
    pages.type_into(driver, pages.NEW_TICKET_SUBJECT, subject)
    pages.type_into(driver, pages.NEW_TICKET_BODY, body)
    pages.choose(driver, pages.NEW_TICKET_DEPARTMENT, it["id"])
    pages.choose(driver, pages.NEW_TICKET_PRIORITY, "high")
    pages.click(driver, pages.NEW_TICKET_SUBMIT)

    page = pages.present(driver, "#ticket[data-number]", "creating the ticket did not open its page")
    number = int(page.get_attribute("data-number"))
    assert driver.find_element(By.CSS_SELECTOR, "#ticket-subject").text.strip() == subject
    assert name in driver.find_element(By.CSS_SELECTOR, "#requester-card").text
    pages.wait_message(driver, "reply", body)
    stored = desk.ticket(number)
    assert (stored["priority"], same_id(stored["departmentId"], it["id"])) == ("high", True)
    requester = desk.api("GET", f"/contacts/{stored['requesterId']}")
    assert email in requester["emails"]


# --- live updates, search, keyboard ----------------------------------------------------------------------------


def test_new_ticket_appears_in_the_open_queue_without_reload(desk, signed_in):
    driver = signed_in()
    pages.open_queue(driver, "unassigned")
    pages.wait_live(driver)
    page_marker = tag()
    pages.set_marker(driver, page_marker)

    subject = f"Queda de energia no galpão {tag()}"
    ticket = desk.create_ticket(subject, priority="urgent")

    pages.present(driver, pages.row_css(ticket["number"]), f"#{ticket['number']} never appeared live")
    row = next(r for r in pages.rows(driver) if r["number"] == str(ticket["number"]))
    assert row["isNew"], "a live row lacks class is-new"
    assert row["priority"] == "urgent"
    assert subject in row["text"]
    assert pages.marker(driver) == page_marker, "the page reloaded instead of updating live"


def test_a_colleagues_reply_appears_on_an_open_ticket_page_without_reload(desk, signed_in):
    ticket = desk.create_ticket(f"Nota fiscal com CNPJ errado {tag()}")
    colleague = desk.create_agent()
    text = f"Já emiti a carta de correção ({tag()})."

    driver = signed_in(colleague["email"], colleague["password"])
    pages.open_ticket(driver, desk.base_url, ticket["number"])
    pages.wait_live(driver)
    page_marker = tag()
    pages.set_marker(driver, page_marker)
    desk.api("POST", f"/tickets/{ticket['id']}/messages", {"kind": "reply", "body": text})  # as the admin

    pages.wait_message(driver, "reply", text)
    assert pages.marker(driver) == page_marker, "the page reloaded instead of showing the reply live"


def test_search_folds_accents_and_slash_focuses_the_box(desk, signed_in):
    ticket = desk.create_ticket(f"{MAINTENANCE_SUBJECT} — sala {tag()}")
    result = pages.row_css(ticket["number"], scope="#search-results")

    driver = signed_in()
    for query in (SEARCH_WITHOUT_ACCENTS, SEARCH_WITH_ACCENTS):
        pages.blur(driver)
        pages.press(driver, "/")
        pages.until(driver, lambda d: pages.active_id(d) == "search-input", "/ did not focus #search-input")
        box = driver.find_element(By.CSS_SELECTOR, "#search-input")
        assert "/" not in (box.get_attribute("value") or ""), "the / shortcut was typed into the search box"
        box.clear()
        box.send_keys(query, Keys.ENTER)

        pages.until(driver, lambda d: pages.path(d) == "/agent/search" and pages.query_param(d, "q") == query,
                    f"searching {query!r} did not open /agent/search")
        pages.present(driver, result, f"searching {query!r} did not list #{ticket['number']}")
        row = next(r for r in pages.rows(driver, "#search-results") if r["number"] == str(ticket["number"]))
        assert MAINTENANCE_SUBJECT in row["text"]

    pages.go(driver, desk.base_url, f"/agent/search?q=zzqx{tag()}")
    pages.visible(driver, "#search-empty", "a search matching nothing showed no #search-empty")
    assert not pages.rows(driver, "#search-results")


def test_keyboard_moves_opens_and_explains(desk, signed_in):
    agent = desk.create_agent()
    for priority in ("urgent", "high", "normal"):
        desk.create_ticket(f"Atalhos {priority} {tag()}", priority=priority, assigneeId=agent["id"])

    driver = signed_in(agent["email"], agent["password"])
    pages.open_queue(driver, "mine")
    assert len(pages.rows(driver)) == 3
    pages.blur(driver)
    start = pages.selected_index(driver)  # -1 (nothing selected yet) or 0 (first row preselected)
    assert start in (-1, 0)
    for key, expected in (("j", start + 1), ("j", start + 2), ("k", start + 1)):
        pages.press(driver, key)
        pages.until(driver, lambda d: pages.selected_index(d) == expected, f"{key} did not select row {expected}")

    pages.press(driver, "?")
    pages.visible(driver, "#shortcuts-help", "? did not show #shortcuts-help")
    pages.press(driver, "?")
    pages.until(driver, lambda d: not pages.shown(d, "#shortcuts-help"), "a second ? did not hide #shortcuts-help")

    chosen = int(pages.rows(driver)[start + 1]["number"])
    pages.blur(driver)
    pages.press(driver, Keys.ENTER)
    pages.wait_ticket(driver, chosen)

    for key, kind in (("r", "reply"), ("n", "note")):
        pages.blur(driver)
        pages.press(driver, key)
        pages.until(driver, lambda d: pages.active_id(d) == "composer-body", f"{key} did not focus #composer-body")
        radio = driver.find_element(By.CSS_SELECTOR, f"#composer-kind-{kind}")
        assert radio.is_selected(), f"{key} did not pick {kind}"


def test_two_agents_on_one_ticket_see_each_other_and_typing(desk, signed_in):
    ticket = desk.create_ticket(f"Cobrança em duplicidade {tag()}")
    colleague = desk.create_agent(name=f"Colega {tag()}")

    mine = signed_in()
    theirs = signed_in(colleague["email"], colleague["password"])
    for driver in (mine, theirs):
        pages.open_ticket(driver, desk.base_url, ticket["number"])
        pages.wait_live(driver)

    viewer = pages.present(mine, pages.viewer_css(colleague["id"]), "the colleague never showed in #presence")
    assert colleague["name"] in viewer.text
    pages.present(theirs, pages.viewer_css(desk.admin_id), "the admin never showed in the colleague's #presence")
    assert not pages.exists(mine, pages.viewer_css(desk.admin_id)), "#presence lists the viewer themself"

    pages.type_into(mine, "#composer-body", "Estou respondendo agora")
    pages.present(theirs, pages.viewer_css(desk.admin_id) + ".is-typing", "typing never showed as is-typing")

    pages.go(theirs, desk.base_url, "/agent/queues/mine")
    pages.until(mine, lambda d: not pages.exists(d, pages.viewer_css(colleague["id"])),
                "the colleague stayed in #presence after leaving the ticket")


# --- languages -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "pt-BR"])
def test_browser_language_applies_to_an_agent_without_one(desk, signed_in, lang):
    agent = desk.create_agent()
    assert agent.get("language") is None
    name = UNASSIGNED_QUEUE_NAME[lang]

    driver = signed_in(agent["email"], agent["password"], lang=lang)
    pages.open_queue(driver, "unassigned")

    html_lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang") or ""
    assert html_lang.lower().startswith(lang.lower()), f"<html lang={html_lang!r}> for a {lang} browser"
    assert name in driver.find_element(By.TAG_NAME, "h1").text
    assert name in driver.find_element(By.CSS_SELECTOR, pages.queue_link_css("unassigned")).text
