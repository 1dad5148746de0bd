// The floor of `npm run bench`: what any build must do at least, on one core, for the files listed in argv[2] (one
// path a line): read and decode each file, extract its text (front matter, Markdown, cheerio), and for each
// distinct article make the simplified copy (opencc) and tag it (jieba). Prints one JSON line with the times.
// Run with `node --import tsx scripts/bench-floor.ts <file list>`.
import { readFileSync } from "node:fs";
import { readArticle } from "../ingest/reading/read-article.ts";
import { tagWords } from "../ingest/text/segment.ts";
import { simplifyText } from "../ingest/text/simplify.ts";
import { readInputFile } from "../src/read-inputs.ts";

const files = readFileSync(process.argv[2]!, "utf8").split("\n").filter(Boolean);
const times = { load: 0, read: 0, parse: 0, simplify: 0, tag: 0 };
let clock = performance.now();
const lap = (part: keyof typeof times): void => {
  const now = performance.now();
  times[part] += now - clock;
  clock = now;
};
// jieba's dictionaries load once per thread in a build too: counted apart
tagWords("预热分词词典。");
lap("load");
const seen = new Set<string>();
let articles = 0;
for (const file of files) {
  const decoded = await readInputFile(file);
  lap("read");
  if (!decoded.ok) continue;
  const read = readArticle(file, decoded.text);
  lap("parse");
  if (!read.ok || seen.has(read.value.id)) continue;
  seen.add(read.value.id);
  articles++;
  const simplified = simplifyText(read.value.text);
  lap("simplify");
  tagWords(simplified);
  lap("tag");
}
const total = times.load + times.read + times.parse + times.simplify + times.tag;
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const { user, system } = process.cpuUsage();
const cpuMs = Math.round((user + system) / 1000);
process.stdout.write(`${JSON.stringify({ files: files.length, articles, totalMs: total, times, peakRssMb, cpuMs })}\n`);
