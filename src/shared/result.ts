/**
 * The outcome of a use case: a value, or an expected failure. A failure is named by a stable `code`
 * and carries the data its words need (`{ code: 'amount.too_small'; min }`), typed per feature, so
 * whoever shows it switches on the code and reads typed fields. Bugs throw instead.
 */
export type Result<T, E extends Failure = Failure> = { ok: true; value: T } | { ok: false; error: E };

/** An expected failure: a code, and whatever data belongs to that code. */
export interface Failure<C extends string = string> {
  readonly code: C;
}

/** The failures of a list of codes that carry no data: `Coded<'a' | 'b'>` is `{ code: 'a' } | { code: 'b' }`. */
export type Coded<C extends string> = C extends string ? { readonly code: C } : never;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const err = <const E extends Failure>(error: E): { ok: false; error: E } => ({ ok: false, error });
