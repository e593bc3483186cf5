/// The style sheet and the scripts, written into `assets/`.
enum Assets {
  /// On every page: copy buttons, and every FAQ answer opened for printing.
  static let siteJS = #"""
    (function () {
      "use strict";
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
      // Copy buttons for the body's code blocks, beside the ones the page has.
      var blocks = document.querySelectorAll(".body pre > code");
      Array.prototype.forEach.call(blocks, function (code, index) {
        if (!code.id) { code.id = "code-block-" + (index + 1); }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "copy";
        button.setAttribute("data-copy", code.id);
        button.hidden = true;
        button.textContent = "Copy";
        code.parentNode.classList.add("has-copy");
        code.parentNode.parentNode.insertBefore(button, code.parentNode.nextSibling);
      });
      Array.prototype.forEach.call(document.querySelectorAll("button.copy[data-copy]"), function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          var target = document.getElementById(button.getAttribute("data-copy"));
          if (target) { copy(target.textContent, button); }
        });
      });
      window.addEventListener("beforeprint", function () {
        Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) { details.open = true; });
      });
    })();

    """#
}
