import { readFileSync } from "node:fs";
import { readArticle } from "./ingest/read-article.ts";
import { extractArticle } from "./ingest/extract-article.ts";
const f = process.argv[2]!;
const r = readArticle(f, readFileSync(f, "utf8"));
if (r.ok)
  for (const e of extractArticle(r.value).entities)
    if (e.kind === "Person")
      console.log(
        JSON.stringify(e.forms),
        e.latin,
        e.registry?.id,
        JSON.stringify(e.titles),
        JSON.stringify(e.mergedBecause),
      );
