"""Browser tests of the live-chat widget (Sources/BalcaoWeb/Web/Public/chat/widget.js) against the served demo desk.

The widget runs where customers meet it: on a plain page of another origin (served here by `python3 -m http.server`
on its own loopback port) that embeds it with the one script line of /agent/admin/chat, for the demo's chat
department, Customer Support. That origin is allowed through the admin page once per module, as an admin would.
The agent side is a Customer Support agent made for each test, signed in with the workspace open (which is what
makes the department "online"); the visitor is a fresh browser (its own localStorage) for each test.
"""

from __future__ import annotations

import json
import uuid
from contextlib import contextmanager
from types import SimpleNamespace

import pytest

import chat_pages as chat
import pages
import portal_pages as portal

SUPPORT = "Customer Support"
PHONE_SIZE = (390, 844)
# The widget's own colours (widget.js: white on the default #0f5ba7; the panel's text #1d2430).
WIDGET_TEXT = "rgb(255, 255, 255)"
WIDGET_BLUE = "rgb(15, 91, 167)"
PANEL_TEXT = "rgb(29, 36, 48)"


def tag() -> str:
    return uuid.uuid4().hex[:8]


def same_id(a: str | None, b: str | None) -> bool:
    return (a or "").lower() == (b or "").lower()


# --- fixtures --------------------------------------------------------------------------------------------------


def hosted(desk, department: str):
    """A host page on its own origin embedding `department`'s widget, stopped when the generator is closed."""
    site = chat.serve_host_page(desk.base_url, desk.department(department)["id"])
    try:
        yield site
    finally:
        chat.stop_host(site)


@pytest.fixture(scope="module")
def host_site(desk):
    """The host page embedding Customer Support's widget; stopped after the module."""
    yield from hosted(desk, SUPPORT)


@pytest.fixture
def chat_site(desk, host_site, signed_in):
    """The host site, allowed to open chats: the admin adds its origin on /agent/admin/chat (once per module)."""
    if not host_site.allowed:
        admin = signed_in()
        chat.allow_origin(admin, desk.base_url, host_site.department_id, host_site.origin)
        # Leaving the workspace closes the admin's socket, so the admin does not keep the department online.
        admin.get("about:blank")
        host_site.allowed = True
    return host_site


@pytest.fixture
def support_agent(desk, signed_in):
    """A new Customer Support agent signed in with the workspace open and live: the department is online."""
    agent = desk.create_agent(name=f"Atendente {tag()}", department_ids=[desk.department(SUPPORT)["id"]])
    driver = signed_in(agent["email"], agent["password"])
    pages.wait_live(driver)
    return SimpleNamespace(agent=agent, driver=driver)


def visitor(word: str) -> SimpleNamespace:
    return SimpleNamespace(name=f"Visitante {word}", email=f"visitante-{word}@e2e.example")


def open_widget(browser, site) -> object:
    """A fresh visitor browser on the host page with the chat panel open."""
    driver = browser()
    chat.open_host(driver, site)
    chat.open_panel(driver)
    return driver


def find_chat_ticket(desk, driver, subject: str) -> dict:
    """The ticket a chat opened (its subject is the first line), through the API."""
    def found(_):
        listed = desk.api("GET", "/tickets?sort=-created_at&limit=50")["data"]
        return next((t for t in listed if t["subject"] == subject), None)

    return pages.until(driver, found, f"the API lists no ticket with subject {subject!r}")


def line_order(lines: list[dict], texts: list[str]) -> list[tuple[str, str | None]]:
    """The widget's lines as (from, which of `texts` it holds), to compare with the expected conversation."""
    return [(line["from"], next((t for t in texts if t in line["text"]), line["text"])) for line in lines]


def department_agents(desk, department_id: str) -> list[dict]:
    found, offset = [], 0
    while True:
        page = desk.api("GET", f"/agents?departmentId={department_id}&limit=200&offset={offset}")["data"]
        found += [a for a in page if any(same_id(d, department_id) for d in a["departmentIds"])]
        if len(page) < 200:
            return found
        offset += 200


