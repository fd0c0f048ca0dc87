// Search suggestions as you type: the ARIA 1.2 combobox pattern with a listbox popup.
// Progressive enhancement only: without this file each search box is a plain form.
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
