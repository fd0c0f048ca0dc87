// Progressive enhancement for the glossary; every page works without this file.
// 1. Terms marked in running text get a button that shows their definition in place.
// 2. The glossary page's filter box narrows the list as you type (it also works as a plain form).
(() => {
    // Match the server's folding (glossary/alphabet.py): no accents, case-insensitive, no leading punctuation.
    const fold = (text) =>
        text
            .normalize("NFKD")
            .replace(/[\u0300-\u036f]/g, "")
            .toLowerCase()
            .replace(/^[\s!-/:-@[-`{-~‘’“”–—]+/, "");

    const setExpanded = (button, definition, expanded) => {
        button.setAttribute("aria-expanded", String(expanded));
        definition.hidden = !expanded;
    };

    const enhanceTerms = () => {
        document.querySelectorAll("a.glossary-term[data-definition]").forEach((link, index) => {
            const id = `glossary-definition-${index + 1}`;
            const button = document.createElement("button");
            button.type = "button";
            button.className = "glossary-term__toggle";
            button.setAttribute("aria-controls", id);
            const mark = document.createElement("span");
            mark.setAttribute("aria-hidden", "true");
            mark.textContent = "?";
            const label = document.createElement("span");
            label.className = "visually-hidden";
            label.textContent = `Definition of ${link.dataset.term}`;
            button.append(mark, label);

            const definition = document.createElement("span");
            definition.id = id;
            definition.className = "glossary-term__definition";
            definition.textContent = link.dataset.definition;

            link.after(button, definition);
            setExpanded(button, definition, false);
            button.addEventListener("click", () =>
                setExpanded(button, definition, button.getAttribute("aria-expanded") !== "true"),
            );
            button.addEventListener("keydown", (event) => {
                if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                    setExpanded(button, definition, false);
                }
            });
        });
    };

    const enhanceFilter = () => {
        const form = document.querySelector("[data-glossary-filter]");
        if (!form) return;
        const input = form.querySelector("input[type=search]");
        const status = document.querySelector("[data-glossary-status]");
        const empty = document.querySelector("[data-glossary-empty]");
        const entries = [...document.querySelectorAll(".glossary-entry[data-filter-text]")];
        const sections = [...document.querySelectorAll("[data-glossary-section]")];
        let timer;

        const apply = () => {
            const query = fold(input.value.trim());
            entries.forEach((entry) => {
                entry.hidden = query !== "" && !entry.dataset.filterText.includes(query);
            });
            sections.forEach((section) => {
                section.hidden = !section.querySelector(".glossary-entry:not([hidden])");
            });
            const shown = entries.filter((entry) => !entry.hidden).length;
            if (empty) empty.hidden = shown > 0;
            // Announce after a pause in typing, not on every key.
            clearTimeout(timer);
            timer = setTimeout(() => {
                status.textContent = query ? `${shown} of ${entries.length} terms match.` : "";
            }, 400);
            const url = new URL(window.location.href);
            if (query) url.searchParams.set("q", input.value.trim());
            else url.searchParams.delete("q");
            window.history.replaceState(null, "", url);
        };
        input.addEventListener("input", apply);
        form.addEventListener("submit", (event) => {
            event.preventDefault();
            apply();
        });
    };

    const focusErrors = () => {
        const summary = document.getElementById("suggest-errors");
        if (summary) summary.focus();
    };

    document.addEventListener("DOMContentLoaded", () => {
        enhanceTerms();
        enhanceFilter();
        focusErrors();
    });
})();
