"""The reading checks of site_check.py interactions: the theme switch, print, copy buttons, the
contents, the tag filter, 390 px, and the troubleshooter without scripts."""

from site_waits import emulate, wait_for


THEME = """
var chosen = document.documentElement.getAttribute("data-theme");
var background = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
var stored = null; try { stored = localStorage.getItem("rmq-doctor-theme"); } catch (e) {}
var toggle = document.querySelector(".theme-toggle");
return { attribute: chosen, stored: stored, dark: background[0] + background[1] + background[2] < 200,
  pressed: toggle ? toggle.getAttribute("aria-pressed") : null, hidden: toggle ? toggle.hidden : null };
"""


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
