import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { AliasDecisions, MergeCandidate } from "../ingest/entities/resolve-aliases.ts";
import { UserError } from "./user-error.ts";
import { writeFileAtomic } from "./write-atomic.ts";

/** The alias file users edit: canonical names with variants, and explicit same / not-same decisions. */
export const AliasFile = z.object({
  same: z
    .array(
      z.object({
        name: z.string(),
        latin: z.string().optional(),
        wikidata: z.string().optional(),
        variants: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  notSame: z.array(z.tuple([z.string(), z.string()])).default([]),
});
export type AliasFile = z.infer<typeof AliasFile>;

/** The alias file path: QUOTEGRAPH_ALIASES, else aliases.json in the working folder. */
export function defaultAliasFile(): string {
  return process.env["QUOTEGRAPH_ALIASES"] ?? "aliases.json";
}

/** Reads the alias file; a missing file means no decisions, a malformed one is a one-line error. */
export async function loadAliasDecisions(path: string): Promise<AliasDecisions> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch {
    return { same: [], notSame: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new UserError(`Alias file ${path}: not valid JSON (${(error as Error).message}).`, 2);
  }
  const parsed = AliasFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`Alias file ${path}: invalid \`${issue.path.join(".")}\`. ${issue.message}.`, 2);
  }
  const same = parsed.data.same.map((g) => {
    const out: AliasDecisions["same"][number] = { name: g.name, variants: g.variants };
    if (g.latin) out.latin = g.latin;
    if (g.wikidata) out.wikidata = g.wikidata;
    return out;
  });
  return { same, notSame: parsed.data.notSame };
}

/** `quotegraph aliases`: lists the merge candidates of the last build, or records a decision on one. */
export async function runAliasesCommand(opts: {
  data: string;
  aliases: string;
  accept?: number;
  reject?: number;
}): Promise<void> {
  let candidates: MergeCandidate[];
  try {
    candidates = JSON.parse(await readFile(join(opts.data, "candidates.json"), "utf8")) as MergeCandidate[];
  } catch {
    throw new UserError(`No candidates.json in ${opts.data}: run \`quotegraph build … --out ${opts.data}\` first.`, 2);
  }
  const pick = opts.accept ?? opts.reject;
  if (pick === undefined) {
    if (candidates.length === 0) process.stdout.write("No uncertain merge candidates.\n");
    candidates.forEach((c, i) =>
      process.stdout.write(
        `${String(i).padStart(4)}  ${c.score.toFixed(2)}  ${c.a} ~ ${c.b}  (${c.reasons.join(", ")})\n`,
      ),
    );
    return;
  }
  const candidate = candidates[pick];
  if (!candidate)
    throw new UserError(`Candidate ${pick} does not exist; \`quotegraph aliases --data ${opts.data}\` lists them.`, 2);
  let file: AliasFile = { same: [], notSame: [] };
  try {
    file = AliasFile.parse(JSON.parse(await readFile(opts.aliases, "utf8")));
  } catch {
    // a new alias file
  }
  if (opts.accept !== undefined) file.same.push({ name: candidate.a, variants: [candidate.b] });
  else file.notSame.push([candidate.a, candidate.b]);
  await writeFileAtomic(opts.aliases, JSON.stringify(file, null, 2) + "\n");
  process.stdout.write(
    `${opts.accept !== undefined ? "same" : "not same"}: ${candidate.a} ~ ${candidate.b} → ${opts.aliases}\n`,
  );
}
