"""Page helpers for the portal browser tests (the customer and employee help site at /help).

Selectors are the ids of Sources/BalcaoWeb/Web/Views/portal/*.leaf. The waiting helpers are pages.py's: explicit
waits only, re-polling through pages replaced by a navigation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

import pages

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"

# The portal's path on the desk (BALCAO's default portalPath; the e2e desk does not change it).
PORTAL = "/help"

SEARCH_INPUT = "#portal-search-input"
SEARCH_SUBMIT = "#portal-search-submit"
SEARCH_RESULT_TITLES = "#search-results .result-title"
SEARCH_EMPTY = "#search-empty"
SIGNIN_LINK = "#portal-signin-link"
SIGNIN_EMAIL = "#signin-email"
SIGNIN_PASSWORD = "#signin-password"
SIGNIN_SUBMIT = "#signin-submit"
SIGNIN_ERROR = "#signin-error"
SIGNOUT = "#portal-signout"
MY_REQUESTS_LINK = "#my-requests-link"
NEW_REQUEST_LINK = "#new-request-link"
DEPARTMENT_CARDS = "#department-list a.department-card"
REQUEST_FORM = "#request-form"
REQUEST_SUBJECT = "#request-subject"
REQUEST_BODY = "#request-body"
REQUEST_SUBMIT = "#request-submit"
REQUEST_ERROR = "#request-error"
SUGGESTION_LINKS = "#suggestions a[data-suggestion]"
REQUEST_HEADING = "#request-subject-heading"
REQUEST_STATUS = "#request-status"
THREAD_MESSAGES = "#thread li.message"
REPLY_BODY = "#reply-body"
REPLY_SUBMIT = "#reply-submit"
RATING = "#rating"
RATE_COMMENT = "#rate-comment"
RATE_SUBMIT = "#rate-submit"
RATING_CURRENT = "#rating-current"
FLASH = "#flash"
NOTICE = "aside.notice"
HERO_TITLE = ".hero h1"
ARTICLE_TITLE = "#article-title"
ARTICLE_SOLVED = "#article-solved"
LANGUAGE_LINK = 'footer .languages a[lang="{tag}"]'

REQUEST_PATH = re.compile(re.escape(PORTAL) + r"/requests/(\d+)/?")


# --- the demo's portal logins ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Login:
    email: str
    password: str


def demo_logins(label: str) -> dict[str, Login]:
    """The customer and employee logins `balcao seed-demo` printed, read back from the desk fixture's seed log:

        Portal (http://127.0.0.1:PORT/help) demo logins:
          customer:  <email> / <password>
          employee:  <email> / <password>
    """
    log = ARTIFACTS / f"seed-{label}.log"
    output = log.read_text() if log.exists() else ""
    found = {
        who: re.search(rf"^\s*{who}:\s+(\S+@\S+)\s+/\s+(\S+)\s*$", output, re.MULTILINE)
        for who in ("customer", "employee")
    }
    missing = [who for who, match in found.items() if not match]
    if missing:
        raise AssertionError(f"{log} holds no portal login for {', '.join(missing)}:\n{output[-3000:]}")
    return {who: Login(match.group(1), match.group(2)) for who, match in found.items()}


# --- navigation ------------------------------------------------------------------------------------------------


def portal_path(driver: WebDriver) -> str:
    """The current path without a trailing slash ("/help/" reads as "/help")."""
    return pages.path(driver).rstrip("/") or "/"


def go(driver: WebDriver, base_url: str, page: str = "") -> None:
    pages.go(driver, base_url, PORTAL + page)


def open_home(driver: WebDriver, base_url: str) -> None:
    go(driver, base_url)
    pages.present(driver, HERO_TITLE, "the portal home (.hero h1) never appeared")


def html_lang(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "html").get_attribute("lang") or ""


def pick_language(driver: WebDriver, base_url: str, tag: str, next_page: str = "") -> None:
    """Sets the portal's language cookie through the language switch (/help/language/TAG?next=…), so what a page
    says does not depend on the browser or on the signed-in contact's own language."""
    target = PORTAL + next_page
    pages.go(driver, base_url, f"{PORTAL}/language/{tag}?next={quote(target, safe='/')}")
    pages.until(driver, lambda d: html_lang(d).lower() == tag.lower(), f"the portal never switched to {tag}")


def click_language(driver: WebDriver, tag: str) -> None:
    """Follows the footer's language link for `tag` and waits for the page to come back in that language."""
    pages.click(driver, LANGUAGE_LINK.format(tag=tag))
    pages.until(driver, lambda d: html_lang(d).lower() == tag.lower(), f"the footer link did not switch to {tag}")


def text_of(driver: WebDriver, css: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, css).text.strip()


# --- signing in ------------------------------------------------------------------------------------------------


def sign_in(driver: WebDriver, base_url: str, email: str, password: str) -> None:
    """Opens the portal's sign-in page and submits its password form; does not wait for the outcome."""
    go(driver, base_url, "/signin")
    submit_sign_in(driver, email, password)


def submit_sign_in(driver: WebDriver, email: str, password: str) -> None:
    """Fills and submits the password form of the sign-in page on screen; does not wait for the outcome."""
    pages.type_into(driver, SIGNIN_EMAIL, email)
    pages.type_into(driver, SIGNIN_PASSWORD, password)
    pages.click(driver, SIGNIN_SUBMIT)


def wait_signed_in(driver: WebDriver) -> None:
    pages.until(driver, lambda d: portal_path(d) != f"{PORTAL}/signin", "still on the portal sign-in after signing in")
    pages.present(driver, SIGNOUT, "signed in, but the header has no #portal-signout")
    pages.present(driver, MY_REQUESTS_LINK, "signed in, but the header has no #my-requests-link")


# --- searching the help section --------------------------------------------------------------------------------


def search(driver: WebDriver, base_url: str, query: str) -> None:
    """Types `query` into the portal's search box and sends it; waits for its results (or #search-empty).
    Pages without the box (My requests…) go to the home first."""
    if not pages.exists(driver, SEARCH_INPUT):
        open_home(driver, base_url)
    pages.type_into(driver, SEARCH_INPUT, query)
    pages.click(driver, SEARCH_SUBMIT)
    pages.until(
        driver,
        lambda d: portal_path(d) == f"{PORTAL}/search" and pages.query_param(d, "q") == query,
        f"searching {query!r} did not open {PORTAL}/search?q=…")
    pages.present(driver, "#search-results", f"searching {query!r} showed no #search-results")


def results(driver: WebDriver) -> list[dict]:
    """The search results as plain values: title and link."""
    return driver.execute_script(
        """
        return Array.from(document.querySelectorAll(arguments[0])).map(a => ({
            title: a.textContent.trim(), href: a.getAttribute('href'),
        }));
        """,
        SEARCH_RESULT_TITLES,
    )


# --- requests --------------------------------------------------------------------------------------------------


def open_request_form(driver: WebDriver, department: str) -> None:
    """From any portal page: New request, then the department card named `department`; waits for the form."""
    pages.click(driver, NEW_REQUEST_LINK)
    pages.until(driver, lambda d: portal_path(d).startswith(f"{PORTAL}/requests/new"),
                "#new-request-link did not open the new request page")
    # One department only goes straight to its form; several are listed as cards to pick from.
    pages.present(driver, f"{DEPARTMENT_CARDS}, {REQUEST_FORM}", "neither department cards nor a request form")
    if not pages.exists(driver, REQUEST_FORM):
        def card(d):
            return next((c for c in d.find_elements(By.CSS_SELECTOR, DEPARTMENT_CARDS) if c.text.strip() == department),
                        None)

        found = pages.until(driver, card, f"no department card reads {department!r}")
        pages.reveal(driver, found)
        found.click()
    pages.present(driver, REQUEST_FORM, f"the request form of {department!r} never appeared")
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert department in heading, f"the request form is for {heading!r}, not {department!r}"


def type_subject(driver: WebDriver, subject: str) -> None:
    """Types the subject as a person would (portal.js asks for suggestions 250 ms after the last key)."""
    pages.type_into(driver, REQUEST_SUBJECT, subject)


def suggestions(driver: WebDriver) -> list[dict]:
    return driver.execute_script(
        """
        return Array.from(document.querySelectorAll(arguments[0])).map(a => ({
            id: a.dataset.suggestion, title: a.textContent.trim(), href: a.getAttribute('href'),
            target: a.getAttribute('target'),
        }));
        """,
        SUGGESTION_LINKS,
    )


def wait_suggestion(driver: WebDriver, title: str) -> dict:
    """Waits for a link to the article `title` in #suggestions; returns it as plain values."""
    return pages.until(
        driver, lambda d: next((s for s in suggestions(d) if s["title"] == title), None),
        f"#suggestions never linked {title!r}")


def open_suggestion(driver: WebDriver, title: str) -> str:
    """Clicks the suggestion `title` (it opens in a new tab), switches to that tab and returns the form's tab."""
    form_tab = driver.current_window_handle
    before = set(driver.window_handles)

    def click(d):
        # The list may be replaced by a later answer of portal.js: find the link afresh until a click lands.
        link = next((a for a in d.find_elements(By.CSS_SELECTOR, SUGGESTION_LINKS) if a.text.strip() == title), None)
        if link is None:
            return False
        pages.reveal(d, link)
        link.click()
        return True

    pages.until(driver, click, f"could not click the suggestion {title!r}")
    opened = pages.until(driver, lambda d: next((h for h in d.window_handles if h not in before), None),
                         f"the suggestion {title!r} did not open a new tab")
    driver.switch_to.window(opened)
    pages.present(driver, ARTICLE_TITLE, f"the suggested article {title!r} never appeared in the new tab")
    return form_tab


def send_request(driver: WebDriver, body: str) -> int:
    """Fills the description, sends the form and waits for the new request's page; returns its number."""
    pages.type_into(driver, REQUEST_BODY, body)
    pages.click(driver, REQUEST_SUBMIT)
    pages.until(driver, lambda d: REQUEST_PATH.fullmatch(pages.path(d)) or pages.exists(d, REQUEST_ERROR),
                "sending the request did not open its page")
    if pages.exists(driver, REQUEST_ERROR):
        raise AssertionError(f"the request was refused: {text_of(driver, REQUEST_ERROR)!r}")
    pages.present(driver, REQUEST_HEADING, "the request page has no #request-subject-heading")
    return request_number(driver)


def request_number(driver: WebDriver) -> int:
    match = REQUEST_PATH.fullmatch(pages.path(driver))
    assert match, f"{pages.path(driver)} is not a request page"
    return int(match.group(1))


def open_request(driver: WebDriver, base_url: str, number: int) -> None:
    """The request's page, without a flash: a #flash seen afterwards comes from what the test did next."""
    go(driver, base_url, f"/requests/{number}")
    pages.present(driver, REQUEST_HEADING, f"request #{number}'s page never appeared")


def request_status(driver: WebDriver) -> str:
    """The status the page shows, from its class (status-solved…), whatever the language."""
    classes = (driver.find_element(By.CSS_SELECTOR, REQUEST_STATUS).get_attribute("class") or "").split()
    return next((c.removeprefix("status-") for c in classes if c.startswith("status-")), "")


def thread(driver: WebDriver) -> list[dict]:
    """The public thread as plain values: who wrote (agent, contact, system) and the text."""
    return driver.execute_script(
        """
        return Array.from(document.querySelectorAll(arguments[0])).map(m => {
            const from = Array.from(m.classList).find(c => c.startsWith('from-'));
            return {author: from ? from.slice(5) : '', id: m.id, text: m.innerText};
        });
        """,
        THREAD_MESSAGES,
    )


def wait_thread_message(driver: WebDriver, text: str, author: str | None = None) -> dict:
    def found(d):
        return next((m for m in thread(d) if text in m["text"] and (author is None or m["author"] == author)), None)

    who = f" from {author}" if author else ""
    return pages.until(driver, found, f"no message{who} containing {text!r} appeared in #thread")


def reply(driver: WebDriver, text: str) -> None:
    pages.type_into(driver, REPLY_BODY, text)
    pages.click(driver, REPLY_SUBMIT)


def rate(driver: WebDriver, score: str, comment: str) -> None:
    """Picks good or bad, writes the comment and sends the rating form."""
    pages.check_radio(driver, f"#rate-{score}")
    pages.type_into(driver, RATE_COMMENT, comment)
    pages.click(driver, RATE_SUBMIT)


# --- layout ----------------------------------------------------------------------------------------------------


def set_viewport(driver: WebDriver, width: int, height: int, mobile: bool = False) -> None:
    """The page's viewport (what a screenshot shows), without the window's own chrome."""
    metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)


def widths(driver: WebDriver) -> dict:
    """How wide the document is against the window: scrollWidth beyond innerWidth means a horizontal scroll."""
    return driver.execute_script(
        """
        const root = document.documentElement;
        return {scroll: root.scrollWidth, inner: window.innerWidth, client: root.clientWidth};
        """
    )


def wide_elements(driver: WebDriver, limit: int = 5) -> list[str]:
    """For a failure message: the first elements whose right edge passes the viewport."""
    return driver.execute_script(
        """
        const width = document.documentElement.clientWidth, found = [];
        for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.right > width + 1 && r.width > 0) {
                const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');
                const classes = typeof e.className === 'string' && e.className.trim()
                    ? '.' + e.className.trim().split(/ +/).join('.') : '';
                found.push(`${name}${classes} (right edge ${Math.round(r.right)})`);
                if (found.length >= arguments[0]) break;
            }
        }
        return found;
        """,
        limit,
    )


def in_view_horizontally(driver: WebDriver, css: str) -> bool:
    return driver.execute_script(
        """
        const e = document.querySelector(arguments[0]);
        if (!e) return false;
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.left >= -1 && r.right <= document.documentElement.clientWidth + 1;
        """,
        css,
    )
