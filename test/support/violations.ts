/**
 * Platform rules broken during the current test. The fakes and the request helpers record here; the
 * shared afterEach (strict-setup.ts) fails the test that caused them, naming each rule and value.
 */
import type { Violation } from './block-kit-rules.js';

export interface Recorded extends Violation {
  /** What carried the payload: `chat.postMessage`, `slash command answer`, `view_submission answer`, … */
  where: string;
}

const recorded: Recorded[] = [];

export function recordViolations(where: string, found: readonly Violation[]): void {
  for (const v of found) recorded.push({ where, ...v });
}

/** Empties the record and returns what it held. */
export function takeViolations(): Recorded[] {
  return recorded.splice(0, recorded.length);
}

export function describeViolations(found: readonly Recorded[]): string {
  return found.map((v) => `${v.where}: ${v.rule} at ${v.at}: ${JSON.stringify(v.value)}`).join('\n');
}
