"""The `interactions` check of site_check.py: what a reader does with the site, in the browser.

Each named check returns a list of problems (empty when it passed):
- search-page-as-you-type: every query typed into search.html gives the command line's answer
  (ids in order, confidence), and the status says when no guide explains it;
- header-as-you-type: every one-line query typed into the header's box on a guide page gives
  the same answer, each result with its "Troubleshoot this" link;
- header-paste-keeps-lines: a pasted traceback opens search.html with its lines and the answer;
- slash-focuses-search, arrows-choose-results: `/` focuses the box; arrows move through the
  results and back, Escape closes them;
- theme-switch-remembered: the switch starts from prefers-color-scheme, and the choice holds on
  the next page, after a reload and against the system's scheme;
- print-stylesheet: in print media the navigation, header, contents and buttons are gone and
  outside links show their address;
- copy-buttons, contents-links, contents-sticky-and-folded, tag-filter, fits-390-px;
- troubleshooter-without-javascript: with scripts off, one step at a time by its links.
"""

import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

# How long an answer gets to appear after typing (debounce, lazy load, search).
ANSWER_SECONDS = 10


def wait_for(browser, script, *arguments, seconds=ANSWER_SECONDS):
    """Polls `script` until it returns something truthy; returns it, or None on time out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = browser.driver.execute_script(script, *arguments)
        if value:
            return value
        time.sleep(0.05)
    return None


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


THEME = """
var chosen = document.documentElement.getAttribute("data-theme");
var background = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
var stored = null; try { stored = localStorage.getItem("rmq-doctor-theme"); } catch (e) {}
var toggle = document.querySelector(".theme-toggle");
return { attribute: chosen, stored: stored, dark: background[0] + background[1] + background[2] < 200,
  pressed: toggle ? toggle.getAttribute("aria-pressed") : null, hidden: toggle ? toggle.hidden : null };
