// Enhancements only: every page works without this file.
(function () {
  "use strict";

  // After a failed send, start at the list of problems (autofocus does this too; some
  // browsers skip autofocus when the page is restored from history).
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  // The receipt page: a print button instead of "use your browser's print button".
  var hint = document.querySelector("[data-print-hint]");
  if (hint && window.print) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = hint.getAttribute("data-print-label");
    button.addEventListener("click", function () {
      window.print();
    });
    hint.replaceWith(button);
  }
})();
