import type {
  ArticleDetails,
  ArticleRef,
  EntityDetails,
  MeetingDetails,
  NodeDetails,
  NodeRef,
  QuoteRef,
} from "../../schema/api.ts";
import { esc, fmt } from "./dom.ts";

/** What the panel's buttons and links ask the page to do. */
export interface PanelActions {
  select: (key: string, label: string | undefined) => void;
  ego: (key: string) => void;
  expand: (key: string) => void;
  pathFrom: (key: string) => void;
  more: (key: string, offset: number) => void;
}

const ROLE_NAMES: Record<string, string> = { chair: "chair", host: "host", participant: "participant" };

/** A link that opens an article in a new tab: only http(s) addresses become links. */
function articleLink(a: ArticleRef): string {
  const title = esc(a.title);
  return a.url && /^https?:\/\//i.test(a.url)
    ? `<a href="${esc(a.url)}" target="_blank" rel="noopener noreferrer">${title}</a>`
    : title;
}

/** Outlet, date and title of an article on one line. */
const source = (a: ArticleRef): string =>
  `<span class="source">${[a.outlet, a.published].filter(Boolean).map(esc).join(" · ")} ${articleLink(a)}</span>`;

/** A node name that selects the node when clicked. */
const nodeLink = (n: NodeRef, extra = ""): string =>
  `<a href="#" class="node-link" data-key="${esc(n.key)}" data-label="${esc(n.label)}">${esc(n.name)}</a>${extra}`;

/** One quote: the text, direct or indirect, speaker confidence, the sentence it came from and every source. */
function quoteCard(q: QuoteRef, withSpeaker: boolean): string {
  const text = q.kind === "direct" ? `“${esc(q.text)}”` : esc(q.text);
  const meta = [
    withSpeaker && q.speaker ? nodeLink(q.speaker) : "",
    q.kind === "direct" ? "direct" : "indirect",
    q.verb ? esc(q.verb) : "",
    `speaker confidence ${q.confidence.toFixed(2)}`,
    q.meeting ? `at ${nodeLink(q.meeting)}` : "",
  ].filter(Boolean);
  const sentence =
    q.sentence && q.sentence !== q.text
      ? `<details><summary>sentence</summary><p class="sentence">${esc(q.sentence)}</p></details>`
      : "";
  return `<div class="quote" data-key="${esc(q.key)}"><div class="text">${text}</div>
    <div class="meta">${meta.join(" · ")}</div>${sentence}
    <ul class="sources">${q.articles.map((a) => `<li>${source(a)}</li>`).join("")}</ul></div>`;
}

/** Words as chips; past the first twelve, the rest fold away (Donald Trump has 60 titles in pen-2411). */
function chips(words: string[]): string {
  if (!words.length) return "";
  const chip = (w: string) => `<span>${esc(w)}</span>`;
  const rest = words.slice(12);
  return `<p class="chips">${words.slice(0, 12).map(chip).join("")}${
    rest.length ? `<details><summary>${rest.length} more</summary>${rest.map(chip).join("")}</details>` : ""
  }</p>`;
}

/** A titled section, left out when it would be empty. */
const section = (title: string, body: string): string => (body ? `<section><h3>${title}</h3>${body}</section>` : "");

/** A "more" button when a list has further pages. */
const moreButton = (key: string, shown: number, total: number): string =>
  shown < total
    ? `<button class="more" data-action="more" data-key="${esc(key)}" data-offset="${shown}">${fmt(total - shown)} more…</button>`
    : "";

/** The buttons that grow the view from an entity (Bloom-style). */
const actions = (key: string, inEgo: boolean): string =>
  `<div class="actions">
    <button data-action="ego" data-key="${esc(key)}" title="Show only this node and its neighbours">Ego network</button>
    ${inEgo ? `<button data-action="expand" data-key="${esc(key)}" title="Add this node's neighbours to the view">Expand</button>` : ""}
    <button data-action="path" data-key="${esc(key)}" title="Then choose a second node to find how they connect">Path to…</button>
  </div>`;

