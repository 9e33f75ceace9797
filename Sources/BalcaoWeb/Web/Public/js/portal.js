// Balcão portal: suggests help articles while a request's subject is typed. Everything else works without
// JavaScript; without it the form simply has no suggestions.
(function () {
  "use strict";
  var subject = document.getElementById("request-subject");
  var box = document.getElementById("suggestions");
  if (!subject || !box) return;
  var timer = null, last = "", controller = null;

  function fetchSuggestions() {
    var text = subject.value.trim();
    if (text === last) return;
    last = text;
    if (controller) controller.abort();
    if (text.length < 3) { box.innerHTML = ""; return; }
    controller = typeof AbortController === "function" ? new AbortController() : null;
    fetch(subject.getAttribute("data-suggest") + "?q=" + encodeURIComponent(text), {
      headers: { "X-Requested-With": "fetch" }, credentials: "same-origin",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.ok ? response.text() : "";
    }).then(function (html) {
      // The fragment is rendered by Balcão with every value escaped.
      box.innerHTML = html;
    }).catch(function () { /* offline or aborted: keep what is shown */ });
  }

  subject.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 250);
  });
  if (subject.value.trim().length >= 3) fetchSuggestions();
})();
