// The back office signs a person out after a time without a request. A little before, it
// says so and offers to stay; typing (a note during a long call) keeps the session going,
// as the person is plainly there. Without JavaScript, what is sent after the end is kept on
// the server (core/typed_work.py).
(function () {
  "use strict";
  var dialog = document.getElementById("staff-still-here");
  var token = document.querySelector("input[name=csrf_token]");
  if (!dialog || !token || typeof dialog.showModal !== "function" || !window.fetch) {
    return;
  }
  var idleSeconds = Number(dialog.getAttribute("data-signed-out-after"));
  var warnSeconds = Number(dialog.getAttribute("data-warn-before"));
  var keepUrl = dialog.getAttribute("data-keep-url");
  var KEEP_AT_MOST_EVERY = 60 * 1000;
  var warnTimer = null;
  var lastKept = Date.now();

  function countFromNow() {
    lastKept = Date.now();
    window.clearTimeout(warnTimer);
    warnTimer = window.setTimeout(function () {
      dialog.showModal();
    }, Math.max(idleSeconds - warnSeconds, 0) * 1000);
  }

  function keepSignedIn() {
    countFromNow();
    return window.fetch(keepUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token.value }
    });
  }

  dialog.querySelector("[data-stay]").addEventListener("click", function () {
    keepSignedIn();
    dialog.close();
  });
  dialog.addEventListener("cancel", keepSignedIn);  // Escape: the person is there
  document.addEventListener("input", function () {
    if (Date.now() - lastKept > KEEP_AT_MOST_EVERY) {
      keepSignedIn();
    }
  });
  countFromNow();
})();
