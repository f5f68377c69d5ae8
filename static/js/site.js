// The phone menu: a real <button aria-expanded> opens and closes the panel below the header. The panel is
// closed by the stylesheet from the first paint (nothing moves after load); css/no-js.css shows it when
// JavaScript is off. On wide screens the stylesheet always shows the menu and hides the button.
(function () {
    document.documentElement.classList.add("js");
    var toggle = document.querySelector(".site-header__toggle");
    var panel = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!toggle || !panel) return;

    function setOpen(open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }

    toggle.addEventListener("click", function () {
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true" && toggle.offsetParent !== null) {
            setOpen(false);
            toggle.focus();
        }
    });
})();
