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

from site_page_checks import (
    contents_links, contents_sticky_and_folded, copy_buttons, fits_390_px, print_stylesheet,
    tag_filter, theme_switch_remembered, troubleshooter_without_javascript)
from site_search_checks import (
    arrows_choose_results, header_as_you_type, header_paste_keeps_lines, search_page_as_you_type,
    slash_focuses_search)

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
