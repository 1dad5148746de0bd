import { readFileSync } from "node:fs";
import { readArticle } from "./ingest/read-article.ts";
import { extractArticle } from "./ingest/extract-article.ts";
const f = process.argv[2]!;
const r = readArticle(f, readFileSync(f, "utf8"));
if (r.ok) {
  const x = extractArticle(r.value);
  console.log(r.value.text.slice(0, 1500));
  console.log(
    "--- persons:",
    x.entities
      .filter((e) => e.kind === "Person")
      .map((e) => e.forms.join("/"))
      .join("; "),
  );
  console.log(
    "--- orgs:",
    x.entities
      .filter((e) => e.kind === "Org")
      .map((e) => e.forms.join("/"))
      .join("; "),
  );
  for (const q of x.quotes)
    console.log(q.kind, "[" + (x.entities.find((e) => e.id === q.speaker)?.forms[0] ?? "?") + "]", q.text.slice(0, 60));
  for (const m of x.meetings)
    console.log(
      "M",
      m.date,
      m.location,
      m.forms,
      m.attendees.map((a) => x.entities.find((e) => e.id === a.entity)?.forms[0]),
    );
}
