/**
 * Runs before every test file: a test whose payloads broke a platform rule fails, with the rule and
 * the value, even when the bot coped with the refusal and the test's own assertions passed.
 */
import { afterEach } from 'vitest';
import { takeViolations } from './teams-conformance.js';

afterEach(() => {
  const found = takeViolations();
  if (found.length > 0) throw new Error(`The bot sent what the platform refuses or shows broken:\n- ${found.join('\n- ')}`);
});
