import type { Community } from "../../schema/api.ts";
import type { NodeLabel } from "../../schema/graph.ts";
import { LABEL_COLORS } from "../../schema/palette.ts";
import { esc, fmt } from "./dom.ts";
import { COMMUNITY_COLORS, type ColorMode, type GraphView } from "./graph-view.ts";

/** The legend: colours by label with the number drawn, or the largest communities named after their best-known member. */
export function renderLegend(el: HTMLElement, view: GraphView, mode: ColorMode, communities: Community[]): void {
  const swatch = (color: string) => {
    const i = document.createElement("i");
    i.style.background = color; // set through the CSSOM: the page's CSP allows no inline style attributes
    return i;
  };
  el.replaceChildren();
  if (mode === "community") {
    const drawn = new Map<number, number>();
    view.graph.forEachNode((_k, a) => drawn.set(a.community, (drawn.get(a.community) ?? 0) + 1));
    const title = document.createElement("b");
    title.textContent = "Communities";
    el.append(title);
    for (const c of communities.slice(0, 10)) {
      if (!drawn.get(c.id)) continue;
      const row = document.createElement("span");
      row.append(swatch(COMMUNITY_COLORS[c.id]!));
      row.insertAdjacentHTML("beforeend", `${esc(c.name)} <small>${fmt(drawn.get(c.id)!)}</small>`);
      el.append(row);
    }
    return;
  }
  const counts = new Map<NodeLabel, number>();
  view.graph.forEachNode((_k, a) => counts.set(a.nodeLabel, (counts.get(a.nodeLabel) ?? 0) + 1));
  for (const [label, color] of Object.entries(LABEL_COLORS) as [NodeLabel, string][]) {
    if (!counts.get(label)) continue;
    const row = document.createElement("span");
    row.append(swatch(color));
    row.insertAdjacentHTML("beforeend", `${label} <small>${fmt(counts.get(label)!)}</small>`);
    el.append(row);
  }
}
