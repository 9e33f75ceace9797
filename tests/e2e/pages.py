"""Page helpers for the agent workspace browser tests.

Selectors follow docs/agent-workspace.md. The few the contract does not name yet are the constants marked
"beyond the contract" below; the pages must honour them too.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from selenium.common.exceptions import (
    WebDriverException,
    NoAlertPresentException,
    NoSuchElementException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 15  # seconds any one expectation may take (a page load, a WebSocket push)
POLL = 0.1

PRIORITY_RANK = {"low": 0, "normal": 1, "high": 2, "urgent": 3}

# Beyond the contract: set by /js/agent.js on <body> once the /ws/agent socket is open, so a test knows the page
# will receive pushes (live rows, presence, typing) before it makes a change.
LIVE_READY = 'body[data-live="connected"]'

# Beyond the contract: the form behind #new-ticket-link (GET /agent/tickets/new).
NEW_TICKET_FORM = "#new-ticket-form"
NEW_TICKET_REQUESTER_EMAIL = "#new-ticket-requester-email"
NEW_TICKET_REQUESTER_NAME = "#new-ticket-requester-name"
NEW_TICKET_SUBJECT = "#new-ticket-subject"
NEW_TICKET_BODY = "#new-ticket-body"
NEW_TICKET_DEPARTMENT = "#new-ticket-department"
NEW_TICKET_PRIORITY = "#new-ticket-priority"
NEW_TICKET_SUBMIT = "#new-ticket-submit"

QUEUE_ROWS = "#queue-rows tr.ticket-row"


# --- waiting ---------------------------------------------------------------------------------------------------


def wait(driver: WebDriver, timeout: float = TIMEOUT) -> WebDriverWait:
    """An explicit wait that re-polls through elements replaced by a reload or a live update.

    WebDriverException is ignored while polling too: mid-navigation Chromium answers "Node with given id does not
    belong to the document" for an element of the page being left."""
    return WebDriverWait(
        driver,
        timeout,
        poll_frequency=POLL,
        ignored_exceptions=(NoSuchElementException, StaleElementReferenceException, WebDriverException),
    )


def until(driver: WebDriver, condition, message: str, timeout: float = TIMEOUT):
    """Waits until `condition(driver)` is truthy and returns it; fails with `message` and the current URL."""
    try:
        return wait(driver, timeout).until(condition)
    except Exception as error:  # TimeoutException, or a WebDriver error worth the same context
        raise AssertionError(f"{message} (at {driver.current_url}): {type(error).__name__}") from error


def present(driver: WebDriver, css: str, message: str | None = None, timeout: float = TIMEOUT):
    return until(driver, lambda d: d.find_element(By.CSS_SELECTOR, css), message or f"{css} never appeared", timeout)


def visible(driver: WebDriver, css: str, message: str | None = None, timeout: float = TIMEOUT):
    def shown(d):
        element = d.find_element(By.CSS_SELECTOR, css)
        return element if element.is_displayed() else None

    return until(driver, shown, message or f"{css} never became visible", timeout)


def exists(driver: WebDriver, css: str) -> bool:
    return bool(driver.find_elements(By.CSS_SELECTOR, css))


def shown(driver: WebDriver, css: str) -> bool:
    """Whether an element matching `css` exists and is displayed."""
    return any(element.is_displayed() for element in driver.find_elements(By.CSS_SELECTOR, css))


