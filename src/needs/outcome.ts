/** The needs feature's name for the one use-case answer of src/shared/result.ts. */
export type { Result as Outcome } from '../shared/result.js';
export { ok as done, err as fail } from '../shared/result.js';