# --- chatting ------------------------------------------------------------------------------------------------


def test_visitor_and_agent_chat_both_ways(desk, browser, chat_site, support_agent):
    agent, desk_page = support_agent.agent, support_agent.driver
    word = tag()
    person = visitor(word)
    first = f"Qual é o prazo para trocar um tênis? ({word})"
    answer = f"Olá! A troca pode ser feita em até 30 dias ({word})."
    reply = f"Perfeito, obrigado! Vou levar na loja ({word})."
    secret = f"Nota interna: cliente recorrente, oferecer frete grátis ({word})."
    closing = f"Qualquer dúvida, estamos por aqui ({word})."

    page = open_widget(browser, chat_site)
    greeting = chat.wait_note(page, chat.GREETING)
    assert "greeting" in greeting["classes"].split(), f"the greeting note lacks class greeting: {greeting}"
    assert chat.state(page)["prechatButton"] == chat.START, "an online department does not offer to start a chat"
    chat.start_chat(page, person.name, person.email, first)
    chat.wait_note(page, chat.WAITING)
    assert chat.state(page)["end"], "a started chat shows no end button"

    ticket = find_chat_ticket(desk, page, first)
    assert ticket["channel"] == "chat"
    assert same_id(ticket["departmentId"], desk.department(SUPPORT)["id"]), "the chat is not a Customer Support ticket"

    pages.open_ticket(desk_page, desk.base_url, ticket["number"])
    pages.wait_live(desk_page)
    pages.present(desk_page, '#chat-panel[data-chat-state="waiting"]', "the chat ticket shows no waiting #chat-panel")
    assert pages.present(desk_page, "#chat-state").text.strip(), "#chat-state is empty"
    pages.present(desk_page, "#end-chat", "an open chat offers no #end-chat")
    viewer = pages.present(desk_page, pages.viewer_css(ticket["requesterId"]),
                           "the connected visitor never showed in #presence")
    assert person.name in viewer.text

    # The agent types: the visitor sees who is writing.
    pages.type_into(desk_page, "#composer-body", "Deixe-me verificar")
    typing = chat.wait_state(page, lambda s: s["typing"] if agent["name"] in s["typing"] else None,
                             f"the widget never showed {agent['name']} typing")
    assert typing == f"{agent['name']} {chat.TYPING}"

    # The agent's public reply reaches the widget with the agent's name.
    pages.post_message(desk_page, "reply", answer)
    pages.wait_message(desk_page, "reply", answer)
    line = chat.wait_line(page, "agent", answer)
    assert line["who"] == agent["name"], f"the agent's line is signed {line['who']!r}"
    chat.wait_state(page, lambda s: not chat.find_note(s, chat.WAITING), "the waiting note stayed after the answer")
    chat.wait_state(page, lambda s: s["typing"] == "", "the typing line stayed after the agent sent the reply")
    pages.present(desk_page, '#chat-panel[data-chat-state="active"]', "#chat-panel is not active after the answer")

    # The visitor answers: the agent's open page shows the typing, then the line, without a reload.
    pages.wait_live(desk_page)
    page_marker = tag()
    pages.set_marker(desk_page, page_marker)
    chat.type_into(page, chat.COMPOSER_TEXT, reply)
    pages.present(desk_page, pages.viewer_css(ticket["requesterId"]) + ".is-typing",
                  "the visitor's typing never showed in #presence")
    chat.click(page, chat.COMPOSER_SUBMIT)
    chat.wait_line(page, "visitor", reply, acknowledged=True)
    pages.wait_message(desk_page, "reply", reply)
    assert pages.marker(desk_page) == page_marker, "the ticket page reloaded instead of showing the line live"

    # An internal note never reaches the visitor; the public reply after it does.
    pages.post_message(desk_page, "note", secret)
    pages.wait_message(desk_page, "note", secret)
    pages.post_message(desk_page, "reply", closing)
    pages.wait_message(desk_page, "reply", closing)
    chat.wait_line(page, "agent", closing)
    seen = chat.state(page)
    assert secret not in seen["text"], "the internal note showed in the widget"
    texts = [first, answer, reply, closing]
    assert line_order(seen["lines"], texts) == [
        ("visitor", first), ("agent", answer), ("visitor", reply), ("agent", closing)]
    kept = page.execute_script("return JSON.stringify(Object.assign({}, window.localStorage));")
    assert secret not in kept, "the internal note was stored in the visitor's browser"
    stored = desk.messages(ticket["id"])
    assert any(m["kind"] == "reply" and reply in m["text"] for m in stored), "the visitor's line was not stored"


