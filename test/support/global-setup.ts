import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratedSnapshot, migratedTemplate } from './migrated.js';

/**
 * In CI the database tests must run against real Postgres, never fall back or skip: a missing or
 * unreachable TEST_DATABASE_URL fails the whole run before any test starts.
 * The migrations then run once here, and every test file starts from a copy (test/support/db.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (process.env.CI) throw new Error('CI is set but TEST_DATABASE_URL is not: the real-Postgres tests would not run');
    project.provide('pgliteSnapshot', await migratedSnapshot());
    project.provide('postgresTemplate', '');
    return async () => undefined;
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL does not answer: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const template = await migratedTemplate(url);
  project.provide('pgliteSnapshot', '');
  project.provide('postgresTemplate', template.name);
  return () => template.drop();
}
