/* Haven: quick exit. Everything here only improves plain links that already
   work without JavaScript (the exit links go to /exit/, which redirects). */
(function () {
  "use strict";

  var SHIFT_PRESSES_TO_EXIT = 3;
  var SHIFT_WINDOW_MS = 5000;
  var root = document.documentElement;

  function exitUrl() {
    var link = document.querySelector("[data-haven-exit]");
    return link ? link.href : "/exit/";
  }

  function exitNow(destination) {
    // Hide everything in this very frame, before anything else happens.
    root.classList.add("haven-exiting");
    try {
      // Replace this page's history entry, so Back does not return to it.
      document.title = "\u2026";
      window.history.replaceState(null, "", "/exit/");
    } catch (error) {
      /* history may be unavailable; leaving still works */
    }
    window.location.replace(destination || exitUrl());
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-haven-exit]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) {
      return;
    }
    event.preventDefault();
    exitNow(link.href);
  });

  // Shift pressed three times, each within 5 seconds of the last. Shift held
  // with another key does not count, and any other key starts again.
  var presses = 0;
  var lastPress = 0;
  var shiftIsDown = false;
  var shiftUsedWithAnotherKey = false;
  var status = document.querySelector("[data-haven-exit-status]");

  function announce(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function reset() {
    if (presses > 0) {
      announce(status ? status.getAttribute("data-cancelled") : "");
    }
    presses = 0;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!shiftIsDown) {
        shiftIsDown = true;
        shiftUsedWithAnotherKey = false;
      }
      return;
    }
    if (shiftIsDown) {
      shiftUsedWithAnotherKey = true;
    }
    reset();
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    shiftIsDown = false;
    if (shiftUsedWithAnotherKey) {
      reset();
      return;
    }
    var now = Date.now();
    presses = now - lastPress <= SHIFT_WINDOW_MS ? presses + 1 : 1;
    lastPress = now;
    if (presses >= SHIFT_PRESSES_TO_EXIT) {
      presses = 0;
      announce(status ? status.getAttribute("data-leaving") : "");
      exitNow();
      return;
    }
    var left = SHIFT_PRESSES_TO_EXIT - presses;
    var template = status ? status.getAttribute(left === 1 ? "data-one-left" : "data-many-left") : "";
    announce((template || "").replace("%(count)s", String(left)));
  });

  window.addEventListener("blur", function () {
    shiftIsDown = false;
  });

  // Keep focused elements clear of the sticky safety bar, however tall it is
  // (longer labels in some languages, larger text). The stylesheet has a
  // fixed fallback for when JavaScript is off.
  var bar = document.querySelector(".safety-bar");
  function clearSafetyBar() {
    if (bar) {
      root.style.scrollPaddingTop = bar.getBoundingClientRect().height + 16 + "px";
    }
  }
  clearSafetyBar();
  if (bar && window.ResizeObserver) {
    new window.ResizeObserver(clearSafetyBar).observe(bar);
  } else {
    window.addEventListener("resize", clearSafetyBar);
  }

  // Coming back through the back/forward cache: show a usable page again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      root.classList.remove("haven-exiting");
      presses = 0;
    }
  });
})();