def test_a_reloaded_host_page_resumes_the_chat(desk, browser, chat_site, support_agent):
    agent, desk_page = support_agent.agent, support_agent.driver
    word = tag()
    person = visitor(word)
    first = f"Vocês têm a mochila azul em estoque? ({word})"
    second = f"É o modelo de 20 litros ({word})."
    answer = f"Temos sim, chega em dois dias úteis ({word})."

    page = open_widget(browser, chat_site)
    chat.start_chat(page, person.name, person.email, first)
    chat.send_line(page, second)
    chat.wait_line(page, "visitor", second, acknowledged=True)
    ticket = find_chat_ticket(desk, page, first)
    pages.open_ticket(desk_page, desk.base_url, ticket["number"])

    # The visitor leaves the page; the agent answers meanwhile; the visitor comes back to the same site.
    page.get("about:blank")
    pages.post_message(desk_page, "reply", answer)
    pages.wait_message(desk_page, "reply", answer)
    chat.open_host(page, chat_site)
    chat.open_panel(page)

    chat.wait_line(page, "visitor", first)
    chat.wait_line(page, "visitor", second, acknowledged=True)
    line = chat.wait_line(page, "agent", answer)
    assert line["who"] == agent["name"]
    seen = chat.state(page)
    texts = [first, second, answer]
    assert line_order(seen["lines"], texts) == [("visitor", first), ("visitor", second), ("agent", answer)], (
        f"the resumed chat shows {seen['lines']}")
    assert not seen["prechat"], "the resumed chat asks for the pre-chat form again"
    assert seen["composer"], "the resumed chat shows no composer"


def test_agent_ends_the_chat(desk, browser, chat_site, support_agent):
    desk_page = support_agent.driver
    word = tag()
    person = visitor(word)
    first = f"Posso pagar com Pix na retirada? ({word})"

    page = open_widget(browser, chat_site)
    chat.start_chat(page, person.name, person.email, first)
    ticket = find_chat_ticket(desk, page, first)

    pages.open_ticket(desk_page, desk.base_url, ticket["number"])
    pages.present(desk_page, "#chat-panel", "the chat ticket shows no #chat-panel")
    pages.click(desk_page, "#end-chat")
    pages.accept_confirm_if_any(desk_page)
    pages.present(desk_page, '#chat-panel[data-chat-state="ended"]', "#chat-panel never showed the chat ended")
    assert not pages.exists(desk_page, "#end-chat"), "an ended chat still offers #end-chat"

    chat.wait_note(page, chat.ENDED)
    chat.wait_state(page, lambda s: not s["composer"], "the composer stayed after the chat ended")
    seen = chat.state(page)
    assert not seen["end"], "an ended chat still shows the end button"
    assert chat.find_line(seen, "visitor", first), "the ended chat lost its lines"


# --- offline ---------------------------------------------------------------------------------------------------


@contextmanager
def nobody_online(desk, department_id: str):
    """Every agent of the department says offline (whoever has the workspace open) until the block ends."""
    changed: dict[str, str] = {}
    try:
        for agent in department_agents(desk, department_id):
            before = desk.api("GET", f"/agents/{agent['id']}/availability")["availability"]
            desk.api("PUT", f"/agents/{agent['id']}/availability", {"availability": "offline"})
            changed[agent["id"]] = before
        yield changed
    finally:
        failures = []
        for agent_id, before in changed.items():
            try:
                desk.api("PUT", f"/agents/{agent_id}/availability", {"availability": before})
            except AssertionError as error:
                failures.append(str(error))
        if failures:
            raise AssertionError("could not restore availabilities:\n" + "\n".join(failures))


