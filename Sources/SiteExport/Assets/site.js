// On every page: the theme switch, the header's search as you type, the table of contents,
// copy buttons, the index's tag filter, and everything opened for printing.
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";
  var each = function (selector, action) { Array.prototype.forEach.call(document.querySelectorAll(selector), action); };

  // --- The theme: the reader's choice, remembered; else the system's.
  var toggle = document.querySelector(".theme-toggle");
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function currentTheme() {
    var chosen = document.documentElement.getAttribute("data-theme");
    if (chosen === "light" || chosen === "dark") { return chosen; }
    return system && system.matches ? "dark" : "light";
  }
  function showTheme() {
    if (!toggle) { return; }
    var dark = currentTheme() === "dark";
    toggle.setAttribute("aria-pressed", dark ? "true" : "false");
    toggle.textContent = "Dark theme";
    toggle.title = dark ? "Switch to the light theme" : "Switch to the dark theme";
  }
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      try { window.localStorage.setItem("rmq-doctor-theme", next); } catch (ignored) { /* not remembered */ }
      showTheme();
    });
    if (system && system.addEventListener) { system.addEventListener("change", showTheme); }
    showTheme();
  }

  // --- Copy buttons, for the body's code blocks beside the ones the page has.
  function copy(text, button) {
    function done() {
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = "Copy"; }, 1500);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { button.textContent = "Select and copy"; });
    } else {
      button.textContent = "Select and copy";
    }
  }
  each(".guide-section pre > code, .tree-step pre > code", function (code, index) {
    if (code.parentNode.parentNode.classList.contains("code-block")) { return; }
    if (!code.id) { code.id = "code-block-" + (index + 1); }
    var wrapper = document.createElement("div");
    wrapper.className = "code-block";
    code.parentNode.parentNode.insertBefore(wrapper, code.parentNode);
    wrapper.appendChild(code.parentNode);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.setAttribute("data-copy", code.id);
    button.hidden = true;
    button.textContent = "Copy";
    wrapper.appendChild(button);
  });
  each("button.copy[data-copy]", function (button) {
    button.hidden = false;
    button.setAttribute("aria-label", "Copy " + (button.closest(".code-line") ? "the message" : "the command"));
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-copy"));
      if (target) { copy(target.textContent, button); }
    });
  });

  // --- The table of contents: folded on narrow screens, always open on wide ones.
  var toc = document.querySelector(".toc details");
  if (toc && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 80rem)");
    if (!wide.matches) { toc.open = false; }
    toc.querySelector("summary").addEventListener("click", function (event) {
      if (wide.matches && toc.open) { event.preventDefault(); }
    });
    var follow = function () { if (wide.matches) { toc.open = true; } };
    if (wide.addEventListener) { wide.addEventListener("change", follow); }
    toc.addEventListener("click", function (event) {
      if (!wide.matches && event.target.closest && event.target.closest("a")) { toc.open = false; }
    });
  }

  // --- The index: tags filter the guides in place; the tag pages stay for links.
  var filter = document.getElementById("tag-filter");
  if (filter) {
    var status = document.getElementById("filter-status");
    var chosen = null;
    var apply = function () {
      var shown = 0;
      each(".family-group", function (group) {
        var visible = 0;
        Array.prototype.forEach.call(group.querySelectorAll(".guide-item"), function (item) {
          var tags = (item.getAttribute("data-tags") || "").split(" ");
          var keep = chosen === null || tags.indexOf(chosen) >= 0;
          item.hidden = !keep;
          if (keep) { visible += 1; }
        });
        group.hidden = visible === 0;
        shown += visible;
      });
      each(".tag-links .tag", function (tag) {
        tag.setAttribute("aria-pressed", tag.getAttribute("data-tag") === chosen ? "true" : "false");
      });
      status.textContent = chosen === null ? "" : shown + (shown === 1 ? " guide" : " guides") + " tagged " + chosen + ".";
    };
    each(".tag-links .tag", function (tag) {
      tag.setAttribute("role", "button");
      tag.setAttribute("aria-pressed", "false");
      var choose = function (event) {
        event.preventDefault();
        var name = tag.getAttribute("data-tag");
        chosen = chosen === name ? null : name;
        apply();
      };
      tag.addEventListener("click", choose);
      tag.addEventListener("keydown", function (event) { if (event.key === " ") { choose(event); } });
    });
  }

  // --- The header's search: results as you type or paste, `/` to focus, arrows to choose.
  var form = document.querySelector(".header-search");
  var box = document.getElementById("header-q");
  var panel = document.getElementById("header-results");
  if (form && box && panel) {
    var loading = null, timer = null;
    var load = function (done) {
      if (window.RMQSearch) { done(); return; }
      if (loading) { loading.push(done); return; }
      loading = [done];
      var add = function (name, next) {
        var script = document.createElement("script");
        script.src = root + "assets/" + name;
        script.onload = next;
        script.onerror = function () { loading = null; };
        document.body.appendChild(script);
      };
      add("search-data.js", function () {
        add("search.js", function () {
          var waiting = loading || [];
          loading = null;
          waiting.forEach(function (callback) { callback(); });
        });
      });
    };
    var close = function () { panel.hidden = true; };
    var links = function () { return Array.prototype.slice.call(panel.querySelectorAll("a")); };
    var render = function () {
      var text = box.value;
      if (text.trim() === "") { close(); return; }
      load(function () {
        if (box.value !== text) { return; }
        panel.textContent = "";
        var outcome = window.RMQSearch.search(text, 5);
        var said = document.createElement("p");
        said.className = "status";
        said.setAttribute("role", "status");
        said.textContent = window.RMQSearch.statusText(outcome);
        panel.appendChild(said);
        if (outcome.results.length > 0) {
          panel.appendChild(window.RMQSearch.resultList(outcome, root));
        }
        var more = document.createElement("p");
        more.className = "more";
        var all = document.createElement("a");
        all.href = root + "search.html?q=" + encodeURIComponent(text);
        all.textContent = "Open on the search page";
        more.appendChild(all);
        panel.appendChild(more);
        panel.setAttribute("data-for", text);
        panel.hidden = false;
      });
    };
    box.setAttribute("aria-controls", "header-results");
    box.addEventListener("focus", function () { load(function () {}); });
    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(render, 150);
    });
    // A pasted traceback keeps its lines on the search page; a one-line box would join them.
    box.addEventListener("paste", function (event) {
      var text = event.clipboardData ? event.clipboardData.getData("text") : "";
      if (/[\r\n]/.test(text.trim())) {
        event.preventDefault();
        window.location.href = root + "search.html?q=" + encodeURIComponent(text);
      }
    });
    form.addEventListener("keydown", function (event) {
      var list = links();
      var at = list.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && panel.hidden && box.value.trim() !== "") {
        event.preventDefault();
        render();
      } else if (event.key === "ArrowDown" && list.length > 0) {
        event.preventDefault();
        list[at < 0 ? 0 : Math.min(at + 1, list.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        if (at === 0) { box.focus(); } else { list[at - 1].focus(); }
      } else if (event.key === "Escape") {
        close();
        box.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) { close(); }
    });
    // Tab out of the box or the results closes them.
    form.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !form.contains(event.relatedTarget)) { close(); }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        box.focus();
        box.select();
      }
    });
  }

  // --- Printing: every FAQ answer and folded part open.
  window.addEventListener("beforeprint", function () {
    each("details", function (details) { details.open = true; });
  });
})();
