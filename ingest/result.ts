/** A stage's outcome: a value, or the reasons it could not produce one (a bad article never stops a batch). */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/** Wraps a value as a successful result. */
export const succeed = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps reasons as a failed result. */
export const fail = <T>(...issues: string[]): Result<T> => ({ ok: false, issues });