"""


def emulate(browser, scheme=None, media=None):
    features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media or "", "features": features})


def theme_switch_remembered(browser, site, expected):
    problems = []
    guide = site.url(f"guides/{expected['guide']}.html")
    emulate(browser, "light")
    browser.load(site.url("index.html"))
    browser.driver.execute_script("localStorage.clear(); document.documentElement.removeAttribute('data-theme');")
    browser.load(site.url("index.html"))
    state = browser.driver.execute_script(THEME)
    if state["hidden"] or state["dark"] or state["attribute"] or state["pressed"] != "false":
        problems.append(f"light system, no choice: {state}")
    emulate(browser, "dark")
    browser.load(site.url("index.html"))
    state = browser.driver.execute_script(THEME)
    if not state["dark"] or state["pressed"] != "true":
        problems.append(f"dark system, no choice: {state}")
    browser.driver.find_element("css selector", ".theme-toggle").click()
    state = browser.driver.execute_script(THEME)
    if state["dark"] or state["stored"] != "light" or state["pressed"] != "false":
        problems.append(f"after choosing light on a dark system: {state}")
    browser.load(guide)
    state = browser.driver.execute_script(THEME)
    if state["dark"] or state["attribute"] != "light":
        problems.append(f"the next page forgot the choice: {state}")
    browser.driver.find_element("css selector", ".theme-toggle").click()
    browser.driver.refresh()
    browser.settle()
    state = browser.driver.execute_script(THEME)
    if not state["dark"] or state["stored"] != "dark":
        problems.append(f"a reload forgot the dark choice: {state}")
    emulate(browser, "light")
    browser.load(guide)
    state = browser.driver.execute_script(THEME)
    if not state["dark"]:
        problems.append(f"the system's light scheme overrode the reader's dark choice: {state}")
    browser.driver.execute_script("localStorage.clear();")
    emulate(browser)
    return problems


def print_stylesheet(browser, site, expected):
    problems = []
    browser.load(site.url(f"guides/{expected['guide']}.html"))
    emulate(browser, media="print")
    hidden = browser.driver.execute_script(
        "return ['.site-header', '.site-nav', '.toc', '.pager', '.breadcrumbs', 'button.copy', '.actions']"
        ".filter(function (s) { var e = document.querySelector(s);"
        " return e && getComputedStyle(e).display !== 'none'; })")
    if hidden:
        problems.append(f"shown in print: {hidden}")
    after = browser.driver.execute_script(
        "var a = document.querySelector('.guide a[href^=\"http\"]');"
        "return a ? getComputedStyle(a, '::after').content : null")
    if not after or "attr" in after or "(" not in after:
        problems.append(f"an outside link prints without its address: {after!r}")
    # Paper is light whatever the screen's scheme or the reader's choice.
    for scheme, choice in (("dark", None), ("light", "dark")):
        emulate(browser, scheme)
        browser.driver.execute_script(
            "if (arguments[0]) { document.documentElement.setAttribute('data-theme', arguments[0]); }"
            " else { document.documentElement.removeAttribute('data-theme'); }", choice)
        emulate(browser, scheme, media="print")
        text = browser.driver.execute_script("return getComputedStyle(document.querySelector('h1')).color")
        if text not in ("rgb(0, 0, 0)",):
            problems.append(f"printed with a {scheme} system and choice {choice}: headings in {text}")
    browser.driver.execute_script("document.documentElement.removeAttribute('data-theme');")
    emulate(browser)
    return problems


def copy_buttons(browser, site, expected):
    problems = []
    browser.load(site.url(f"guides/{expected['guide']}.html"))
    buttons = browser.driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('button.copy'),"
        " function (b) { return { hidden: b.hidden || b.getClientRects().length === 0,"
        " target: !!document.getElementById(b.getAttribute('data-copy')) }; })")
    if len(buttons) < 5:
        problems.append(f"only {len(buttons)} copy buttons")
    if any(b["hidden"] or not b["target"] for b in buttons):
        problems.append(f"hidden or without a target: {[b for b in buttons if b['hidden'] or not b['target']][:3]}")
    button = browser.driver.find_element("css selector", "pre + button.copy, .code-block > button.copy")
    browser.driver.execute_script("arguments[0].scrollIntoView();", button)
    button.click()
    said = wait_for(browser, "return ['Copied', 'Select and copy'].indexOf(arguments[0].textContent) >= 0", button)
    if not said:
        problems.append(f"a click left the button saying {button.text!r}")
    return problems


def contents_links(browser, site, expected):
    problems = []
    browser.driver.set_window_size(1280, 900)
    browser.load(site.url(f"guides/{expected['guide']}.html"))
    hrefs = browser.driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('.toc a'), function (a) { return a.getAttribute('href'); })")
    if len(hrefs) < 9:
        problems.append(f"only {len(hrefs)} links in the contents")
    for href in hrefs[:: max(1, len(hrefs) // 12)]:
        link = browser.driver.find_element("css selector", f".toc a[href='{href}']")
        browser.driver.execute_script("arguments[0].click();", link)
        top = wait_for(browser,
                       "var t = document.getElementById(arguments[0].slice(1));"
                       "if (!t || location.hash !== arguments[0]) { return null; }"
                       "var r = t.getBoundingClientRect(); return r.top >= -2 && r.top < 200 ? 'ok' : null;", href,
                       seconds=3)
        if not top:
            problems.append(f"{href}: not scrolled into view")
    return problems


def contents_sticky_and_folded(browser, site, expected):
    problems = []
    url = site.url(f"guides/{expected['guide']}.html")
    browser.driver.set_window_size(1280, 900)
    browser.load(url)
    browser.driver.execute_script("window.scrollTo(0, 4000);")
    state = wait_for(browser, "var r = document.querySelector('.toc').getBoundingClientRect();"
                              "return { top: r.top, open: document.querySelector('.toc details').open };", seconds=2)
    if not state or not (0 <= state["top"] <= 40) or not state["open"]:
        problems.append(f"1280 px, scrolled: the contents are not in view and open: {state}")
    browser.driver.set_window_size(390, 900)
    browser.load(url)
    state = browser.driver.execute_script("return document.querySelector('.toc details').open")
    if state:
        problems.append("390 px: the contents are open on load")
    browser.driver.set_window_size(1280, 900)
    return problems


def tag_filter(browser, site, expected):
    problems = []
    browser.load(site.url("index.html"))
    browser.driver.execute_script("document.getElementById('tag-filter').open = true;")
    tag = expected["filterTag"]
    link = browser.driver.find_element("css selector", f".tag-links .tag[data-tag='{tag['tag']}']")
    link.click()
    shown = browser.driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('.guide-item'),"
        " function (i) { return i.getClientRects().length > 0; }).length")
    if shown != tag["count"]:
        problems.append(f"tag {tag['tag']}: {shown} guides shown instead of {tag['count']}")
    if link.get_attribute("aria-pressed") != "true":
        problems.append("the chosen tag is not marked pressed")
    if "tags/" in browser.driver.current_url:
        problems.append("the tag link left the index")
    link.click()
    shown = browser.driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('.guide-item'),"
        " function (i) { return i.getClientRects().length > 0; }).length")
    if shown != expected["guideCount"]:
        problems.append(f"a second click showed {shown} guides instead of all {expected['guideCount']}")
    return problems


def fits_390_px(browser, site, expected):
    problems = []
    browser.driver.set_window_size(390, 900)
    for rel in expected["pages"]:
        browser.load(site.url(rel))
        width = browser.driver.execute_script(
            "return { page: document.documentElement.scrollWidth, window: window.innerWidth }")
        if width["page"] > width["window"] + 1:
            problems.append(f"{rel}: {width['page']} px wide in a {width['window']} px window")
    browser.driver.set_window_size(1280, 900)
    return problems


SHOWN_STEPS = """
return Array.prototype.filter.call(document.querySelectorAll(".tree-step"),
  function (s) { return s.getClientRects().length > 0; }).map(function (s) { return s.id; });