def css_string(value: str) -> str:
    """A value quoted for a CSS attribute selector."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def by_id_attr(attribute: str, uuid: str) -> str:
    """`[data-x="uuid" i]`: ids print in upper case from Swift; match them whatever the case."""
    return f"[{attribute}={css_string(uuid)} i]"


# --- navigation ------------------------------------------------------------------------------------------------


def path(driver: WebDriver) -> str:
    return urlparse(driver.current_url).path


def query_param(driver: WebDriver, name: str) -> str | None:
    values = parse_qs(urlparse(driver.current_url).query).get(name)
    return values[0] if values else None


def go(driver: WebDriver, base_url: str, page: str) -> None:
    driver.get(base_url + page)


def wait_for_layout(driver: WebDriver) -> None:
    """The signed-in layout is on screen (search box and sidebar)."""
    present(driver, "#search-input", "the workspace layout (#search-input) never appeared")
    present(driver, "a.queue-link", "the sidebar (a.queue-link) never appeared")


def sign_in(driver: WebDriver, base_url: str, email: str, password: str) -> None:
    """Submits the real login form; does not wait for the outcome."""
    go(driver, base_url, "/login")
    email_field = present(driver, "#login-email")
    email_field.clear()
    email_field.send_keys(email)
    password_field = driver.find_element(By.CSS_SELECTOR, "#login-password")
    password_field.clear()
    password_field.send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "#login-submit").click()


def wait_signed_in(driver: WebDriver) -> None:
    until(driver, lambda d: path(d) != "/login", "still on /login after signing in")
    wait_for_layout(driver)


def accept_confirm_if_any(driver: WebDriver) -> None:
    """Destructive actions may ask `confirm()`; say yes."""
    try:
        driver.switch_to.alert.accept()
    except NoAlertPresentException:
        pass


def reveal(driver: WebDriver, element) -> None:
    """Opens collapsed <details> around `element` and scrolls it into view, so it can be typed into or clicked."""
    driver.execute_script(
        """
        for (let d = arguments[0].closest('details'); d; d = d.parentElement && d.parentElement.closest('details'))
            d.open = true;
        arguments[0].scrollIntoView({block: 'center'});
        """,
        element,
    )


def field(driver: WebDriver, css: str):
    element = present(driver, css)
    reveal(driver, element)
    return element


def type_into(driver: WebDriver, css: str, text: str):
    element = field(driver, css)
    element.clear()
    element.send_keys(text)
    return element


def click(driver: WebDriver, css: str) -> None:
    element = field(driver, css)
    element.click()


def check_radio(driver: WebDriver, css: str) -> None:
    """Checks a radio button, through its <label> when the input itself is visually hidden (a styled toggle)."""
    radio = field(driver, css)
    if radio.is_displayed():
        radio.click()
    else:
        for_radio = f'label[for="{radio.get_attribute("id")}"]'
        labels = [label for label in driver.find_elements(By.CSS_SELECTOR, for_radio) if label.is_displayed()]
        assert labels, f"{css} is hidden and has no visible <label for>"
        labels[0].click()
    until(driver, lambda d: d.find_element(By.CSS_SELECTOR, css).is_selected(), f"{css} did not get checked")


def choose(driver: WebDriver, css: str, value: str) -> None:
    """Selects the <option> whose value is `value` (ids compared without case) and fires `change`."""
    select = field(driver, css)
    found = driver.execute_script(
        """
        const select = arguments[0], wanted = arguments[1].toLowerCase();
        const option = Array.from(select.options).find(o => o.value.toLowerCase() === wanted);
        if (!option) return false;
        select.value = option.value;
        select.dispatchEvent(new Event('input', {bubbles: true}));
        select.dispatchEvent(new Event('change', {bubbles: true}));
        return true;
        """,
        select,
        value,
    )
    assert found, f"{css} has no option with value {value!r}"


def selected_value(driver: WebDriver, css: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, css).get_attribute("value") or ""


def blur(driver: WebDriver) -> None:
    """Takes focus out of any field, so single-key shortcuts reach the page."""
    driver.execute_script("if (document.activeElement) document.activeElement.blur();")


def press(driver: WebDriver, *keys: str) -> None:
    """Types keys at whatever has focus (the page, after `blur`)."""
    ActionChains(driver).send_keys(*keys).perform()


def active_id(driver: WebDriver) -> str:
    return driver.execute_script("return document.activeElement ? document.activeElement.id : '';") or ""


def set_marker(driver: WebDriver, value: str) -> None:
    """A value that lives only as long as this document: it is gone after any reload or navigation."""
    driver.execute_script("window.__e2eMarker = arguments[0];", value)


def marker(driver: WebDriver) -> str | None:
    return driver.execute_script("return window.__e2eMarker === undefined ? null : window.__e2eMarker;")


def fonts_loaded(driver: WebDriver) -> None:
    """Waits for web fonts, so a screenshot does not catch fallback glyphs."""
    driver.execute_script("return document.fonts.ready.then(() => true);")


def wait_live(driver: WebDriver) -> None:
    present(driver, LIVE_READY, f"the live connection never opened ({LIVE_READY})")


# --- queues ----------------------------------------------------------------------------------------------------


def queue_link_css(slug: str) -> str:
    return "a.queue-link" + by_id_attr("data-queue", slug)


def open_queue(driver: WebDriver, slug: str) -> None:
    """Follows the sidebar link of queue `slug` (mine, unassigned, all or a department id) and waits for it."""
    click(driver, queue_link_css(slug))
    expected = f"/agent/queues/{slug}".lower()
    until(driver, lambda d: path(d).lower().rstrip("/") == expected, f"the {slug} queue did not open")
    present(driver, "#queue-rows, #queue-empty", f"the {slug} queue shows neither rows nor #queue-empty")


def queue_count(driver: WebDriver, slug: str) -> int:
    """The sidebar count of queue `slug`, which must read as a whole number (group separators allowed)."""
    text = driver.find_element(By.CSS_SELECTOR, queue_link_css(slug) + " span.queue-count").text.strip()
    digits = re.sub(r"[.,\s\u00a0\u202f]", "", text)
    assert digits.isdigit(), f"the {slug} queue count is not a number: {text!r}"
    return int(digits)


def rows(driver: WebDriver, scope: str = "#queue-rows") -> list[dict]:
    """The ticket rows as plain values, read in one go (live updates may replace elements at any time)."""
    return driver.execute_script(
        """
        return Array.from(document.querySelectorAll(arguments[0] + ' tr.ticket-row')).map(r => ({
            number: r.dataset.number, id: r.dataset.id, priority: r.dataset.priority,
            selected: r.classList.contains('is-selected'), isNew: r.classList.contains('is-new'),
            text: r.innerText,
        }));
        """,
        scope,
    )


def row_css(number: int, scope: str = "#queue-rows") -> str:
    return f'{scope} tr.ticket-row[data-number="{number}"]'


def assert_urgent_first(listed: list[dict]) -> None:
    """Rows follow the priority ruler: each row's priority is no higher than the one above it."""
    priorities = [row["priority"] for row in listed]
    unknown = [p for p in priorities if p not in PRIORITY_RANK]
    assert not unknown, f"rows with an unknown data-priority: {unknown}"
    ranks = [PRIORITY_RANK[p] for p in priorities]
    assert ranks == sorted(ranks, reverse=True), f"rows are not urgent first: {priorities}"


