/*
 * Senim: the countdown of a timed test (no dependencies, no inline code, CSP-safe).
 *
 *   [data-countdown-seconds="N"]    the element whose text becomes the time left,
 *                                   written with data-countdown-template, where
 *                                   "{time}" stands for m:ss (the server translates it)
 *   data-countdown-form="#id"       the form submitted when the time runs out, so the
 *                                   answers given so far arrive within the server's grace
 *
 * The server enforces the limit whatever this script does: answers that arrive late
 * are refused and the attempt is closed with what was saved in time.
 */
(function () {
  "use strict";

  function format(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function start(element) {
    var total = parseInt(element.getAttribute("data-countdown-seconds"), 10);
    if (isNaN(total) || total < 0) return;
    var template = element.getAttribute("data-countdown-template") || "{time}";
    var formSelector = element.getAttribute("data-countdown-form");
    var form = formSelector ? document.querySelector(formSelector) : null;
    var ends = Date.now() + total * 1000;
    var submitted = false;

    function tick() {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      element.textContent = template.replace("{time}", format(left));
      element.classList.toggle("countdown-low", left <= 60);
      if (left === 0) {
        window.clearInterval(timer);
        if (form && !submitted) {
          submitted = true;
          if (typeof form.requestSubmit === "function") form.requestSubmit();
          else form.submit();
        }
      }
    }

    element.setAttribute("role", "timer");
    element.setAttribute("aria-live", "off");
    var timer = window.setInterval(tick, 1000);
    tick();
  }

  function init() {
    var elements = document.querySelectorAll("[data-countdown-seconds]");
    for (var i = 0; i < elements.length; i++) start(elements[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