function entityHtml(d: EntityDetails, inEgo: boolean): string {
  const merged = d.mergedBecause
    .map(
      (m) =>
        `<li>${m.forms.map(esc).join(" = ")} <small>${esc(m.reason)}, score ${m.score.toFixed(2)}${m.times > 1 ? `, ${fmt(m.times)} times` : ""}</small></li>`,
    )
    .join("");
  return `<h2>${esc(d.name)}</h2>
    <div class="meta">${d.label} · ${fmt(d.mentions)} mentions${d.latin && d.latin !== d.name ? ` · ${esc(d.latin)}` : ""}${
      d.wikidata
        ? ` · <a href="https://www.wikidata.org/wiki/${esc(d.wikidata)}" target="_blank" rel="noopener noreferrer">${esc(d.wikidata)}</a>`
        : ""
    }</div>
    ${actions(d.key, inEgo)}
    ${section("Names", chips(d.aliases))}
    ${section("Why these names are one", merged ? `<ul class="merged">${merged}</ul>` : "")}
    ${section("Titles", chips(d.titles))}
    ${section(
      `Quotes (${fmt(d.quotes.total)})`,
      d.quotes.items.map((q) => quoteCard(q, false)).join("") +
        moreButton(d.key, d.quotes.items.length, d.quotes.total),
    )}
    ${section(
      `Meetings attended (${d.meetings.length})`,
      d.meetings.length
        ? `<ul>${d.meetings.map((m) => `<li>${nodeLink(m)}${m.role ? ` <small>${ROLE_NAMES[m.role]}</small>` : ""}</li>`).join("")}</ul>`
        : "",
    )}
    ${section(
      "Quoted alongside",
      d.quotedWith.length
        ? `<ul>${d.quotedWith.map((p) => `<li>${nodeLink(p)} <small>${fmt(p.count)} articles</small></li>`).join("")}</ul>`
        : "",
    )}
    ${section(
      `Articles (${fmt(d.articles.total)})`,
      `<ul class="articles">${d.articles.items.map((a) => `<li>${source(a)}</li>`).join("")}</ul>`,
    )}`;
}

function meetingHtml(d: MeetingDetails, inEgo: boolean): string {
  const facts = [d.date ?? d.dateText, d.location, d.status].filter(Boolean).map(esc).join(" · ");
  return `<h2>${esc(d.name)}</h2>
    <div class="meta">Meeting · ${facts}${d.dateText && d.date ? ` · “${esc(d.dateText)}”` : ""}</div>
    ${actions(d.key, inEgo)}
    ${section(
      `Attendees (${d.attendees.length})`,
      d.attendees.length
        ? `<ul>${d.attendees.map((p) => `<li>${nodeLink(p)}${p.role ? ` <small>${ROLE_NAMES[p.role]}</small>` : ""}</li>`).join("")}</ul>`
        : "",
    )}
    ${section(`Quotes said there (${fmt(d.quotes.total)})`, d.quotes.items.map((q) => quoteCard(q, true)).join(""))}
    ${section(
      `Reported by (${fmt(d.articles.total)})`,
      `<ul class="articles">${d.articles.items.map((a) => `<li>${source(a)}</li>`).join("")}</ul>`,
    )}`;
}

function articleHtml(d: ArticleDetails): string {
  const byLabel = (label: string) =>
    d.entities
      .filter((e) => e.label === label)
      .map((e) => `<li>${nodeLink(e)}${e.forms.length ? ` <small>${e.forms.map(esc).join("、")}</small>` : ""}</li>`)
      .join("");
  return `<h2>${articleLink(d)}</h2>
    <div class="meta">Article · ${[d.outlet, d.published, d.author].filter(Boolean).map(esc).join(" · ")}</div>
    ${section("People", byLabel("Person") ? `<ul>${byLabel("Person")}</ul>` : "")}
    ${section("Organisations", byLabel("Org") ? `<ul>${byLabel("Org")}</ul>` : "")}
    ${section("Meetings", byLabel("Meeting") ? `<ul>${byLabel("Meeting")}</ul>` : "")}
    ${section(
      `Quotes (${fmt(d.quotes.total)})`,
      d.quotes.items.map((q) => quoteCard(q, true)).join("") + moreButton(d.key, d.quotes.items.length, d.quotes.total),
    )}`;
}

/** The panel's HTML for any node. */
export function detailsHtml(d: NodeDetails, inEgo: boolean): string {
  switch (d.label) {
    case "Person":
    case "Org":
      return entityHtml(d, inEgo);
    case "Meeting":
      return meetingHtml(d, inEgo);
    case "Article":
      return articleHtml(d);
    case "Quote":
      return `<h2>Quote</h2>${quoteCard(d, true)}`;
  }
}

/** Quote cards of a further page (fetched from `offset`), with the button for the page after. */
export function moreQuotesHtml(d: NodeDetails, offset: number): string {
  if (d.label === "Quote") return "";
  const withSpeaker = d.label !== "Person" && d.label !== "Org";
  return (
    d.quotes.items.map((q) => quoteCard(q, withSpeaker)).join("") +
    moreButton(d.key, offset + d.quotes.items.length, d.quotes.total)
  );
}

/** Wires the panel's links and buttons to the page (one listener for everything the panel ever shows). */
export function wirePanel(panel: HTMLElement, act: PanelActions): void {
  panel.addEventListener("click", (ev) => {
    const target = (ev.target as HTMLElement).closest<HTMLElement>("[data-action], a.node-link");
    if (!target) return;
    const key = target.dataset["key"];
    if (!key) return;
    ev.preventDefault();
    const action = target.dataset["action"];
    if (target.matches("a.node-link")) act.select(key, target.dataset["label"]);
    else if (action === "ego") act.ego(key);
    else if (action === "expand") act.expand(key);
    else if (action === "path") act.pathFrom(key);
    else if (action === "more") act.more(key, Number(target.dataset["offset"] ?? 0));
  });
}
