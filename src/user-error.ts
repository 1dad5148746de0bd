/** An expected failure (bad option, missing file, Neo4j down, port taken): printed as one line, no stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** "EACCES: permission denied" from a Node file-system error, without the path the caller already names. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  const first = (e?.message ?? String(error)).split(",")[0] ?? "";
  if (e?.code && first.startsWith(e.code)) return first;
  return e?.code ? `${e.code}: ${first}` : first;
}
