/**
 * Runs before every test file: a test that made the bot send Slack (or answer Slack with) a payload
 * breaking a documented rule fails, even when its own assertions passed.
 */
import { afterAll, afterEach, expect } from 'vitest';
import { describeViolations, takeViolations } from './violations.js';

function assertNone(): void {
  const found = takeViolations();
  expect(found, `the bot sent Slack payloads that break its rules:\n${describeViolations(found)}`).toEqual([]);
}

afterEach(assertNone);
afterAll(assertNone);
