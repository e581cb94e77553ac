// Enhancements only: every page works without this file.
(function () {
  "use strict";

  // Ask before an action that cannot be undone, where the button says so.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = button && button.getAttribute("data-confirm");
    if (!message) {
      return;
    }

    if (!window.confirm(message)) {
      event.preventDefault();
      return;
    }

    // Agreed here, so the server does not ask again on a page of its own.
    var agreed = event.target.querySelector("input[name='__confirmed']") || document.createElement("input");
    agreed.type = "hidden";
    agreed.name = "__confirmed";
    agreed.value = "1";
    event.target.appendChild(agreed);
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
