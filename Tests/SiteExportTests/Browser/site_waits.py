"""What the interaction checks share: waiting for the page, and emulated media."""

import time

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


def emulate(browser, scheme=None, media=None):
    """Emulates `scheme` for prefers-color-scheme and `media` (print); none of either resets."""
    features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media or "", "features": features})
