"""Page helpers for the live-chat widget browser tests.

The widget (Sources/BalcaoWeb/Web/Public/chat/widget.js) renders into an open shadow root on
`div[data-balcao-chat]`, on a host page served from another origin than the desk. What it shows is read in one
go by `snapshot` (the widget redraws its lines on every frame, so element references go stale quickly); clicks and
typing go through WebDriver into the shadow root. The waiting helpers are pages.py's: explicit waits only.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

import pages
from conftest import free_port

HOST = "div[data-balcao-chat]"
LAUNCHER = ".launcher"
PANEL = ".panel"
CLOSE = ".close"
PRECHAT = ".prechat"
PRECHAT_NAME = '.prechat input[name="name"]'
PRECHAT_EMAIL = '.prechat input[name="email"]'
PRECHAT_TEXT = '.prechat textarea[name="text"]'
PRECHAT_SUBMIT = '.prechat button[type="submit"]'
COMPOSER_TEXT = '.composer textarea[name="text"]'
COMPOSER_SUBMIT = '.composer button[type="submit"]'
END = ".end"

# What the widget says in pt-BR (widget.js `texts`) and the demo's greeting (DeskSetup.addDemoPortal).
GREETING = "Olá! Em que podemos ajudar?"
WAITING = "Aguardando um atendente…"
TYPING = "está digitando…"
ENDED = "Conversa encerrada."
OFFLINE = "Nenhum atendente disponível agora. Deixe sua mensagem e responderemos por e-mail."
LEAVE_MESSAGE = "Enviar mensagem"
START = "Iniciar conversa"
RECEIVED = re.compile(r"Recebemos sua mensagem \(nº (\d+)\)")

# The host page's own rules: a site that forces its fonts and colours on everything it can reach.
HOST_TEXT_COLOR = "rgb(255, 0, 0)"
HOST_BUTTON_BACKGROUND = "rgb(255, 255, 0)"

SERVER_START_TIMEOUT = 15  # seconds for `python3 -m http.server` to answer
RESUBMIT_AFTER = 1.0  # seconds before the pre-chat form is sent again when the widget was not listening yet


# --- the host site -----------------------------------------------------------------------------------------------


@dataclass
class HostSite:
    """A plain page on its own loopback origin that embeds the desk's widget for one department."""

    origin: str
    url: str
    department_id: str
    directory: Path
    process: subprocess.Popen
    allowed: bool = False  # whether the desk's admin page already lists `origin` for the department


def host_page(desk_url: str, department_id: str) -> str:
    script = html.escape(desk_url.rstrip("/") + "/chat/widget.js", quote=True)
    department = html.escape(department_id, quote=True)
    return f"""<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loja Exemplo</title>
<style>
  * {{ font-family: serif !important; color: red !important }}
  button {{ background: rgb(255, 255, 0) !important; border: 4px dashed green !important }}
  body {{ margin: 0; padding: 16px; line-height: 1.5 }}
</style>
</head>
<body>
<h1 id="host-title">Loja Exemplo</h1>
<p id="host-text">Tênis, meias e mochilas com entrega para todo o Brasil. Fale com a gente pelo chat.</p>
<p><button id="host-button" type="button">Comprar</button></p>
<script src="{script}" data-department="{department}" data-language="pt-BR" async></script>
</body>
</html>
"""


