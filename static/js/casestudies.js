// Case cards: reveal a Print button, which needs JavaScript; the browser's own print works without it.
for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
}