def test_offline_department_takes_a_message_as_a_chat_request(desk, browser, chat_site):
    support = desk.department(SUPPORT)
    word = tag()
    person = visitor(word)
    text = f"Gostaria de saber se fazem entrega no sábado ({word})."
    with nobody_online(desk, support["id"]) as changed:
        assert changed, "Customer Support has no agents to set offline"
        page = open_widget(browser, chat_site)
        chat.wait_state(page, lambda s: s["offlineNote"] == chat.OFFLINE,
                        "the widget never said no one is online")
        assert chat.state(page)["prechatButton"] == chat.LEAVE_MESSAGE
        chat.fill_prechat(page, person.name, person.email, text)
        note = chat.submit_prechat(page, lambda s: chat.find_note(s, chat.RECEIVED),
                                   "leaving a message never showed the received note")
        number = int(chat.RECEIVED.search(note["text"]).group(1))
        seen = chat.state(page)
        assert not seen["prechat"], "the form stayed after the message was received"
        assert not seen["composer"], "an offline message opened a chat composer"

        ticket = desk.ticket(number)
        assert ticket["channel"] == "chat"
        assert ticket["subject"] == text
        assert same_id(ticket["departmentId"], support["id"])
        assert any(text in m["text"] for m in desk.messages(ticket["id"])), "the message was not stored"


# --- widget settings -------------------------------------------------------------------------------------------

OPERATIONS = "Business Operations"


@pytest.fixture(scope="module")
def operations_site(desk):
    """A second host page, embedding Business Operations' widget (no agent of it is online in these tests)."""
    yield from hosted(desk, OPERATIONS)


def test_admin_settings_shape_the_widget_and_its_answers_fill_the_ticket(desk, browser, signed_in, operations_site):
    operations = desk.department(OPERATIONS)
    support = desk.department(SUPPORT)
    admin = signed_in()
    chat.configure_widget(admin, desk.base_url, operations["id"], operations_site.origin, color="#aa3300",
                          requires_name=False, fields=["contract_number"], choices=[support["id"]])
    admin.get("about:blank")
    word = tag()

    with nobody_online(desk, operations["id"]):
        page = open_widget(browser, operations_site)
        chat.wait_state(page, lambda s: s["offlineNote"] == chat.OFFLINE, "the widget never said no one is online")
        leave_operations_message(desk, page, operations, support, word)


def leave_operations_message(desk, page, operations: dict, support: dict, word: str) -> None:
    """Checks the configured form in the visitor's widget, then leaves a message with the custom field."""
    text = f"Preciso de uma segunda via do contrato ({word})."
    contract = f"CT-{word}"
    form = chat.form_fields(page)
    assert form["choices"] == [OPERATIONS, SUPPORT], f"the department choice lists {form['choices']}"
    assert not form["nameRequired"] and form["namePlaceholder"] == "Seu nome (opcional)", form
    assert [f["name"] for f in form["fields"]] == ["cf_contract_number"], form
    assert form["fields"][0]["label"] == "Contract number"
    button_colour = chat.computed(page, ".prechat button[type=submit]", "background-color")["background-color"]
    assert button_colour == "rgb(170, 51, 0)", f"the widget ignores the desk's colour: {button_colour}"

    chat.type_into(page, chat.PRECHAT_EMAIL, f"cliente-{word}@e2e.example")
    chat.type_into(page, chat.PRECHAT_TEXT, text)
    chat.type_into(page, '.prechat input[name="cf_contract_number"]', contract)
    note = chat.submit_prechat(page, lambda s: chat.find_note(s, chat.RECEIVED),
                               "leaving a message never showed the received note")
    number = int(chat.RECEIVED.search(note["text"]).group(1))

    ticket = desk.ticket(number)
    assert same_id(ticket["departmentId"], operations["id"])
    assert ticket["customFields"].get("contract_number") == contract, ticket["customFields"]


