(function () {
  "use strict";
  var tree = document.getElementById("tree");
  var trail = document.getElementById("trail");
  if (!tree || !trail) { return; }
  var start = tree.getAttribute("data-start");
  var steps = Array.prototype.slice.call(tree.querySelectorAll(".tree-step"));
  tree.classList.add("enhanced");

  function step(id) {
    var element = document.getElementById(id);
    return element && element.classList.contains("tree-step") ? element : null;
  }
  function follow(from, answer) {
    var section = step(from);
    if (!section) { return null; }
    var links = section.querySelectorAll("a.answer");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-answer") === answer) {
        return { from: from, answer: answer, label: links[i].textContent,
          question: section.querySelector("h2").textContent, to: links[i].getAttribute("href").slice(1) };
      }
    }
    return null;
  }

  // The state: the answers taken from the start, or a section reached directly.
  function read() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var path = [], shown = start;
    if (hash.indexOf("path=") === 0) {
      var answers = hash.slice(5).split("/").filter(function (a) { return a !== ""; });
      for (var i = 0; i < answers.length; i++) {
        var taken = follow(shown, answers[i]);
        if (!taken || !step(taken.to)) { break; }
        path.push(taken);
        shown = taken.to;
      }
    } else if (hash && step(hash)) {
      shown = hash;
    }
    return { path: path, shown: shown };
  }

  function hashOf(path) {
    return "#path=" + path.map(function (taken) { return encodeURIComponent(taken.answer); }).join("/");
  }

  function render(moveFocus) {
    var state = read();
    steps.forEach(function (section) { section.classList.toggle("current", section.id === state.shown); });
    trail.textContent = "";
    if (state.path.length > 0 || state.shown !== start) {
      var list = document.createElement("ol");
      state.path.forEach(function (taken) {
        var item = document.createElement("li");
        item.textContent = taken.question + " ";
        var answer = document.createElement("strong");
        answer.textContent = taken.label;
        item.appendChild(answer);
        list.appendChild(item);
      });
      trail.appendChild(list);
      var back = document.createElement("a");
      back.className = "back";
      back.href = state.path.length > 0 ? hashOf(state.path.slice(0, -1)) : "#" + start;
      back.textContent = "Back";
      var again = document.createElement("a");
      again.href = "#" + start;
      again.textContent = "Start again";
      trail.appendChild(back);
      trail.appendChild(document.createTextNode(" · "));
      trail.appendChild(again);
      trail.hidden = false;
    } else {
      trail.hidden = true;
    }
    var heading = step(state.shown) && step(state.shown).querySelector("h2");
    if (moveFocus && heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
  }

  tree.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.answer") : null;
    if (!link) { return; }
    var state = read();
    var section = link.closest(".tree-step");
    if (!section || section.id !== state.shown) { return; }
    var taken = follow(section.id, link.getAttribute("data-answer"));
    if (!taken) { return; }
    event.preventDefault();
    // A section reached directly has no path from the start; its answers continue from it.
    window.location.hash = state.path.length > 0 || state.shown === start
      ? hashOf(state.path.concat([taken])) : "#" + taken.to;
  });
  window.addEventListener("hashchange", function () { render(true); });
  render(false);
})();