def serve_host_page(desk_url: str, department_id: str) -> HostSite:
    """Writes host.html to a temp directory and serves it with `python3 -m http.server` on a free loopback port,
    a different origin from the desk's."""
    directory = Path(tempfile.mkdtemp(prefix="balcao-e2e-chat-host-"))
    (directory / "host.html").write_text(host_page(desk_url, department_id), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", str(directory)],
        cwd=directory, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    origin = f"http://127.0.0.1:{port}"
    site = HostSite(origin=origin, url=origin + "/host.html", department_id=department_id, directory=directory,
                    process=process)
    try:
        _wait_serving(site)
    except BaseException:
        stop_host(site)
        raise
    return site


def _wait_serving(site: HostSite) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if site.process.poll() is not None:
            raise RuntimeError(f"python3 -m http.server exited with {site.process.returncode}")
        try:
            with urllib.request.urlopen(site.url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(pages.POLL)
    raise RuntimeError(f"the host page server did not answer {site.url} in {SERVER_START_TIMEOUT} s")


def stop_host(site: HostSite) -> None:
    try:
        if site.process.poll() is None:
            site.process.terminate()
            try:
                site.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                site.process.kill()
                site.process.wait()
    finally:
        shutil.rmtree(site.directory, ignore_errors=True)


# --- the admin page: which sites may embed the widget ----------------------------------------------------------


def widget_form(department_id: str) -> str:
    return "form" + pages.by_id_attr("id", f"widget-{department_id}")


def allow_origin(driver: WebDriver, base_url: str, department_id: str, origin: str) -> None:
    """As a signed-in admin: adds `origin` to the department's allowed sites on /agent/admin/chat, keeps the widget
    enabled, saves, and checks the saved page lists it."""
    pages.go(driver, base_url, "/agent/admin/chat")
    form = widget_form(department_id)
    pages.present(driver, form, f"/agent/admin/chat has no form for department {department_id}")
    enabled = pages.field(driver, f'{form} input[name="enabled"]')
    if not enabled.is_selected():
        enabled.click()
    pages.until(driver, lambda d: d.find_element(By.CSS_SELECTOR, f'{form} input[name="enabled"]').is_selected(),
                "the widget's enabled checkbox did not get checked")
    origins = f'{form} textarea[name="origins"]'
    listed = (pages.field(driver, origins).get_attribute("value") or "").split()
    if origin not in listed:
        pages.type_into(driver, origins, "\n".join(listed + [origin]))
    pages.click(driver, f'{form} button[type="submit"]')
    pages.until(driver, lambda d: pages.query_param(d, "flash") == "saved" or pages.exists(d, "#form-error"),
                "saving the chat widget did not come back to /agent/admin/chat?flash=saved")
    if pages.exists(driver, "#form-error"):
        raise AssertionError(f"the chat widget was not saved: {pages.present(driver, '#form-error').text!r}")
    saved = (pages.present(driver, origins).get_attribute("value") or "").split()
    assert origin in saved, f"the saved widget lists {saved}, not {origin}"
    assert pages.present(driver, f'{form} input[name="enabled"]').is_selected(), "the saved widget is not enabled"


def configure_widget(driver: WebDriver, base_url: str, department_id: str, origin: str, color: str,
                     requires_name: bool, fields: list[str], choices: list[str]) -> None:
    """As a signed-in admin on /agent/admin/chat: turns the department's widget on for `origin` with a colour,
    the name required or not, the custom fields (keys) and other departments (ids) to choose; saves and checks."""
    pages.go(driver, base_url, "/agent/admin/chat")
    form = widget_form(department_id)
    pages.present(driver, form, f"/agent/admin/chat has no form for department {department_id}")

    def tick(name: str, on: bool) -> None:
        box = pages.field(driver, f'{form} input[name="{name}"]')
        if box.is_selected() != on:
            box.click()

    tick("enabled", True)
    tick("requires_name", requires_name)
    for key in fields:
        tick(f"field_{key}", True)
    for department in choices:
        tick(f"choice_{department}", True)
    pages.type_into(driver, f'{form} textarea[name="origins"]', origin)
    # A colour input takes no typing: set it as the picker would.
    driver.execute_script("arguments[0].value = arguments[1];",
                          pages.field(driver, f'{form} input[name="color"]'), color)
    pages.click(driver, f'{form} button[type="submit"]')
    pages.until(driver, lambda d: pages.query_param(d, "flash") == "saved" or pages.exists(d, "#form-error"),
                "saving the chat widget did not come back to /agent/admin/chat?flash=saved")
    if pages.exists(driver, "#form-error"):
        raise AssertionError(f"the chat widget was not saved: {pages.present(driver, '#form-error').text!r}")
    assert pages.present(driver, f'{form} input[name="color"]').get_attribute("value") == color


def form_fields(driver: WebDriver) -> dict:
    """The pre-chat form as the visitor sees it: the department choice, the name's placeholder and the fields."""
    return driver.execute_script(
        """
        const root = document.querySelector(arguments[0]).shadowRoot;
        const choice = root.querySelector('.prechat select[name=department]');
        return {
          choices: choice.hidden ? [] : Array.from(choice.options).map((o) => o.textContent),
          namePlaceholder: root.querySelector('.prechat input[name=name]').placeholder,
          nameRequired: root.querySelector('.prechat input[name=name]').required,
          fields: Array.from(root.querySelectorAll('.prechat .fields [name]')).map((e) => ({
            name: e.name, label: e.getAttribute('aria-label') || e.parentNode.textContent.trim(), type: e.type})),
        };
        """,
        HOST)


# --- reading the widget ----------------------------------------------------------------------------------------

_SNAPSHOT = """
const host = document.querySelector(arguments[0]);
if (!host || !host.shadowRoot) return null;
const root = host.shadowRoot;
const q = (s) => root.querySelector(s);
const shown = (e) => !!e && e.getClientRects().length > 0;
const own = (n) => Array.from(n.childNodes).filter((c) => c.nodeType === Node.TEXT_NODE)
  .map((c) => c.textContent).join('').trim();
const offline = q('.offline-note');
return {
  launcher: shown(q('.launcher')),
  panel: shown(q('.panel')),
  prechat: shown(q('.prechat')),
  composer: shown(q('.composer')),
  end: shown(q('.end')),
  offlineNote: shown(offline) ? offline.textContent.trim() : null,
  prechatButton: q('.prechat button[type=submit]').textContent.trim(),
  prechatText: q('.prechat textarea[name=text]').value,
  typing: q('.typing').textContent.trim(),
  lines: Array.from(root.querySelectorAll('.body .line')).map((n) => ({
    from: n.classList.contains('visitor') ? 'visitor' : n.classList.contains('agent') ? 'agent' : '',
    who: n.querySelector('.who') ? n.querySelector('.who').textContent.trim() : '',
    text: own(n),
    pending: n.classList.contains('pending'),
  })),
  notes: Array.from(root.querySelectorAll('.body .note')).map((n) => ({
    text: n.textContent.trim(), classes: n.className, shown: shown(n),
  })),
  text: Array.from(root.querySelectorAll('.panel')).map((n) => n.textContent).join('\\n'),
};
"""


def snapshot(driver: WebDriver) -> dict | None:
    """What the widget shows, as plain values; None before the widget has drawn itself."""
    return driver.execute_script(_SNAPSHOT, HOST)


def state(driver: WebDriver) -> dict:
    found = snapshot(driver)
    assert found is not None, "the chat widget is not on the page"
    return found


def element(driver: WebDriver, css: str, message: str | None = None):
    """An element inside the widget's shadow root, waited for."""
    return pages.until(
        driver, lambda d: d.find_element(By.CSS_SELECTOR, HOST).shadow_root.find_element(By.CSS_SELECTOR, css),
        message or f"{css} never appeared in the chat widget")


def click(driver: WebDriver, css: str) -> None:
    def clicked(d):
        element(d, css).click()
        return True

    pages.until(driver, clicked, f"could not click {css} in the chat widget")


def type_into(driver: WebDriver, css: str, text: str) -> None:
    """Types as a visitor would (key events, so the widget's `input` handlers run)."""
    def typed(d):
        field = element(d, css)
        field.clear()
        field.send_keys(text)
        return True

    pages.until(driver, typed, f"could not type into {css} in the chat widget")


def measure(driver: WebDriver, css: str) -> dict | None:
    """An element's box inside the widget and the window's width, for layout checks."""
    return driver.execute_script(
        """
        const host = document.querySelector(arguments[0]);
        const e = host && host.shadowRoot && host.shadowRoot.querySelector(arguments[1]);
        if (!e) return null;
        const r = e.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
                inner: window.innerWidth, client: document.documentElement.clientWidth,
                innerHeight: window.innerHeight, shown: e.getClientRects().length > 0};
        """,
        HOST, css)


def computed(driver: WebDriver, css: str, *properties: str) -> dict:
    """Computed style values of an element inside the widget's shadow root."""
    found = driver.execute_script(
        """
        const host = document.querySelector(arguments[0]);
        const e = host && host.shadowRoot && host.shadowRoot.querySelector(arguments[1]);
        if (!e) return null;
        const style = getComputedStyle(e);
        return Object.fromEntries(arguments[2].map((p) => [p, style.getPropertyValue(p)]));
        """,
        HOST, css, list(properties))
    assert found is not None, f"{css} is not in the chat widget"
    return found


def page_computed(driver: WebDriver, css: str, *properties: str) -> dict:
    """Computed style values of an element of the host page itself."""
    found = driver.execute_script(
        """
        const e = document.querySelector(arguments[0]);
        if (!e) return null;
        const style = getComputedStyle(e);
        return Object.fromEntries(arguments[1].map((p) => [p, style.getPropertyValue(p)]));
        """,
        css, list(properties))
    assert found is not None, f"{css} is not on the host page"
    return found


# --- waiting on the widget -------------------------------------------------------------------------------------


def wait_state(driver: WebDriver, condition, message: str):
    """Waits until `condition(snapshot)` is truthy and returns it."""
    def check(d):
        found = snapshot(d)
        return condition(found) if found is not None else None

    return pages.until(driver, check, message)


def find_line(found: dict, who: str, text: str, acknowledged: bool | None = None) -> dict | None:
    return next((line for line in found["lines"]
                 if line["from"] == who and text in line["text"]
                 and (acknowledged is None or line["pending"] != acknowledged)), None)


def wait_line(driver: WebDriver, who: str, text: str, acknowledged: bool | None = None) -> dict:
    """Waits for a `.line.<who>` containing `text` (acknowledged: not `.pending`); returns it."""
    state_word = "" if acknowledged is None else (" acknowledged" if acknowledged else " pending")
    return wait_state(driver, lambda s: find_line(s, who, text, acknowledged),
                      f"no{state_word} {who} line containing {text!r} appeared in the chat widget")


def find_note(found: dict, text: str | re.Pattern) -> dict | None:
    def matches(note):
        return text.search(note["text"]) if isinstance(text, re.Pattern) else text == note["text"]

    return next((note for note in found["notes"] if matches(note)), None)


def wait_note(driver: WebDriver, text: str | re.Pattern, shown: bool = True) -> dict:
    """Waits for a `.note` in the widget's body reading `text` (or matching the pattern), on screen by default."""
    def check(found):
        note = find_note(found, text)
        return note if note and (note["shown"] or not shown) else None

    return wait_state(driver, check, f"the chat widget never showed the note {getattr(text, 'pattern', text)!r}")


# --- the visitor's steps ---------------------------------------------------------------------------------------


def open_host(driver: WebDriver, site: HostSite) -> None:
    """Loads the host page and waits for the widget's launcher."""
    driver.get(site.url)
    pages.present(driver, HOST, f"the chat widget never added {HOST} to the host page")
    wait_state(driver, lambda s: s["launcher"] or s["panel"], "the chat widget's launcher never showed")


def open_panel(driver: WebDriver) -> None:
    click(driver, LAUNCHER)
    wait_state(driver, lambda s: s["panel"], "clicking the launcher did not open the chat panel")


def submit_prechat(driver: WebDriver, done, message: str):
    """Sends the pre-chat form and waits for `done(snapshot)`. The widget drops a form sent before its socket is
    ready and then keeps the typed message (it clears it only once sent), so the form is sent again, as a visitor
    would, while the message is still there."""
    last = [0.0]

    def attempt(d):
        found = snapshot(d)
        if found is None:
            return None
        result = done(found)
        if result:
            return result
        if found["prechat"] and found["prechatText"].strip() and time.monotonic() - last[0] >= RESUBMIT_AFTER:
            last[0] = time.monotonic()
            element(d, PRECHAT_SUBMIT).click()
        return None

    return pages.until(driver, attempt, message)


def fill_prechat(driver: WebDriver, name: str, email: str, text: str) -> None:
    wait_state(driver, lambda s: s["prechat"], "the chat panel shows no pre-chat form")
    type_into(driver, PRECHAT_NAME, name)
    type_into(driver, PRECHAT_EMAIL, email)
    type_into(driver, PRECHAT_TEXT, text)


def start_chat(driver: WebDriver, name: str, email: str, text: str) -> None:
    """Fills the pre-chat form (panel open) and starts the chat; waits for the first line and the composer."""
    fill_prechat(driver, name, email, text)
    submit_prechat(driver, lambda s: s["composer"] and find_line(s, "visitor", text),
                   f"starting the chat did not show the visitor's line {text!r} and the composer")
    assert not state(driver)["prechat"], "the pre-chat form is still shown in a started chat"


def send_line(driver: WebDriver, text: str) -> None:
    """Types a line in the composer and sends it; does not wait for the acknowledgement."""
    type_into(driver, COMPOSER_TEXT, text)
    click(driver, COMPOSER_SUBMIT)
