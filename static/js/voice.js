// "Say it with your voice", recorded in the browser. Without this file (or a browser that
// cannot record) the page's file input opens a phone's own recorder; with it, the
// recording is put in that same input and sent with the question's form.
(function () {
  "use strict";

  if (!window.MediaRecorder || !navigator.mediaDevices || !window.DataTransfer) {
    return;
  }
  var KINDS = [
    ["audio/webm;codecs=opus", "webm"],
    ["audio/ogg;codecs=opus", "ogg"],
    ["audio/mp4", "m4a"]
  ];
  var kind = KINDS.filter(function (k) { return MediaRecorder.isTypeSupported(k[0]); })[0];
  if (!kind) {
    return;
  }

  function clock(seconds) {
    var s = Math.floor(seconds % 60);
    return Math.floor(seconds / 60) + ":" + (s < 10 ? "0" : "") + s;
  }

  document.querySelectorAll("[data-voice]").forEach(function (group) {
    var panel = group.querySelector("[data-voice-recorder]");
    var input = group.querySelector('input[type="file"]');
    var limit = Number(group.getAttribute("data-voice-seconds")) || 120;
    var record = panel.querySelector("[data-voice-record]");
    var stop = panel.querySelector("[data-voice-stop]");
    var time = panel.querySelector("[data-voice-time]");
    var count = panel.querySelector("[data-voice-count]");
    var status = panel.querySelector("[data-voice-status]");
    var preview = panel.querySelector("[data-voice-preview]");
    var again = panel.querySelector("[data-voice-again]");
    var discard = panel.querySelector("[data-voice-discard]");
    var save = group.querySelector("[data-voice-upload] button");
    var recorder = null;
    var timer = null;
    var started = 0;
    var warned = {};
    var previewUrl = null;
    panel.hidden = false;
    // One way to answer: the record button. The file box stays in the form, unseen, to
    // carry the recording, and comes back only if the microphone cannot be used.
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-labelledby", input.id + "-label");
    record.setAttribute("aria-describedby", input.getAttribute("aria-describedby"));
    offerFile(false);

    function show(element, shown) { element.hidden = !shown; }

    function offerFile(shown) {
      show(input, shown);
      show(save, shown);
    }

    function clear() {
      input.value = "";
      if (previewUrl) {
        URL.revokeObjectURL(previewUrl);
        previewUrl = null;
      }
      preview.removeAttribute("src");
      [preview, again, discard, time, save].forEach(function (e) { show(e, false); });
      show(record, true);
      status.textContent = "";
    }

    function finished(chunks) {
      var blob = new Blob(chunks, { type: kind[0].split(";")[0] });
      var file = new File([blob], "svar." + kind[1], { type: blob.type });
      var files = new DataTransfer();
      files.items.add(file);
      input.files = files.files;
      previewUrl = URL.createObjectURL(blob);
      var timeUp = (Date.now() - started) / 1000 >= limit;
      preview.src = previewUrl;
      [preview, again, discard, save].forEach(function (e) { show(e, true); });
      show(stop, false);
      status.textContent = (timeUp ? status.getAttribute("data-time-up") + " " : "") +
        status.getAttribute("data-recorded");
      again.focus();
    }

    // Said, not only shown: the status is read by a screen reader, once at each mark.
    function warn(secondsLeft, message) {
      if (!warned[message] && secondsLeft <= 0) {
        warned[message] = true;
        status.textContent = status.getAttribute(message);
      }
    }

    function tick() {
      var seconds = (Date.now() - started) / 1000;
      count.textContent = clock(Math.min(seconds, limit));
      if (limit > 60) {
        warn(limit - 60 - seconds, "data-minute-left");
      }
      warn(limit - 10 - seconds, "data-seconds-left");
      if (seconds >= limit) {
        stopRecording();
      }
    }

    function stopRecording() {
      if (recorder && recorder.state !== "inactive") {
        recorder.stop();
      }
      clearInterval(timer);
    }

    function startRecording() {
      clear();
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        var chunks = [];
        // Speech, not music: 32 kbps is clear speech in Opus (and AAC), a quarter of the
        // 128 kbps Chromium records by default, so 2 minutes are about 0.5 MB.
        recorder = new MediaRecorder(stream, { mimeType: kind[0], audioBitsPerSecond: 32000 });
        recorder.addEventListener("dataavailable", function (event) {
          if (event.data && event.data.size) {
            chunks.push(event.data);
          }
        });
        recorder.addEventListener("stop", function () {
          stream.getTracks().forEach(function (track) { track.stop(); });
          finished(chunks);
        });
        recorder.start(1000);
        started = Date.now();
        warned = {};
        count.textContent = clock(0);
        timer = setInterval(tick, 250);
        show(record, false);
        show(stop, true);
        show(time, true);
        status.textContent = status.getAttribute("data-recording");
        stop.focus();
      }, function () {
        status.textContent = status.getAttribute("data-no-microphone");
        offerFile(true);
        input.focus();
      });
    }

    record.addEventListener("click", startRecording);
    again.addEventListener("click", startRecording);
    stop.addEventListener("click", stopRecording);
    discard.addEventListener("click", function () {
      clear();
      record.focus();
    });
  });
})();
