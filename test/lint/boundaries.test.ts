import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/boundaries/', import.meta.url));
const cli = `${root}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;

const Report = z.object({
  summary: z.object({
    error: z.number(),
    violations: z.array(z.object({ rule: z.object({ name: z.string() }), from: z.string(), to: z.string() })),
  }),
});

/** Runs the boundary check of `npm run lint` (the same config) over a folder laid out like the project. */
function depcruise(paths: string[], output: 'json' | 'err') {
  return spawnSync(process.execPath, [cli, ...paths, '--config', `${root}.dependency-cruiser.cjs`, '--output-type', output], {
    cwd: fixture,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function violations(paths: string[]): string[] {
  const report = Report.parse(JSON.parse(depcruise(paths, 'json').stdout));
  return report.summary.violations.map((v) => `${v.rule.name} ${v.from} -> ${v.to.replace(/^.*node_modules\//, 'npm:')}`).sort();
}

describe('the boundary check run by npm run lint', () => {
  it('fails on a type-only cycle, the core importing storage, an SDK or the file system, an adapter importing storage, and storage importing an adapter other than its ports', () => {
    expect(violations(['src', 'adapters', 'db'])).toEqual([
      'adapters-not-to-db adapters/slack/reads-db.ts -> db/rows.ts',
      'core-not-to-edges src/reads-db.ts -> db/rows.ts',
      'core-only-plain-packages src/uses-sdk.ts -> npm:kysely/dist/esm/index.js',
      'core-only-pure-builtins src/uses-fs.ts -> fs',
      'db-not-to-edges db/reads-root.ts -> adapters/main.ts',
      'no-circular src/ring-a.ts -> src/ring-b.ts',
    ]);
    // As lint runs it: the command fails, so CI does.
    const run = depcruise(['src', 'adapters', 'db'], 'err');
    expect(run.status).toBe(6);
    expect(run.stdout).toContain('6 dependency violations');
  });

  it('lets the composition root and the CLI import storage, storage implement an adapter’s port, and the core use zod and hashing', () => {
    // src/plain.ts follows into the ring, so the cycle is all that is left.
    expect(violations(['adapters/main.ts', 'adapters/cli', 'src/plain.ts', 'db/events.ts', 'db/rows.ts'])).toEqual([
      'no-circular src/ring-a.ts -> src/ring-b.ts',
    ]);
  });
});
