// Enhancements only: every page works without this file.
(function () {
  "use strict";

  // Ask before an action that cannot be undone, where the button says so.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = button && button.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // Show or hide the reason for "Not applicable" as the completion changes.
  function syncReason(select) {
    var target = document.getElementById(select.getAttribute("data-reason-for"));
    if (target) {
      target.hidden = select.value !== "NotApplicable";
    }
  }

  document.querySelectorAll("select[data-reason-for]").forEach(function (select) {
    syncReason(select);
    select.addEventListener("change", function () { syncReason(select); });
  });
})();