def selected_index(driver: WebDriver) -> int:
    """Index of the one `tr.is-selected` row, or -1; fails when more than one row is selected."""
    listed = rows(driver)
    selected = [i for i, row in enumerate(listed) if row["selected"]]
    assert len(selected) <= 1, f"more than one row is selected: {selected}"
    return selected[0] if selected else -1


# --- ticket page -----------------------------------------------------------------------------------------------


def open_ticket(driver: WebDriver, base_url: str, number: int) -> None:
    go(driver, base_url, f"/agent/tickets/{number}")
    wait_ticket(driver, number)


def wait_ticket(driver: WebDriver, number: int) -> None:
    present(driver, f'#ticket[data-number="{number}"]', f"ticket #{number}'s page never appeared")


def messages(driver: WebDriver) -> list[dict]:
    return driver.execute_script(
        """
        return Array.from(document.querySelectorAll('#thread article.message')).map(m => ({
            kind: m.dataset.kind, id: m.dataset.id, isNote: m.classList.contains('is-note'), text: m.innerText,
        }));
        """
    )


def wait_message(driver: WebDriver, kind: str, text: str) -> dict:
    """Waits for an `article.message[data-kind=kind]` in #thread whose text contains `text`; returns it."""

    def found(d):
        return next((m for m in messages(d) if m["kind"] == kind and text in m["text"]), None)

    return until(driver, found, f"no {kind} message containing {text!r} appeared in #thread")


def post_message(driver: WebDriver, kind: str, text: str) -> None:
    """Writes a reply or note in the composer and sends it."""
    check_radio(driver, f"#composer-kind-{kind}")
    type_into(driver, "#composer-body", text)
    click(driver, "#composer-submit")


def ticket_status(driver: WebDriver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "#ticket-status").get_attribute("data-status") or ""


def wait_status(driver: WebDriver, status: str) -> None:
    present(driver, f'#ticket-status[data-status="{status}"]', f"#ticket-status never showed {status!r}")


def history_size(driver: WebDriver) -> int:
    return len(driver.find_elements(By.CSS_SELECTOR, "#history li.event"))


def wait_history_longer(driver: WebDriver, than: int) -> None:
    until(driver, lambda d: history_size(d) > than, f"#history never grew past {than} li.event")


def viewer_css(agent_id: str) -> str:
    return "#presence li.viewer" + by_id_attr("data-agent", agent_id)
