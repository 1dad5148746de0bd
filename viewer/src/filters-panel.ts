import type { Facets } from "../../schema/api.ts";
import type { NodeLabel } from "../../schema/graph.ts";
import { LABEL_COLORS } from "../../schema/palette.ts";
import { byId, debounce, esc, fmt } from "./dom.ts";
import type { ViewState } from "./state.ts";

/** Steps of the minimum-mentions slider: fine at the low end, where most entities are. */
const MENTION_STEPS = [0, 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
/** Choices of how many nodes to draw. */
const LIMITS = [500, 1000, 2000, 5000, 10000, 30000, 60000];
const ENTITY_LABELS: NodeLabel[] = ["Person", "Org", "Meeting"];
const ALL_LABELS: NodeLabel[] = ["Person", "Org", "Meeting", "Quote", "Article"];
const DAY_MS = 86_400_000;

/** The day after `date` (YYYY-MM-DD), counting `n` days. */
const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** The filter panel: labels, outlets, a timeline with counts per day and a date range, minimum mentions, size. */
export class FiltersPanel {
  private facets: Facets;
  private firstDay = "";
  private dayCount = 0;
  private state: ViewState | undefined;
  private readonly commitDates = debounce(() => this.emitDates(), 250);

  constructor(
    facets: Facets,
    private readonly onChange: (patch: Partial<ViewState>) => void,
  ) {
    this.facets = facets;
    byId("label-filters").addEventListener("change", () => {
      const boxes = [...document.querySelectorAll<HTMLInputElement>("#label-filters input")];
      const checked = boxes.filter((b) => b.checked).map((b) => b.value as NodeLabel);
      // all checked is the default (no filter), so links stay short
      this.onChange({ labels: checked.length === boxes.length ? [] : checked });
    });
    byId("outlet-filters").addEventListener("change", () => {
      const outlets = [...document.querySelectorAll<HTMLInputElement>("#outlet-filters input:checked")].map(
        (b) => b.value,
      );
      this.onChange({ outlets });
    });
    const from = byId<HTMLInputElement>("date-from");
    const to = byId<HTMLInputElement>("date-to");
    for (const input of [from, to])
      input.addEventListener("input", () => {
        if (Number(from.value) > Number(to.value)) (input === from ? to : from).value = input.value;
        this.drawTimeline();
        this.commitDates();
      });
    byId("date-clear").addEventListener("click", () => this.onChange({ dateFrom: undefined, dateTo: undefined }));
    const min = byId<HTMLInputElement>("min-mentions");
    min.max = String(MENTION_STEPS.findIndex((s) => s >= facets.maxMentions) + 1 || MENTION_STEPS.length - 1);
    min.addEventListener(
      "input",
      () => (byId("min-mentions-value").textContent = String(MENTION_STEPS[Number(min.value)])),
    );
    min.addEventListener("change", () => this.onChange({ minMentions: MENTION_STEPS[Number(min.value)] ?? 0 }));
    const limit = byId<HTMLSelectElement>("limit");
    limit.innerHTML = LIMITS.map((l) => `<option value="${l}">${fmt(l)}</option>`).join("");
    limit.addEventListener("change", () => this.onChange({ limit: Number(limit.value) }));
    this.renderOutlets();
    this.setFacets(facets);
  }

  /** New day counts (after the outlet filter changed). */
  setFacets(facets: Facets): void {
    this.facets = facets;
    const days = facets.days;
    this.firstDay = days[0]?.date ?? "";
    this.dayCount = days.length ? daysBetween(this.firstDay, days[days.length - 1]!.date) + 1 : 0;
    for (const id of ["date-from", "date-to"]) byId<HTMLInputElement>(id).max = String(Math.max(0, this.dayCount - 1));
    byId("timeline-box").hidden = this.dayCount === 0;
    if (this.state) this.sync(this.state);
  }

  private renderOutlets(): void {
    const outlets = this.facets.outlets;
    byId("outlet-filters").innerHTML = outlets.length
      ? outlets
          .map(
            (o) =>
              `<label><input type="checkbox" value="${esc(o.name)}"> ${esc(o.name)} <small>${fmt(o.count)}</small></label>`,
          )
          .join("")
      : `<p class="hint">No outlet recorded.</p>`;
  }

  /** Shows a state in the controls. */
  sync(state: ViewState): void {
    this.state = state;
    const labels = state.mode === "full" ? ALL_LABELS : ENTITY_LABELS;
    byId("label-filters").innerHTML = labels
      .map(
        (l) =>
          `<label><input type="checkbox" value="${l}" ${!state.labels.length || state.labels.includes(l) ? "checked" : ""}>
          <i class="dot ${l}"></i>${l}</label>`,
      )
      .join("");
    for (const box of document.querySelectorAll<HTMLInputElement>("#outlet-filters input"))
      box.checked = state.outlets.includes(box.value);
    const from = byId<HTMLInputElement>("date-from");
    const to = byId<HTMLInputElement>("date-to");
    from.value = String(state.dateFrom && this.firstDay ? Math.max(0, daysBetween(this.firstDay, state.dateFrom)) : 0);
    to.value = String(
      state.dateTo && this.firstDay
        ? Math.min(this.dayCount - 1, daysBetween(this.firstDay, state.dateTo))
        : this.dayCount - 1,
    );
    const step = MENTION_STEPS.findIndex((s) => s >= state.minMentions);
    byId<HTMLInputElement>("min-mentions").value = String(step < 0 ? MENTION_STEPS.length - 1 : step);
    byId("min-mentions-value").textContent = String(state.minMentions);
    const limit = byId<HTMLSelectElement>("limit");
    if (![...limit.options].some((o) => o.value === String(state.limit)))
      limit.insertAdjacentHTML("beforeend", `<option value="${state.limit}">${fmt(state.limit)}</option>`);
    limit.value = String(state.limit);
    this.drawTimeline();
  }

  private emitDates(): void {
    const from = Number(byId<HTMLInputElement>("date-from").value);
    const to = Number(byId<HTMLInputElement>("date-to").value);
    const whole = from === 0 && to === this.dayCount - 1;
    this.onChange({
      dateFrom: whole ? undefined : addDays(this.firstDay, from),
      dateTo: whole ? undefined : addDays(this.firstDay, to),
    });
  }

  /** Bars of articles per day (grouped into weeks or months when there are too many days for the width). */
  private drawTimeline(): void {
    const canvas = byId<HTMLCanvasElement>("timeline");
    const width = canvas.clientWidth || 260;
    const height = 48;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    const ctx = canvas.getContext("2d");
    if (!ctx || this.dayCount === 0) return;
    ctx.scale(ratio, ratio);
    ctx.clearRect(0, 0, width, height);
    const bucket = Math.max(1, Math.ceil(this.dayCount / width));
    const buckets = new Array<number>(Math.ceil(this.dayCount / bucket)).fill(0);
    for (const d of this.facets.days) {
      const b = Math.floor(daysBetween(this.firstDay, d.date) / bucket);
      buckets[b] = (buckets[b] ?? 0) + d.count;
    }
    const max = Math.max(1, ...buckets);
    const from = Number(byId<HTMLInputElement>("date-from").value);
    const to = Number(byId<HTMLInputElement>("date-to").value);
    const barWidth = width / buckets.length;
    buckets.forEach((count, b) => {
      const inRange = b * bucket + bucket - 1 >= from && b * bucket <= to;
      ctx.fillStyle = inRange ? LABEL_COLORS.Org : "#d5d5d5";
      const h = Math.max(count ? 1 : 0, (Math.sqrt(count) / Math.sqrt(max)) * (height - 2));
      ctx.fillRect(b * barWidth, height - h, Math.max(1, barWidth - (barWidth > 3 ? 1 : 0)), h);
    });
    const label = byId("date-label");
    const first = addDays(this.firstDay, from);
    const last = addDays(this.firstDay, to);
    const count = this.facets.days.filter((d) => d.date >= first && d.date <= last).reduce((s, d) => s + d.count, 0);
    label.textContent = `${first} – ${last} · ${fmt(count)} articles${this.facets.undated ? ` (${fmt(this.facets.undated)} undated)` : ""}`;
  }
}