# --- layout ----------------------------------------------------------------------------------------------------


def assert_no_sideways_scroll(driver, what: str) -> None:
    measured = portal.widths(driver)
    limit = min(measured["inner"], PHONE_SIZE[0]) + 1
    assert measured["scroll"] <= limit, f"{what} scrolls sideways on a phone: {measured}"


def assert_on_screen(box: dict | None, what: str) -> None:
    assert box and box["shown"], f"{what} is not shown"
    width = min(box["inner"], box["client"])
    assert box["left"] >= -1 and box["right"] <= width + 1, f"{what} is off screen sideways: {box}"
    assert box["top"] >= -1 and box["bottom"] <= box["innerHeight"] + 1, f"{what} is off screen: {box}"


def test_phone_width_panel_fits_and_launcher_shows(desk, browser, host_site):
    driver = browser()
    portal.set_viewport(driver, *PHONE_SIZE, mobile=True)
    chat.open_host(driver, host_site)
    assert_on_screen(chat.measure(driver, chat.LAUNCHER), "the launcher")
    assert_no_sideways_scroll(driver, "the host page with the launcher")

    chat.open_panel(driver)
    panel = chat.measure(driver, chat.PANEL)
    assert_on_screen(panel, "the open chat panel")
    assert panel["width"] <= PHONE_SIZE[0] + 1, f"the panel is wider than the phone: {panel}"
    for css in (chat.PRECHAT_NAME, chat.PRECHAT_EMAIL, chat.PRECHAT_TEXT, chat.PRECHAT_SUBMIT):
        assert_on_screen(chat.measure(driver, css), f"{css} in the open panel")
    assert_no_sideways_scroll(driver, "the host page with the chat panel open")

    chat.click(driver, chat.CLOSE)
    chat.wait_state(driver, lambda s: s["launcher"] and not s["panel"], "closing the panel did not bring the launcher back")
    assert_on_screen(chat.measure(driver, chat.LAUNCHER), "the launcher after closing the panel")


def test_host_page_styles_do_not_reach_the_widget(desk, browser, host_site):
    driver = browser()
    chat.open_host(driver, host_site)
    # The host page's rules apply to the page itself…
    text = chat.page_computed(driver, "#host-text", "color", "font-family")
    assert text["color"] == chat.HOST_TEXT_COLOR and text["font-family"] == "serif", f"host rules not applied: {text}"
    assert chat.page_computed(driver, "#host-button", "background-color")["background-color"] == (
        chat.HOST_BUTTON_BACKGROUND)

    # …but not inside the widget's shadow root.
    launcher = chat.computed(driver, chat.LAUNCHER, "color", "background-color", "font-family", "border-top-style")
    assert launcher["color"] == WIDGET_TEXT, f"the launcher's text took the host's colour: {launcher}"
    assert launcher["background-color"] == WIDGET_BLUE, f"the launcher took the host's background: {launcher}"
    assert launcher["font-family"].startswith("system-ui"), f"the launcher took the host's font: {launcher}"
    assert launcher["border-top-style"] != "dashed", f"the launcher took the host's border: {launcher}"

    chat.open_panel(driver)
    panel = chat.computed(driver, chat.PANEL, "color", "font-family")
    assert panel["color"] == PANEL_TEXT, f"the panel's text took the host's colour: {panel}"
    assert panel["font-family"].startswith("system-ui"), f"the panel took the host's font: {panel}"
    field = chat.computed(driver, chat.PRECHAT_NAME, "color")
    assert field["color"] == PANEL_TEXT, f"the pre-chat field took the host's colour: {field}"

    # …and the widget's own rules do not leak out to the page.
    after = chat.page_computed(driver, "#host-text", "color", "font-family")
    assert after == text, f"opening the widget changed the host page's text: {json.dumps(after)}"
