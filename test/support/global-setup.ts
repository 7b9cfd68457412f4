import pg from 'pg';

/**
 * In CI the database tests must run against real Postgres, never fall back or skip: a missing or
 * unreachable TEST_DATABASE_URL fails the whole run before any test starts.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (process.env.CI) throw new Error('CI is set but TEST_DATABASE_URL is not: the real-Postgres tests would not run');
    return;
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
}
