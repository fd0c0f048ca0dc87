// The one script of every public page, deferred; each part is progressive enhancement and every
// page works fully without this file. Parts: the site chrome's menu, the glossary, search suggestions
// and the case cards' Print button.

// The menu toggle on small screens (site.css shows it only where scripting is enabled).
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

// The glossary:
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
            link.classList.add("glossary-term--enhanced");
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

// Search suggestions as you type: the ARIA 1.2 combobox pattern with a listbox popup.
// Without it each search box is a plain form.
(() => {
    const DEBOUNCE_MS = 200;
    const MIN_LENGTH = 2;

    const enhance = (input) => {
        const form = input.form;
        const listbox = document.createElement("ul");
        const status = document.createElement("div");
        let options = [];
        let active = -1;
        let timer = null;
        let controller = null;

        listbox.id = `${input.id}-suggestions`;
        listbox.className = "search-suggest";
        listbox.setAttribute("role", "listbox");
        listbox.setAttribute("aria-label", "Suggestions");
        listbox.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.insertAdjacentElement("afterend", listbox);
        form.append(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listbox.id);

        const setActive = (index) => {
            active = index;
            options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        };

        const close = () => {
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            setActive(-1);
        };

        const open = () => {
            if (!options.length) return;
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        };

        const show = (results) => {
            listbox.replaceChildren();
            options = results.map((result, i) => {
                const option = document.createElement("li");
                const title = document.createElement("span");
                const type = document.createElement("span");
                option.id = `${listbox.id}-${i}`;
                option.className = "search-suggest__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.dataset.url = result.url;
                title.textContent = result.title;
                type.className = "search-suggest__type";
                type.textContent = result.type;
                option.append(title, type);
                listbox.append(option);
                return option;
            });
            active = -1;
            status.textContent = options.length
                ? `${options.length} suggestion${options.length === 1 ? "" : "s"}; use the up and down arrows to choose.`
                : "";
            if (options.length) open();
            else close();
        };

        const fetchSuggestions = async () => {
            const query = input.value.trim();
            if (controller) controller.abort();
            if (query.length < MIN_LENGTH) {
                show([]);
                return;
            }
            controller = new AbortController();
            try {
                const url = `${input.dataset.suggestUrl}?${new URLSearchParams({ q: query })}`;
                const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
                if (!response.ok) return;
                const data = await response.json();
                if (input.value.trim() === query) show(data.results);
            } catch (error) {
                if (error.name !== "AbortError") show([]);
            }
        };

        const go = (option) => {
            window.location.assign(option.dataset.url);
        };

        input.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", (event) => {
            const expanded = !listbox.hidden;
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (!options.length) return;
                event.preventDefault();
                const step = event.key === "ArrowDown" ? 1 : -1;
                if (!expanded) {
                    open();
                    setActive(step === 1 ? 0 : options.length - 1);
                } else {
                    setActive((active + step + options.length) % options.length);
                }
            } else if (event.key === "Enter" && expanded && active >= 0) {
                event.preventDefault();
                go(options[active]);
            } else if (event.key === "Escape") {
                if (expanded) {
                    event.preventDefault();
                    event.stopPropagation();
                    close();
                } else if (input.value) {
                    input.value = "";
                }
            } else if (event.key === "Tab") {
                close();
            }
        });

        // Keep focus in the box when choosing with the pointer, so the list does not close first.
        listbox.addEventListener("mousedown", (event) => event.preventDefault());
        listbox.addEventListener("click", (event) => {
            const option = event.target.closest("[role='option']");
            if (option) go(option);
        });
        input.addEventListener("blur", close);
        input.addEventListener("focus", () => {
            if (options.length && input.value.trim().length >= MIN_LENGTH) open();
        });
    };

    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("input[data-suggest-url][id]").forEach(enhance);
    });
})();

// Case cards: reveal a Print button, which needs JavaScript; the browser's own print works without it.
for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
}
