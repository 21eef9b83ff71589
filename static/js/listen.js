// Read-aloud (see app/speech and templates/components/listen.html).
//
// Every page works without this file: each passage is then a plain audio player. With it,
// each player becomes a compact speaker button; the "Listen" button under the header reads
// the page block by block from its heading down; the block being read is marked, and the
// word being said is highlighted when word timings are known. Nothing plays by itself.
(function () {
  "use strict";

  // Before the first paint (this file is not deferred): lay the controls out as buttons.
  document.documentElement.classList.add("listen-js");

  // The same rules as app/speech/blocks.py, so that the words found here are the words the
  // server timed. Keep the two in step.
  var BLOCK_TAGS = words("address blockquote caption dd div dt figcaption h1 h2 h3 h4 h5 h6 " +
    "label legend li p pre summary td th");
  var SKIP_TAGS = words("audio button canvas iframe input noscript object option script " +
    "select style svg template textarea video");
  var canHighlightWords = Boolean(window.CSS && CSS.highlights && window.Highlight);

  var audio = new Audio();
  var speed = "normal";
  var problemText = "";
  var busyText = "";
  var allowanceAddress = null;
  var playing = null; // {items, index, button, control, timings, ranges}

  function words(list) {
    var set = {};
    list.split(" ").forEach(function (word) { set[word] = true; });
    return set;
  }

  // Words of an element, as DOM ranges -------------------------------------------------

  function skipped(element) {
    return SKIP_TAGS[element.localName] || element.hasAttribute("hidden") ||
      element.getAttribute("aria-hidden") === "true" || element.hasAttribute("data-listen-skip");
  }

  function chunksOf(element) {
    var chunks = [];
    var current = [];
    function endChunk() {
      if (current.length) { chunks.push(current); }
      current = [];
    }
    function walk(parent) {
      for (var child = parent.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          current.push(child);
        } else if (child.nodeType === Node.ELEMENT_NODE && !skipped(child)) {
          var pause = child.localName === "br" || BLOCK_TAGS[child.localName] ||
            child.hasAttribute("data-listen-chunk");
          if (pause) { endChunk(); }
          walk(child);
          if (pause) { endChunk(); }
        }
      }
    }
    walk(element);
    endChunk();
    return chunks;
  }

  function wordRanges(element) {
    var ranges = [];
    chunksOf(element).forEach(function (nodes) {
      var text = "";
      var starts = nodes.map(function (node) {
        var start = text.length;
        text += node.data;
        return start;
      });
      var pattern = /\S+/g;
      var match;
      while ((match = pattern.exec(text))) {
        var range = document.createRange();
        var from = locate(nodes, starts, match.index);
        var to = locate(nodes, starts, match.index + match[0].length);
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        ranges.push(range);
      }
    });
    return ranges;
  }

  function locate(nodes, starts, position) {
    var index = nodes.length - 1;
    while (index > 0 && starts[index] > position) { index -= 1; }
    return { node: nodes[index], offset: Math.min(position - starts[index], nodes[index].data.length) };
  }

  function blockOf(node, within) {
    var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    while (element && element !== within && !BLOCK_TAGS[element.localName]) {
      element = element.parentElement;
    }
    return element || within;
  }

  // Marking what is read -------------------------------------------------------------

  var marked = null;

  function mark(element) {
    if (marked === element) { return; }
    if (marked) { marked.classList.remove("listen-reading"); }
    marked = element;
    if (element) { element.classList.add("listen-reading"); }
  }

  function highlightWord(range) {
    if (!canHighlightWords) { return; }
    if (range) {
      CSS.highlights.set("listen-word", new Highlight(range));
    } else {
      CSS.highlights.delete("listen-word");
    }
  }

  function follow() {
    if (!playing || audio.paused) { return; }
    var item = playing.items[playing.index];
    var times = playing.timings && playing.timings.words;
    var ranges = playing.ranges;
    if (times && ranges && times.length === ranges.length && ranges.length) {
      var now = audio.currentTime * 1000;
      var word = 0;
      while (word + 1 < times.length && times[word + 1] <= now) { word += 1; }
      highlightWord(ranges[word]);
      mark(blockOf(ranges[word].startContainer, item.element));
    }
    window.requestAnimationFrame(follow);
  }

  // Playing ----------------------------------------------------------------------------

  function play(items, button, control) {
    stop();
    playing = { items: items, index: 0, button: button, control: control };
    button.setAttribute("aria-pressed", "true");
    showProblem(control, "");
    playItem();
  }

  function playItem() {
    var item = playing.items[playing.index];
    var address = item.sources[speed];
    playing.timings = null;
    playing.ranges = item.element ? wordRanges(item.element) : null;
    mark(item.element);
    highlightWord(null);
    if (item.element && playing.items.length > 1) {
      item.element.scrollIntoView({ block: "nearest" });
    }
    audio.src = address;
    var started = audio.play();
    if (started && started.catch) {
      started.catch(function (error) {
        if (error && error.name !== "AbortError") { failed(); }
      });
    }
    loadTimings(address, playing);
    window.requestAnimationFrame(follow);
  }

  function loadTimings(address, forPlaying) {
    if (!/\.mp3$/.test(address) || /\/page\.mp3$/.test(address)) { return; }
    fetch(address.replace(/\.mp3$/, ".json"), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (timings) {
        if (playing === forPlaying) { playing.timings = timings; }
      })
      .catch(function () { /* no timings: the block is still marked */ });
  }

  function stop() {
    if (!playing) { return; }
    playing.button.setAttribute("aria-pressed", "false");
    playing = null;
    audio.pause();
    audio.removeAttribute("src");
    audio.load();
    mark(null);
    highlightWord(null);
  }

  function failed() {
    if (!playing) { return; }
    var control = playing.control;
    stop();
    showProblem(control, problemText);
    // Past this visitor's budget of speech the sound only waits: say so, kindly.
    if (!allowanceAddress) { return; }
    fetch(allowanceAddress, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer && answer.busy) { showProblem(control, busyText); } })
      .catch(function () { /* the plain message stays */ });
  }

  function showProblem(control, text) {
    var problem = control && control.querySelector(".listen__problem");
    if (problem) { problem.textContent = text; }
  }

  audio.addEventListener("ended", function () {
    if (!playing) { return; }
    if (playing.index + 1 < playing.items.length) {
      playing.index += 1;
      playItem();
    } else {
      stop();
    }
  });
  audio.addEventListener("error", function () {
    if (playing && audio.getAttribute("src")) { failed(); }
  });

  // Setting up the controls ------------------------------------------------------------

  function sourcesOf(element) {
    return { normal: element.getAttribute("data-listen-normal"), slow: element.getAttribute("data-listen-slow") };
  }

  function pageItems() {
    var blocks = document.querySelectorAll("main [data-listen-normal]:not([data-listen])");
    return Array.prototype.map.call(blocks, function (block) {
      return { sources: sourcesOf(block), element: block };
    });
  }

  function setUp(control) {
    var player = control.querySelector(".listen__audio");
    var button = control.querySelector(".listen__button");
    if (!player || !button) { return; }
    player.remove(); // one player for the whole page, in this file
    var link = control.querySelector(".listen__link"); // the page's "Listen" without JavaScript
    if (link) { link.remove(); }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (playing && playing.button === button) {
        stop();
        return;
      }
      var items = control.hasAttribute("data-listen-page") ? pageItems() : [{
        sources: sourcesOf(control),
        element: document.getElementById(control.getAttribute("data-listen-target"))
      }];
      if (items.length) { play(items, button, control); }
    });
  }

  function setUpSpeed(link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      fetch(link.href, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          chooseSpeed(link.getAttribute("data-listen-speed"));
        })
        .catch(function () { window.location.href = link.href; });
    });
  }

  function chooseSpeed(chosen) {
    speed = chosen;
    document.querySelectorAll("[data-listen-speed]").forEach(function (link) {
      if (link.getAttribute("data-listen-speed") === chosen) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
    if (playing) {
      var again = playing;
      stop();
      play(again.items.slice(again.index), again.button, again.control);
    }
  }

  function start() {
    var bar = document.querySelector("[data-listen-bar]");
    if (!bar) { return; }
    problemText = bar.getAttribute("data-problem") || "";
    busyText = bar.getAttribute("data-busy") || problemText;
    allowanceAddress = bar.getAttribute("data-allowance");
    var current = document.querySelector("[data-listen-speed][aria-current]");
    speed = current ? current.getAttribute("data-listen-speed") : "normal";
    document.querySelectorAll("[data-listen]").forEach(setUp);
    document.querySelectorAll("[data-listen-speed]").forEach(setUpSpeed);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && playing) { stop(); }
    });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
