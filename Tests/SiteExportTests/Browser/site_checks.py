"""The four checks of site_check.py, each returning a JSON-ready report with `ok` and `summary`.

They share one Browser, so a run starts chromium once however many pages it covers.
"""

import os
import time

from axe_selenium_python import Axe
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from site_browser import THEMES

# The impacts that fail the axe check.
FAILING_IMPACTS = ("serious", "critical")
# How many of a violation's elements are named in the report.
TARGETS_SHOWN = 5
WIDTHS = (390, 1280)
# Tab presses allowed to reach the next answer before the walk counts as stuck.
MAX_TABS_PER_STEP = 40
# How long the troubleshooter gets to show the next step after Enter.
STEP_SECONDS = 5


def run(options, browser, site):
    """The report of the subcommand `options.command`, with pages loaded from `site`."""
    return {
        "axe": axe, "screenshots": screenshots, "keyboard-walk": keyboard_walk, "console": console,
    }[options.command](options, browser, site)


def axe(options, browser, site):
    """axe-core on every page in both themes: serious and critical violations, and whether the
    theme took (the body's background is dark in the dark theme and light in the light one)."""
    results = []
    engine = Axe(browser.driver)
    for _, rel in options.pages:
        for theme in THEMES:
            browser.load(site.url(rel))
            browser.use_theme(theme)
            engine.inject()
            found = engine.run()
            version = found.get("testEngine", {}).get("version", "")
            violations = [
                {
                    "id": violation["id"], "impact": violation["impact"],
                    "help": violation["help"], "nodes": len(violation["nodes"]),
                    "targets": [
                        " ".join(str(part) for part in node["target"])
                        for node in violation["nodes"][:TARGETS_SHOWN]
                    ],
                }
                for violation in found["violations"]
                if violation.get("impact") in FAILING_IMPACTS
            ]
            results.append({
                "page": rel, "theme": theme, "axe": version,
                "themeState": browser.theme_state(theme), "violations": violations,
            })
    failing = sum(len(result["violations"]) for result in results)
    unthemed = [f"{r['page']} ({r['theme']})" for r in results if not r["themeState"]["applied"]]
    return {
        "ok": failing == 0 and not unthemed, "results": results,
        "summary": f"{failing} serious or critical violations; theme not applied on "
        + (", ".join(unthemed) or "no page"),
    }


def screenshots(options, browser, site):
    """Full-page PNGs NAME-WIDTH-THEME.png of every page at each width in both themes."""
    os.makedirs(options.out, exist_ok=True)
    shots = []
    for theme in THEMES:
        for name, rel in options.pages:
            browser.load(site.url(rel))
            browser.use_theme(theme)
            for width in WIDTHS:
                png, height = browser.full_page_png(width)
                path = os.path.join(options.out, f"{name}-{width}-{theme}.png")
                with open(path, "wb") as file:
                    file.write(png)
                shots.append({
                    "name": name, "page": rel, "width": width, "height": height, "theme": theme,
                    "file": os.path.realpath(path), "bytes": len(png),
                })
    empty = [shot["file"] for shot in shots if shot["bytes"] == 0]
    return {"ok": not empty, "screenshots": shots, "summary": f"empty: {empty}"}


def console(options, browser, site):
    """The console's errors and warnings while each page loads and its scripts run."""
    pages = []
    browser.console()  # whatever came before the first page
    for _, rel in options.pages:
        browser.load(site.url(rel))
        pages.append({"page": rel, "messages": browser.console()})
    noisy = [page["page"] for page in pages if page["messages"]]
    return {
        "ok": not noisy, "pages": pages,
        "summary": f"{len(noisy)} of {len(pages)} pages logged errors or warnings: {noisy[:10]}",
    }


# The steps a troubleshooter shows (those with a layout box), and which of them is its current
# one: the one its script marked, else the only one shown.
SHOWN_STEP = """
var all = document.querySelectorAll(".tree-step");
var shown = Array.prototype.filter.call(all,
  function (s) { return s.getClientRects().length > 0; });
var marked = shown.filter(function (s) { return s.classList.contains("current"); });
var current = marked.length === 1 ? marked[0] : (shown.length === 1 ? shown[0] : null);
return { ids: shown.map(function (s) { return s.id; }), current: current ? current.id : null,
  cause: current !== null && current.matches("section.cause"), steps: all.length };
"""
FOCUS = """
var e = document.activeElement;
if (!e || e === document.body || e === document.documentElement) {
  return { element: "body", answer: null, section: null };
}
var name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
  (e.classList.length ? "." + Array.prototype.join.call(e.classList, ".") : "");
var text = (e.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 60);
var section = e.closest(".tree-step");
return { element: text ? name + ' "' + text + '"' : name,
  answer: e.matches("a.answer") ? e.getAttribute("data-answer") : null,
  section: section ? section.id : null };
"""


def keyboard_walk(options, browser, site):
    """Walks a troubleshooter with the keyboard alone: Tab until an answer of the question shown
    has the focus, Enter, and again until a cause is shown. Any step that Tab and Enter cannot
    take ends the walk with `ok` false and the reason; so does a step shown beside another
    (`crowded`), after the walk went on to its end."""
    rel = options.pages[0][1]
    browser.load(site.url(rel))
    driver = browser.driver
    keys, walked, crowded = [], [], []

    def report(reached, problem=None):
        summary = [problem or f"reached {reached} with {len(keys)} keys"]
        if crowded:
            summary.append("more than one step shown at once: " + "; ".join(
                f"{c['current']} with {', '.join(c['others'])}" for c in crowded))
        return {
            "ok": problem is None and not crowded, "page": rel, "keys": keys, "walked": walked,
            "crowded": crowded, "cause": reached, "problem": problem, "summary": "; ".join(summary),
        }

    shown = driver.execute_script(SHOWN_STEP)
    for _ in range(shown["steps"] + 1):
        current = shown["current"]
        if current is None:
            return report(None, f"no step is the current one; shown: {shown['ids']}")
        walked.append(current)
        if len(shown["ids"]) > 1:
            others = [i for i in shown["ids"] if i != current]
            crowded.append({"current": current, "others": others})
        if shown["cause"]:
            return report(current)
        for _ in range(MAX_TABS_PER_STEP):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            focus = driver.execute_script(FOCUS)
            keys.append({"key": "Tab", "focus": focus["element"], "section": focus["section"],
                         "answer": focus["answer"]})
            if focus["answer"] is not None and focus["section"] == current:
                break
        else:
            return report(None, f"{MAX_TABS_PER_STEP} Tab presses reached no answer of {current}")
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        shown = next_step(browser, current)
        focus = driver.execute_script(FOCUS)
        keys.append({"key": "Enter", "focus": focus["element"], "section": focus["section"],
                     "answer": None})
        if shown["current"] == current:
            return report(None, f"Enter on {keys[-2]['focus']} left {current} shown")
    return report(None, f"no cause after {len(walked)} steps: {walked}")


def next_step(browser, current):
    """What the troubleshooter shows once it has moved on from `current`, or still shows after
    a few seconds of not moving."""
    deadline = time.monotonic() + STEP_SECONDS
    while True:
        browser.settle()
        shown = browser.driver.execute_script(SHOWN_STEP)
        if shown["current"] != current or time.monotonic() > deadline:
            return shown
        time.sleep(0.1)
