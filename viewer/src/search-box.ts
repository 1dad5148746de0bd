import type { SearchHit } from "../../schema/api.ts";
import { fetchSearch } from "./api.ts";
import { debounce, esc } from "./dom.ts";

/**
 * The search box: suggestions as one types (names, every alias in both scripts, quote text), arrow keys and Enter
 * to choose. A newer keystroke cancels the request of the one before.
 */
export function wireSearch(input: HTMLInputElement, list: HTMLElement, onChoose: (hit: SearchHit) => void): void {
  let hits: SearchHit[] = [];
  let active = 0;
  let pending: AbortController | undefined;
  const render = () => {
    list.innerHTML = hits
      .map(
        (h, i) =>
          `<li data-index="${i}" class="${i === active ? "active" : ""}" role="option">
            <i class="dot ${esc(h.label)}"></i><b>${esc(h.name)}</b>
            <small>${esc(h.label)}${h.matched !== h.name ? ` · ${esc(h.matched)}` : ""}</small></li>`,
      )
      .join("");
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    hits = [];
    render();
    input.blur();
    onChoose(hit);
  };
  const run = debounce(async (q: string) => {
    pending?.abort();
    if (!q) {
      hits = [];
      return render();
    }
    pending = new AbortController();
    try {
      hits = await fetchSearch(q, pending.signal);
      active = 0;
      render();
    } catch (error) {
      if ((error as Error).name !== "AbortError")
        list.innerHTML = `<li class="error">${esc((error as Error).message)}</li>`;
    }
  }, 120);
  input.addEventListener("input", () => run(input.value.trim()));
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!hits.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      choose(active);
    } else if (ev.key === "Escape") {
      hits = [];
      render();
    }
  });
  list.addEventListener("mousedown", (ev) => {
    // mousedown, not click: the input's blur must not close the list before the choice lands
    const li = (ev.target as HTMLElement).closest<HTMLElement>("li[data-index]");
    if (!li) return;
    ev.preventDefault();
    choose(Number(li.dataset["index"]));
  });
}