"""


def troubleshooter_without_javascript(browser, site, expected):
    """With scripts off, the tree is plain links: one step shown, each answer shows the next."""
    problems = []
    browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        # Not browser.load: its wait for animation frames is a script, which would not run.
        browser.driver.get(site.url(f"troubleshoot/{expected['guide']}.html"))
        if browser.driver.execute_script("return document.getElementById('tree').classList.contains('enhanced')"):
            return ["the troubleshooter's script ran although scripts are off"]
        shown = browser.driver.execute_script(SHOWN_STEPS)
        if len(shown) != 1 or not shown[0].startswith("node-"):
            problems.append(f"on load, shown: {shown}")
        for _ in range(10):
            if not shown or not shown[0].startswith("node-"):
                break
            answer = browser.driver.find_element("css selector", f"#{shown[0]} a.answer")
            target = answer.get_attribute("href").split("#", 1)[1]
            answer.click()
            shown = browser.driver.execute_script(SHOWN_STEPS)
            if shown != [target]:
                problems.append(f"after an answer to {target}, shown: {shown}")
                break
        if not shown or not shown[0].startswith("cause-"):
            problems.append(f"the walk did not reach a cause: {shown}")
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    return problems


CHECKS = [
    ("search-page-as-you-type", search_page_as_you_type),
    ("header-as-you-type", header_as_you_type),
    ("header-paste-keeps-lines", header_paste_keeps_lines),
    ("slash-focuses-search", slash_focuses_search),
    ("arrows-choose-results", arrows_choose_results),
    ("theme-switch-remembered", theme_switch_remembered),
    ("print-stylesheet", print_stylesheet),
    ("copy-buttons", copy_buttons),
    ("contents-links", contents_links),
    ("contents-sticky-and-folded", contents_sticky_and_folded),
    ("tag-filter", tag_filter),
    ("fits-390-px", fits_390_px),
    ("troubleshooter-without-javascript", troubleshooter_without_javascript),
]


def run(expected, browser, site):
    """Every check; a check that raises is reported as failed with its error, and the rest run."""
    checks = []
    for name, check in CHECKS:
        try:
            problems = check(browser, site, expected)
        except Exception as error:  # one broken check must not hide the others' results
            problems = [f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"]
        checks.append({"name": name, "problems": problems})
    failing = [check["name"] for check in checks if check["problems"]]
    return {"ok": not failing, "checks": checks, "summary": f"failed: {', '.join(failing) or 'none'}"}
