// A shared device: after a long pause, ask "Are you still there?"; with no answer, keep what
// was typed in the draft and clear the device for the next person. Only on devices that
// staff have marked as shared (the server then puts the times on <body>).
(function () {
  "use strict";
  var body = document.body;
  var idleSeconds = Number(body.getAttribute("data-idle-seconds"));
  var graceSeconds = Number(body.getAttribute("data-idle-grace-seconds"));
  var dialog = document.getElementById("still-here");
  var finish = document.querySelector("[data-finish-device]");
  if (!idleSeconds || !dialog || !finish || typeof dialog.showModal !== "function") {
    return;
  }
  var idleTimer = null;
  var graceTimer = null;

  function clearDevice() {
    // The same as pressing "I am done": on a question page this sends the question's
    // form, so what was typed is saved first.
    finish.click();
  }

  function askIfStillHere() {
    dialog.showModal();
    graceTimer = window.setTimeout(clearDevice, graceSeconds * 1000);
  }

  function restart() {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(askIfStillHere, idleSeconds * 1000);
  }

  dialog.querySelector("[data-still-here]").addEventListener("click", function () {
    window.clearTimeout(graceTimer);
    dialog.close();
    restart();
  });
  dialog.addEventListener("cancel", function () {
    window.clearTimeout(graceTimer);
    restart();
  });
  ["pointerdown", "keydown", "touchstart", "input", "scroll"].forEach(function (name) {
    window.addEventListener(name, function () {
      if (!dialog.open) {
        restart();
      }
    }, { passive: true });
  });
  restart();
})();
