import { readFileSync } from "node:fs";
import { readArticle } from "./ingest/read-article.ts";
import { chainMentions } from "./ingest/chain-mentions.ts";
import { simplifyText } from "./ingest/simplify.ts";
const f = process.argv[2]!;
const r = readArticle(f, readFileSync(f, "utf8"));
if (r.ok) {
  const t = r.value.text;
  const s = simplifyText(t);
  for (const e of chainMentions(t, s))
    if (e.forms.some((x) => x.includes("特朗普")))
      console.log(
        e.forms,
        e.mentions.map((m) => [m.key, m.signals, m.registry?.id, s.slice(m.start - 12, m.start)]),
        e.mergedBecause,
      );
}
