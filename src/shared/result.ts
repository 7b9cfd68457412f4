/** The outcome of a use case: a value, or an expected failure with a stable code. Bugs throw instead. */
export type Result<T, E extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: E; details?: Record<string, string | number> };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const err = <E extends string>(
  error: E,
  details?: Record<string, string | number>,
): { ok: false; error: E; details?: Record<string, string | number> } =>
  details === undefined ? { ok: false, error } : { ok: false, error, details };
