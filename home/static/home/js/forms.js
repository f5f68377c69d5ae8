// A form that came back with errors: focus moves to its error summary (announced with its count), and each of
// the summary's links moves focus to its field, label in view. No inline script: the site's CSP forbids it.
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        if (!link) return;
        var control = document.getElementById(link.getAttribute("href").slice(1));
        if (!control) return;
        event.preventDefault();
        var label = document.querySelector("label[for='" + control.id + "']") || control;
        label.scrollIntoView({ block: "start" });
        control.focus({ preventScroll: true });
    });
})();
