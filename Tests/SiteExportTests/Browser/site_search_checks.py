"""The search checks of site_check.py interactions: the answers as you type on the search page
and in the header, a pasted traceback, `/` and the arrow keys."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from site_waits import wait_for


RESULTS_OF = """
var list = arguments[0] ? document.querySelector(arguments[0]) : null;
if (!list) { return null; }
var items = list.querySelectorAll("li.result");
return { ids: Array.prototype.map.call(items, function (i) { return i.getAttribute("data-id"); }),
  confident: items.length > 0 && items[0].classList.contains("confident"),
  troubleshoot: Array.prototype.map.call(items, function (i) {
    var a = i.querySelector("a.troubleshoot-link"); return a ? a.getAttribute("href") : null; }) };
"""


def compare(label, query, got, problems, root=""):
    """Adds a problem when `got` differs from the command line's answer in `query`."""
    if got is None:
        problems.append(f"{label} {query['id']}: no answer shown")
        return
    if got["ids"] != query["ids"]:
        problems.append(f"{label} {query['id']}: {got['ids']} instead of {query['ids']}")
    if got["confident"] != query["confident"]:
        problems.append(f"{label} {query['id']}: confident {got['confident']} instead of {query['confident']}")
    expected_links = [f"{root}troubleshoot/{id}.html" for id in query["ids"]]
    if got["troubleshoot"] != expected_links:
        problems.append(f"{label} {query['id']}: troubleshoot links {got['troubleshoot']}")


def search_page_as_you_type(browser, site, expected):
    problems = []
    browser.load(site.url("search.html"))
    for query in expected["queries"]:
        browser.driver.execute_script(
            "var list = document.getElementById('results'); list.setAttribute('data-state', 'waiting');"
            "var box = document.getElementById('q'); box.value = arguments[0];"
            "box.dispatchEvent(new Event('input', { bubbles: true }));", query["text"])
        done = wait_for(browser, "return document.getElementById('results').getAttribute('data-state') === 'done'")
        got = browser.driver.execute_script(RESULTS_OF, "#results") if done else None
        compare("search page", query, got, problems)
        status = browser.driver.execute_script("return document.getElementById('search-status').textContent")
        if not query["ids"] and not status.startswith("No guide"):
            problems.append(f"search page {query['id']}: status {status!r} for a line no guide explains")
        if query["ids"] and not query["confident"] and "with confidence" not in status:
            problems.append(f"search page {query['id']}: status {status!r} does not say it is unsure")
    return problems


def type_into_header(browser, text):
    """Types `text` into the header's box as a reader's input event would; the panel's answer."""
    browser.driver.execute_script(
        "var box = document.getElementById('header-q'); box.focus(); box.value = arguments[0];"
        "box.dispatchEvent(new Event('input', { bubbles: true }));", text)
    return wait_for(browser,
                    "var p = document.getElementById('header-results');"
                    "return !p.hidden && p.getAttribute('data-for') === arguments[0];", text)


def header_as_you_type(browser, site, expected):
    problems = []
    browser.load(site.url(f"guides/{expected['guide']}.html"))
    one_line = [q for q in expected["queries"] if "\n" not in q["text"] and "\r" not in q["text"]]
    if len(one_line) < 5:
        problems.append(f"only {len(one_line)} one-line queries")
    for query in one_line:
        shown = type_into_header(browser, query["text"])
        got = browser.driver.execute_script(RESULTS_OF, "#header-results") if shown else None
        compare("header", query, got, problems, root="../")
    return problems


def header_paste_keeps_lines(browser, site, expected):
    problems = []
    lines = [q for q in expected["queries"] if "\n" in q["text"]]
    if not lines:
        return ["no query of several lines"]
    query = lines[0]
    browser.load(site.url(f"guides/{expected['guide']}.html"))
    browser.driver.execute_script(
        "var data = new DataTransfer(); data.setData('text/plain', arguments[0]);"
        "var box = document.getElementById('header-q'); box.focus();"
        "box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
        query["text"])
    if not wait_for(browser, "return location.pathname.endsWith('/search.html')"):
        return [f"a pasted traceback stayed on {browser.driver.current_url}"]
    browser.settle()
    if browser.driver.execute_script("return document.getElementById('q').value") != query["text"]:
        problems.append("the search page does not hold the paste with its lines")
    done = wait_for(browser, "return document.getElementById('results').getAttribute('data-state') === 'done'")
    compare("pasted", query, browser.driver.execute_script(RESULTS_OF, "#results") if done else None, problems)
    return problems


def active(browser):
    return browser.driver.execute_script(
        "var e = document.activeElement; return e ? (e.id || e.getAttribute('href') || e.tagName) : null")


def slash_focuses_search(browser, site, expected):
    browser.load(site.url(f"guides/{expected['guide']}.html"))
    browser.driver.execute_script("document.activeElement && document.activeElement.blur();")
    ActionChains(browser.driver).send_keys("/").perform()
    return [] if active(browser) == "header-q" else [f"'/' left the focus on {active(browser)}"]


def arrows_choose_results(browser, site, expected):
    problems = []
    browser.load(site.url(f"guides/{expected['guide']}.html"))
    if not type_into_header(browser, expected["arrowQuery"]):
        return ["no results to move through"]
    links = browser.driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#header-results a'),"
        " function (a) { return a.getAttribute('href'); })")
    if len(links) < 3:
        return [f"only {len(links)} links in the results"]
    keys = ActionChains(browser.driver)
    keys.send_keys(Keys.ARROW_DOWN).perform()
    if active(browser) != links[0]:
        problems.append(f"ArrowDown went to {active(browser)}, not {links[0]}")
    ActionChains(browser.driver).send_keys(Keys.ARROW_DOWN).perform()
    if active(browser) != links[1]:
        problems.append(f"a second ArrowDown went to {active(browser)}, not {links[1]}")
    ActionChains(browser.driver).send_keys(Keys.ARROW_UP).send_keys(Keys.ARROW_UP).perform()
    if active(browser) != "header-q":
        problems.append(f"ArrowUp twice went to {active(browser)}, not the box")
    ActionChains(browser.driver).send_keys(Keys.ESCAPE).perform()
    if not browser.driver.execute_script("return document.getElementById('header-results').hidden"):
        problems.append("Escape left the results open")
    return problems
