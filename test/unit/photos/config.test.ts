import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../adapters/config.js';

describe('PHOTO_MAX_MB', () => {
  it('is 15 MiB unless set, and read in whole megabytes', () => {
    expect(loadConfig({}).photoMaxBytes).toBe(15 * 1024 * 1024);
    expect(loadConfig({ PHOTO_MAX_MB: '25' }).photoMaxBytes).toBe(25 * 1024 * 1024);
  });

  it('refuses nonsense with one line naming it', () => {
    for (const bad of ['lots', '0', '2.5', '500']) {
      let problems: string[] = [];
      try {
        loadConfig({ PHOTO_MAX_MB: bad });
      } catch (error) {
        if (error instanceof ConfigError) problems = error.problems;
      }
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^PHOTO_MAX_MB: /);
    }
  });
});
