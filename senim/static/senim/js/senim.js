/*
 * Senim: small progressive enhancements. Every page works without this file;
 * it only saves clicks. No dependencies (htmx is optional here), no inline
 * handlers, so a strict Content-Security-Policy (script-src 'self') is fine.
 *
 *   select[data-autosubmit]         submit the form when the value changes
 *                                   (language switcher, filter selects)
 *   [data-confirm="Question?"]      ask before following a link, pressing a
 *                                   button or submitting a form
 *   .alert [data-dismiss]           close buttons on alerts (hidden without JS)
 *   details[data-menu]              close on Escape and on a click outside
 *   form[data-keep-params]          keep hidden sort/filter inputs in step with
 *                                   the address bar after HTMX swaps
 *   [data-copy-target="#id"]        copy an element's text (hidden without JS);
 *                                   optional data-copied-label="Copied"
 *   input[data-check-all="name"]    tick or untick every checkbox name="name" of
 *                                   its form (bulk actions on lists)
 *   table.table-cards               each cell gets its column's heading as
 *                                   data-label, shown when a narrow screen turns
 *                                   rows into cards (see the stylesheet)
 */
(function () {
  "use strict";

  function closestEl(node, selector) {
    return node && node.nodeType === 1 ? node.closest(selector) : null;
  }

  /* Auto-submit ---------------------------------------------------------- */
  document.addEventListener("change", function (event) {
    var select = closestEl(event.target, "select[data-autosubmit]");
    if (!select || !select.form) return;
    if (typeof select.form.requestSubmit === "function") {
      select.form.requestSubmit();
    } else {
      select.form.submit();
    }
  });

  /* Confirmation --------------------------------------------------------- */
  // Capture phase, so it runs before htmx or any other handler on the element.
  document.addEventListener(
    "click",
    function (event) {
      var el = closestEl(event.target, "[data-confirm]");
      if (!el || el.tagName === "FORM") return;
      if (!window.confirm(el.getAttribute("data-confirm"))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      } else if (el.form) {
        el.form.dataset.confirmed = "1";
      }
    },
    true
  );
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!form.hasAttribute || !form.hasAttribute("data-confirm")) return;
      if (form.dataset.confirmed === "1") {
        delete form.dataset.confirmed;
        return;
      }
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true
  );

  /* Dismissible alerts --------------------------------------------------- */
  document.addEventListener("click", function (event) {
    var button = closestEl(event.target, "[data-dismiss]");
    if (!button) return;
    var alert = button.closest(".alert");
    if (!alert) return;
    var container = alert.parentElement;
    alert.remove();
    if (container && container.classList.contains("messages") && !container.querySelector(".alert")) {
      container.remove();
    }
    var main = document.getElementById("main");
    if (main) main.focus({ preventScroll: true });
  });

  /* Menus built on <details> --------------------------------------------- */
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
      menu.removeAttribute("open");
      var summary = menu.querySelector("summary");
      if (summary && menu.contains(document.activeElement)) summary.focus();
    });
  });

  /* Search forms: keep hidden parameters in step with the URL -------------- */
  function syncKeptParams() {
    var params = new URLSearchParams(window.location.search);
    document.querySelectorAll("form[data-keep-params]").forEach(function (form) {
      var own = {};
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && !el.hasAttribute("data-kept")) own[el.name] = true;
      });
      form.querySelectorAll("input[data-kept]").forEach(function (input) {
        input.remove();
      });
      var anchor = form.querySelector("[type=submit]");
      params.forEach(function (value, key) {
        if (own[key] || key === "page") return;
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = key;
        input.value = value;
        input.setAttribute("data-kept", "");
        form.insertBefore(input, anchor);
      });
      var q = form.querySelector("input[name=q]");
      if (q && document.activeElement !== q) q.value = params.get("q") || "";
    });
  }
  document.addEventListener("htmx:pushedIntoHistory", syncKeptParams);
  document.addEventListener("htmx:replacedInHistory", syncKeptParams);
  window.addEventListener("popstate", syncKeptParams);

  /* Copy to clipboard ---------------------------------------------------- */
  document.addEventListener("click", function (event) {
    var button = closestEl(event.target, "[data-copy-target]");
    if (!button || !navigator.clipboard) return;
    var source = document.querySelector(button.getAttribute("data-copy-target"));
    if (!source) return;
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      var label = button.getAttribute("data-copied-label");
      var status = button.parentElement && button.parentElement.querySelector("[data-copy-status]");
      if (status && label) {
        status.textContent = label;
        window.setTimeout(function () { status.textContent = ""; }, 4000);
      }
    });
  });

  /* Tick all ------------------------------------------------------------ */
  document.addEventListener("change", function (event) {
    var box = closestEl(event.target, "input[data-check-all]");
    if (!box || !box.form) return;
    var name = box.getAttribute("data-check-all");
    box.form.querySelectorAll('input[type="checkbox"]').forEach(function (el) {
      if (el.name === name && !el.disabled) el.checked = box.checked;
    });
  });

  /* Card labels ------------------------------------------------------------ */
  function labelCells(scope) {
    scope.querySelectorAll("table.table-cards").forEach(function (table) {
      var heads = table.querySelectorAll("thead th");
      var labels = Array.prototype.map.call(heads, function (th) {
        var text = th.querySelector(".sort-link > span");
        return (text || th).textContent.replace(/\s+/g, " ").trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (labels[index] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", labels[index]);
        });
      });
    });
  }

  /* Reveal controls that only work with JavaScript ------------------------ */
  function enhance(root) {
    var scope = root && root.querySelectorAll ? root : document;
    labelCells(scope);
    scope.querySelectorAll(".alert [data-dismiss][hidden]").forEach(function (el) {
      el.hidden = false;
    });
    if (navigator.clipboard && window.isSecureContext) {
      scope.querySelectorAll("[data-copy-target][hidden]").forEach(function (el) {
        el.hidden = false;
      });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  } else {
    enhance(document);
  }
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
