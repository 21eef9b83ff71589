// Enhancements only: every page works without this file.
(function () {
  "use strict";

  // After a failed send, start at the list of problems (autofocus does this too; some
  // browsers skip autofocus when the page is restored from history).
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  // A follow-up question ("Something else? Write what") shows once its answer is chosen.
  // Without JavaScript it is always there.
  document.querySelectorAll("[data-reveal-field]").forEach(function (group) {
    var inputs = document.querySelectorAll(
      'input[name="' + group.getAttribute("data-reveal-field") + '"]'
    );
    var values = group.getAttribute("data-reveal-values").split(" ");
    function update() {
      group.hidden = !Array.prototype.some.call(inputs, function (input) {
        return input.checked && values.indexOf(input.value) !== -1;
      });
    }
    inputs.forEach(function (input) { input.addEventListener("change", update); });
    update();
  });

  // An answer that stands alone ("I don't know", "It does not matter"): ticking it unticks
  // the others, and ticking another unticks it. The question's live region says what
  // changed. Without JavaScript the server refuses them together, beside the question.
  document.querySelectorAll("fieldset").forEach(function (fieldset) {
    var status = fieldset.querySelector("[data-exclusive-status]");
    if (!status) {
      return;
    }
    var boxes = fieldset.querySelectorAll('input[type="checkbox"]');
    function say(text) {
      status.textContent = text || "";
    }
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (!box.checked) {
          return;
        }
        var unticked = [];
        boxes.forEach(function (other) {
          var clash = box.hasAttribute("data-exclusive") || other.hasAttribute("data-exclusive");
          if (other !== box && other.checked && clash) {
            other.checked = false;
            other.dispatchEvent(new Event("change", { bubbles: true }));
            unticked.push(other);
          }
        });
        if (!unticked.length) {
          return;
        }
        if (box.hasAttribute("data-exclusive")) {
          say(box.getAttribute("data-exclusive-chosen"));
        } else {
          say(unticked[0].getAttribute("data-exclusive-unticked"));
        }
      });
    });
  });

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
