"""One headless Chromium session for site_check.py: loading pages, themes, console, screenshots.

Debian's chromium and chromedriver, named by path so that Selenium Manager has nothing to fetch.
"""

import base64
import os
import re
import shutil
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

# The theme the site keeps in localStorage and applies as <html data-theme>.
THEME_KEY = "rmq-doctor-theme"
THEMES = ("light", "dark")
# The window of pages that are not screenshots.
WINDOW = (1280, 900)
# How long a page gets to finish loading once the driver handed it back (generous: CI runs the
# other test suites beside this one on two cores).
SETTLE_SECONDS = 20


class BrowserError(Exception):
    """The browser or the driver could not do its part: one line on stderr, exit status 3."""


class Browser:
    """A driver shared by every page of one run, closed when the run ends."""

    def __init__(self, chromium, chromedriver):
        for path in (chromium, chromedriver):
            if not os.access(path, os.X_OK):
                raise BrowserError(f"{path} is missing (run: bash .ci/site-python)")
        self.chromium = chromium
        self.chromedriver = chromedriver
        self.driver = None
        self.profile = None

    def __enter__(self):
        options = webdriver.ChromeOptions()
        options.binary_location = self.chromium
        self.profile = tempfile.mkdtemp(prefix="rmq-doctor-site-check-")
        for argument in (
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars",
            f"--window-size={WINDOW[0]},{WINDOW[1]}", f"--user-data-dir={self.profile}",
        ):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        try:
            self.driver = webdriver.Chrome(
                service=Service(executable_path=self.chromedriver), options=options)
        except WebDriverException as error:
            self.close()
            raise BrowserError(f"chromedriver did not start chromium: {one_line(error)}")
        self.driver.set_page_load_timeout(60)
        self.driver.set_script_timeout(120)
        return self

    def __exit__(self, kind, error, trace):
        self.close()
        if isinstance(error, WebDriverException):
            raise BrowserError(f"the browser failed: {one_line(error)}") from None
        return False

    def close(self):
        """Quits the driver and removes the profile."""
        if self.driver is not None:
            try:
                self.driver.quit()
            except WebDriverException:
                pass
            self.driver = None
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None

    def load(self, url):
        """Opens `url` and waits for the document and its deferred work to finish."""
        self.driver.get(url)
        self.settle()

    def settle(self):
        """Waits until the document is complete and two animation frames have passed."""
        deadline = time.monotonic() + SETTLE_SECONDS
        while self.driver.execute_script("return document.readyState") != "complete":
            if time.monotonic() > deadline:
                raise BrowserError(f"{self.driver.current_url} did not finish loading")
            time.sleep(0.05)
        self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "requestAnimationFrame(function () { requestAnimationFrame(function () { done(); });"
            " });")

    def use_theme(self, theme):
        """Sets `theme` for this page and the next ones: the emulated prefers-color-scheme, and
        the site's own switch (localStorage and <html data-theme>), then reloads the page so
        that the site's script applies it as a visitor's stored choice would be."""
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "features": [{"name": "prefers-color-scheme", "value": theme}]})
        self.driver.execute_script(
            "try { localStorage.setItem(arguments[0], arguments[1]); } catch (e) {}"
            "document.documentElement.dataset.theme = arguments[1];", THEME_KEY, theme)
        self.driver.refresh()
        self.settle()

    def theme_state(self, theme):
        """What the page shows of `theme`: the body's background colour (the root's, or the
        canvas's, where the body paints none), whether it is dark,
        <html data-theme> and the stored choice, and whether it agrees with `theme`."""
        state = self.driver.execute_script("""
            var body = getComputedStyle(document.body).backgroundColor;
            var html = getComputedStyle(document.documentElement).backgroundColor;
            // Where neither paints, the browser's canvas shows: its colour in the page's scheme.
            var probe = document.createElement("div");
            probe.style.backgroundColor = "Canvas";
            document.body.appendChild(probe);
            var canvas = getComputedStyle(probe).backgroundColor;
            probe.remove();
            var stored = null;
            try { stored = localStorage.getItem(arguments[0]); } catch (e) {}
            return { body: body, html: html, canvas: canvas,
              dataTheme: document.documentElement.dataset.theme || null, stored: stored };
        """, THEME_KEY)
        painted = [c for c in (state["body"], state["html"], state["canvas"]) if opaque(c)]
        colour = painted[0] if painted else state["canvas"]
        dark = is_dark(colour)
        return {
            "background": colour, "dark": dark, "dataTheme": state["dataTheme"],
            "stored": state["stored"], "applied": dark == (theme == "dark"),
        }

    def console(self):
        """The console's errors and warnings since the last call, as {level, message}."""
        return [
            {"level": entry.get("level", ""), "message": entry.get("message", "")}
            for entry in self.driver.get_log("browser")
            if entry.get("level") in ("SEVERE", "WARNING")
        ]

    def full_page_png(self, width):
        """A PNG of the whole page laid out `width` CSS pixels wide, and its height."""
        metrics = {"width": width, "height": WINDOW[1], "deviceScaleFactor": 1, "mobile": False}
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        try:
            self.settle()
            height = int(self.driver.execute_script(
                "return Math.ceil(Math.max(document.documentElement.scrollHeight,"
                " document.body ? document.body.scrollHeight : 0))"))
            height = max(1, min(height, 16384))
            self.driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride", dict(metrics, height=height))
            self.settle()
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        return base64.b64decode(shot["data"]), height


def opaque(colour):
    """Whether a computed CSS colour is not fully transparent."""
    channels = re.findall(r"[\d.]+", colour)
    return len(channels) >= 3 and (len(channels) < 4 or float(channels[3]) > 0)


def is_dark(colour):
    """Whether a computed `rgb(...)` colour is dark: relative luminance below 0.2."""
    channels = [float(c) / 255 for c in re.findall(r"[\d.]+", colour)[:3]]
    if len(channels) < 3:
        return False
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] < 0.2


def one_line(error):
    """An exception's message on one line, without the driver's stack trace."""
    text = getattr(error, "msg", None) or str(error)
    return " ".join(text.split("Stacktrace:")[0].split())[:300]
