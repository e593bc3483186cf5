// The error search of rmq-doctor, ported from Sources/ErrorSearch. Keep the two in step.
(function () {
  "use strict";
  var data = window.RMQ_SEARCH_DATA;
  if (!data) { return; }

  function compile(rules) {
    return rules.map(function (rule) {
      return { re: new RegExp(rule.pattern, rule.caseInsensitive ? "gi" : "g"), to: rule.replacement };
    });
  }
  var unescaping = compile(data.unescaping);
  var splitting = compile(data.identifierSplitting);
  var noise = compile(data.noise);
  var stopwords = new Set(data.stopwords);
  var numbers = new Map();
  data.words.forEach(function (word, number) { numbers.set(word, number); });
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter("en", { granularity: "grapheme" }) : null;

  // Characters as Swift counts them: grapheme clusters.
  function graphemes(text) {
    if (!segmenter) { return Array.from(text); }
    var out = [];
    for (var part of segmenter.segment(text)) { out.push(part.segment); }
    return out;
  }
  function utf8Length(text) { return new TextEncoder().encode(text).length; }

  function clipped(text) {
    var max = data.maximumLength, half = max / 2;
    if (utf8Length(text) <= max) { return text; }
    var all = graphemes(text);
    if (all.length <= max) { return text; }
    return all.slice(0, half).join("") + "\n" + all.slice(all.length - half).join("");
  }
  function apply(rules, text) {
    rules.forEach(function (rule) { text = text.replace(rule.re, rule.to); });
    return text;
  }
  function tokensOfNormalized(text) {
    return text.match(/[\p{Alphabetic}0-9]+/gu) || [];
  }
  function normalize(text) {
    text = clipped(text);
    text = apply(unescaping, text);
    text = apply(splitting, text);
    text = text.toLowerCase();
    text = apply(noise, text);
    return tokensOfNormalized(text).join(" ");
  }
  // PasteLevels: a paste's routine lines (info and below) apart from the others.
  var lineBreak = new RegExp(data.lineBreak, "g");
  var markers = data.levelMarkers.map(function (marker) {
    return new RegExp(marker.pattern, marker.caseInsensitive ? "i" : "");
  });
  var quietLevels = new Set(data.quietLevels);
  function firstLevel(line) {
    var best = null;
    markers.forEach(function (marker) {
      var found = marker.exec(line);
      if (found && (best === null || found.index < best.index)) { best = { index: found.index, level: found[1] }; }
    });
    return best === null ? null : best.level;
  }
  function splitLevels(text) {
    if (!/[\n\r\\]/.test(text)) { return { loud: text, quiet: "" }; }
    var loud = [], quiet = [], loudHasWords = false;
    text.split(lineBreak).forEach(function (line) {
      var level = firstLevel(line);
      if (level !== null && quietLevels.has(level.toLowerCase())) { quiet.push(line); } else {
        loud.push(line);
        if (!loudHasWords) { loudHasWords = /[\p{L}\p{N}]/u.test(line); }
      }
    });
    if (!loudHasWords || quiet.length === 0) { return { loud: text, quiet: "" }; }
    return { loud: loud.join("\n"), quiet: quiet.join("\n") };
  }

  function keeps(word) { return graphemes(word).length > 1 && !stopwords.has(word); }

  // Postings, built in the order Swift builds them.
  var documents = data.documents, signatures = data.signatures;
  var textPostings = data.words.map(function () { return []; });
  var termSets = documents.map(function (document, index) {
    var set = new Set();
    document.terms.forEach(function (pair) {
      textPostings[pair[0]].push({ document: index, count: pair[1] });
      set.add(pair[0]);
    });
    return set;
  });
  var signaturePostings = data.words.map(function () { return []; });
  signatures.forEach(function (signature, index) {
    new Set(signature.words).forEach(function (word) { signaturePostings[word].push(index); });
  });
  var weights = data.signatureWeights, idf = data.idf;

  // The longest common run, and where it ends in each sequence; of several as long, the first.
  function longestRun(words, query) {
    var best = { length: 0, signatureEnd: 0, queryEnd: 0 };
    if (words.length === 0 || query.length === 0) { return best; }
    var previous = new Array(query.length + 1).fill(0);
    var current = new Array(query.length + 1).fill(0);
    for (var i = 0; i < words.length; i++) {
      current[0] = 0;
      for (var j = 0; j < query.length; j++) {
        current[j + 1] = query[j] === words[i] ? previous[j] + 1 : 0;
        if (current[j + 1] > best.length) { best = { length: current[j + 1], signatureEnd: i + 1, queryEnd: j + 1 }; }
      }
      var swap = previous; previous = current; current = swap;
    }
    return best;
  }

  // The query goes on differently where the message's distinctive rest is missing.
  function endsDifferently(signature, run, query, present) {
    var words = signature.words;
    if (run.length === 0 || run.signatureEnd >= words.length || run.queryEnd >= query.length) { return false; }
    var missing = new Set();
    for (var i = run.signatureEnd; i < words.length; i++) {
      if (weights[words[i]] > 0 && !present.has(words[i])) { missing.add(words[i]); }
    }
    if (missing.size === 0) { return false; }
    var heaviest = 0;
    words.forEach(function (word) { if (weights[word] > heaviest) { heaviest = weights[word]; } });
    var sorted = Array.from(missing).sort(function (a, b) { return a - b; });
    var missingWeight = 0, holdsHeaviest = false;
    sorted.forEach(function (word) {
      missingWeight += weights[word];
      if (weights[word] >= heaviest) { holdsHeaviest = true; }
    });
    return missingWeight >= 0.2 * signature.totalWeight || holdsHeaviest;
  }

  function bestMatches(query, distinct) {
    var matched = new Float64Array(signatures.length);
    var touched = [];
    distinct.forEach(function (word) {
      if (word < 0 || word >= signaturePostings.length || !(weights[word] > 0)) { return; }
      signaturePostings[word].forEach(function (signature) {
        if (matched[signature] === 0) { touched.push(signature); }
        matched[signature] += weights[word];
      });
    });
    touched.sort(function (a, b) { return a - b; });
    function coverage(signature) {
      var total = signatures[signature].totalWeight;
      return total > 0 ? matched[signature] / total : 0;
    }
    var present = new Set(distinct);
    function match(signature) {
      var words = signatures[signature].words;
      var run = longestRun(words, query);
      return {
        signature: signature, score: coverage(signature) * (0.6 + 0.4 * (run.length / words.length)),
        matchedWeight: matched[signature], differentTail: endsDifferently(signatures[signature], run, query, present)
      };
    }
    var first = new Array(documents.length).fill(-1);
    touched.forEach(function (signature) {
      var document = signatures[signature].document;
      if (first[document] < 0 || coverage(signature) > coverage(first[document])) { first[document] = signature; }
    });
    var best = new Array(documents.length).fill(null);
    first.forEach(function (signature) { if (signature >= 0) { best[signatures[signature].document] = match(signature); } });
    touched.forEach(function (signature) {
      var document = signatures[signature].document;
      var current = best[document];
      if (signature === first[document] || !current || !(coverage(signature) > current.score)) { return; }
      var candidate = match(signature);
      if (candidate.score > current.score) { best[document] = candidate; }
    });
    return best;
  }

  function textScores(distinct) {
    var scores = new Array(documents.length).fill(0);
    var k1 = data.k1, b = data.b, average = data.averageLength;
    distinct.forEach(function (term) {
      if (term < 0 || term >= textPostings.length) { return; }
      var list = textPostings[term];
      if (list.length === 0) { return; }
      var weight = idf[term];
      list.forEach(function (posting) {
        var norm = posting.count + k1 * (1 - b + b * documents[posting.document].length / average);
        scores[posting.document] += weight * posting.count * (k1 + 1) / norm;
      });
    });
    return scores;
  }

  function rounded(value) { return Math.round(value * 1000) / 1000; }

  function reason(match, words, document) {
    if (match && match.score >= 0.5) {
      return "matches the message \"" + signatures[match.signature].text + "\"";
    }
    var seen = new Set(), shared = [];
    words.forEach(function (word) {
      var number = numbers.has(word) ? numbers.get(word) : -1;
      if (number >= 0 && termSets[document].has(number) && !seen.has(word)) { seen.add(word); shared.push(word); }
    });
    return shared.length === 0 ? "no shared words" : "shares the words: " + shared.slice(0, 6).join(", ");
  }

  /// The same answer as `rmq-doctor search --json`: {query, confident, results}.
  function search(text, limit) {
    limit = limit || 5;
    var p = data.parameters;
    var normalized = normalize(text);
    var words = normalized.split(" ").filter(function (word) { return word.length > 0 && keeps(word); });
    if (words.length === 0) { return { query: normalized, confident: false, results: [] }; }
    var quietWords = [];
    var levels = splitLevels(text);
    if (levels.quiet !== "") {
      var loudWords = normalize(levels.loud).split(" ").filter(function (word) { return word.length > 0 && keeps(word); });
      if (loudWords.length > 0) {
        words = loudWords;
        quietWords = normalize(levels.quiet).split(" ").filter(function (word) { return word.length > 0 && keeps(word); });
      }
    }
    var number = function (word) { return numbers.has(word) ? numbers.get(word) : -1; };
    var query = words.map(number);
    var distinct = Array.from(new Set(query)).sort(function (a, b) { return a - b; });
    var matches = bestMatches(query, distinct);
    var text = textScores(distinct);
    var loudSet = new Set(distinct);
    var quietOnly = Array.from(new Set(quietWords.map(number))).filter(function (word) { return !loudSet.has(word); })
      .sort(function (a, b) { return a - b; });
    if (quietOnly.length > 0) {
      var quietText = textScores(quietOnly);
      for (var t = 0; t < text.length; t++) { text[t] += p.quietWeight * quietText[t]; }
    }
    var bestText = text.length ? Math.max.apply(null, text) : 0;
    var ranked = [];
    for (var index = 0; index < documents.length; index++) {
      var signatureScore = rounded(matches[index] ? matches[index].score : 0);
      var relativeText = rounded(bestText > 0 ? text[index] / bestText : 0);
      if (!(signatureScore > 0 || relativeText > 0)) { continue; }
      var score = rounded((matches[index] ? matches[index].score : 0) + p.textWeight * (bestText > 0 ? text[index] / bestText : 0));
      ranked.push({ score: score, signature: signatureScore, text: relativeText, document: index });
    }
    ranked.sort(function (a, b) {
      if (a.score !== b.score) { return a.score > b.score ? -1 : 1; }
      return documents[a.document].idRank - documents[b.document].idRank;
    });
    // A follow-on guide never outranks a guide whose own message matches well enough to be
    // confident: that message is the first error, quoted by the follow-on text.
    var strong = function (entry) {
      var match = matches[entry.document];
      return !documents[entry.document].followOn && !!match
        && match.score >= p.confidentScore && match.matchedWeight >= p.confidentWeight;
    };
    if (ranked.length > 0 && documents[ranked[0].document].followOn) {
      var first = ranked.findIndex(strong);
      if (first > 0) { ranked.unshift(ranked.splice(first, 1)[0]); }
    }
    // The runner-up's score as the margin sees it: only its full-text share when its message
    // is nested in the best's and the best matched half as much weight again.
    var present = new Set(distinct);
    var marginScore = function (runner, outer) {
      var inner = matches[runner.document];
      if (!inner || !(outer.matchedWeight >= 1.5 * inner.matchedWeight)) { return runner.score; }
      var outerWords = new Set(signatures[outer.signature].words);
      var nested = signatures[inner.signature].words.every(function (word) {
        return !(weights[word] > 0 && present.has(word)) || outerWords.has(word);
      });
      return nested ? rounded(p.textWeight * runner.text) : runner.score;
    };
    var confident = false;
    if (ranked.length > 0 && matches[ranked[0].document]) {
      var m = matches[ranked[0].document];
      // The runner-up of a guide that is not a follow-on one is the next such guide.
      var topFollowsOn = documents[ranked[0].document].followOn;
      var rest = ranked.slice(1).filter(function (entry) { return topFollowsOn || !documents[entry.document].followOn; });
      var runnerUp = rest.length > 0 ? marginScore(rest[0], m) : 0;
      confident = m.score >= p.confidentScore && m.matchedWeight >= p.confidentWeight && !m.differentTail
        && ranked[0].score - runnerUp >= p.confidentMargin;
    }
    // Only guides that match a message half way, or share more than common words, are listed.
    var rarest = new Array(documents.length).fill(0);
    distinct.forEach(function (term) {
      if (term < 0 || term >= textPostings.length) { return; }
      textPostings[term].forEach(function (posting) {
        rarest[posting.document] = Math.max(rarest[posting.document], idf[term]);
      });
    });
    var listed = ranked.filter(function (entry) {
      var match = matches[entry.document];
      return (match ? match.score : 0) >= 0.5 || rarest[entry.document] >= p.closestWordWeight;
    });
    return {
      query: normalized, confident: confident,
      results: listed.slice(0, limit).map(function (entry) {
        var document = documents[entry.document];
        return {
          id: document.id, title: document.title, score: entry.score,
          reason: reason(matches[entry.document], words, entry.document)
        };
      })
    };
  }

  // What the page says of an outcome, as the command line says it.
  function statusText(outcome) {
    if (outcome.results.length === 0) {
      return "No guide shares more than common words with this error. Browse the error strings instead.";
    }
    return outcome.confident ? "This guide explains the error:"
      : "No guide explains this error with confidence. The closest guides:";
  }

  // The results as a list: each guide, why it matched, and its troubleshooter.
  function resultList(outcome, root) {
    var list = document.createElement("ol");
    list.className = "results";
    outcome.results.forEach(function (result, index) {
      var item = document.createElement("li");
      item.className = "result" + (index === 0 && outcome.confident ? " confident" : "");
      item.setAttribute("data-id", result.id);
      var link = document.createElement("a");
      link.href = root + "guides/" + encodeURIComponent(result.id) + ".html";
      link.textContent = result.title;
      var why = document.createElement("p");
      why.className = "reason";
      why.textContent = result.reason;
      var start = document.createElement("a");
      start.className = "troubleshoot-link";
      start.href = root + "troubleshoot/" + encodeURIComponent(result.id) + ".html";
      start.textContent = "Troubleshoot this";
      start.setAttribute("aria-label", "Troubleshoot this: " + result.title);
      item.appendChild(link);
      item.appendChild(why);
      item.appendChild(start);
      list.appendChild(item);
    });
    return list;
  }

  window.RMQSearch = { search: search, normalize: normalize, statusText: statusText, resultList: resultList };

  // The search page: run ?q= on load, then again as the reader types or pastes.
  var form = document.getElementById("search-form");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  if (!form || !list || !status) { return; }
  var box = document.getElementById("q");

  function show(text) {
    list.textContent = "";
    if (text.trim() === "") {
      status.textContent = "";
      list.setAttribute("data-state", "idle");
      return;
    }
    var outcome = search(text, 5);
    list.setAttribute("data-confident", outcome.confident ? "true" : "false");
    list.setAttribute("data-query", outcome.query);
    status.textContent = statusText(outcome);
    Array.prototype.slice.call(resultList(outcome, "").childNodes).forEach(function (item) { list.appendChild(item); });
    list.setAttribute("data-state", "done");
  }
  function remember(text) {
    var url = new URL(window.location.href);
    url.search = text.trim() === "" ? "" : "?q=" + encodeURIComponent(text);
    try { window.history.replaceState(null, "", url.href); } catch (ignored) { /* file:// may refuse */ }
  }

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial !== null && initial.trim() !== "") {
    box.value = initial;
    show(initial);
  }
  var timer = null;
  box.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { remember(box.value); show(box.value); }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    remember(box.value);
    show(box.value);
  });
})();
