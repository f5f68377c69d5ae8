// Mobile menu: a real <button> toggles the list; without JavaScript the list is always shown.
(function () {
    document.documentElement.classList.add("js");
    var toggle = document.querySelector(".main-nav__toggle");
    var list = document.getElementById("main-nav-list");
    if (!toggle || !list) return;
    var narrow = window.matchMedia("(max-width: 40rem)");

    function setOpen(open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        list.setAttribute("data-collapsed", open ? "false" : "true");
    }

    function sync() {
        toggle.hidden = !narrow.matches;
        setOpen(!narrow.matches);
    }

    toggle.addEventListener("click", function () {
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && narrow.matches && toggle.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            toggle.focus();
        }
    });
    narrow.addEventListener("change", sync);
    sync();
})();
