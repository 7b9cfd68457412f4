/** A use case's answer: a value, or an expected failure that carries its own data (`{ code, … }`). */
export type Outcome<T, E extends { code: string }> = { ok: true; value: T } | { ok: false; error: E };

export const done = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends { code: string }>(error: E): { ok: false; error: E } => ({ ok: false, error });
