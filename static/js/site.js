// Progressive enhancement for the site chrome: the page works fully without this file.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
    const toggle = document.querySelector(".site-nav__toggle");
    const menu = document.getElementById("site-menu");
    if (!toggle || !menu) return;
    const setOpen = (open) => {
        toggle.setAttribute("aria-expanded", String(open));
        menu.dataset.open = String(open);
    };
    setOpen(false);
    toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
    document.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            toggle.focus();
        }
    });
});
