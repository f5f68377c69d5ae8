// Shows "kind of social economy entity" only for social economy entities, and stops double clicks on submit.
(function () {
    var form = document.querySelector(".accession-form");
    if (!form) return;
    var sector = form.querySelector("[name=sector]");
    var kind = form.querySelector("[name=social_economy_kind]");
    var kindField = kind && kind.closest(".field");
    function toggle() {
        if (!kindField) return;
        kindField.hidden = sector.value !== "social_economy";
    }
    if (sector) { sector.addEventListener("change", toggle); toggle(); }
    form.addEventListener("submit", function () {
        var button = form.querySelector("button[type=submit]");
        if (button) { button.disabled = true; }
    });
})();
