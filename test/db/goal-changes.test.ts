/**
 * HR's change of the goal on real Postgres: the change, its record (who, when, from what to what) and
 * the silent claims of the milestones it leaves behind commit together, or nothing does.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../adapters/config.js';
import { buildDeps } from '../../adapters/main.js';
import { goalForm, goalVerb } from '../../src/chat/campaigns/goal.js';
import { actorFor, requireHr, type HrActor } from '../../src/chat/actor.js';
import { plainText } from '../../src/chat/text.js';
import { ManualClock } from '../../src/shared/clock.js';
import { minor } from '../../src/shared/money.js';
import { createStores } from '../../db/stores.js';
import { secondHandle, testDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
const clock = new ManualClock(new Date('2026-11-27T11:00:00Z'));
const deps = () => buildDeps(loadConfig({ DEFAULT_LOCALE: 'fr' }), db, clock);

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => db?.drop());

/** HR on Slack; who may be HR is checked elsewhere (test/unit/admins): here the actor says so. */
async function hr(): Promise<HrActor> {
  const actor = await actorFor(deps(), { platform: 'slack', tenantId: 'T0HOME', userId: 'UHR', locale: 'fr' });
  const checked = await requireHr({ ...actor, isAdmin: async () => true });
  if (!checked) throw new Error('UHR is not HR');
  return checked;
}

/** A running campaign with 6,000 MAD pledged against a 10,000 MAD goal (25 % and 50 % crossed, not yet claimed). */
async function campaignWithPledges() {
  const d = deps();
  await sql`delete from campaigns`.execute(db.db);
  const campaign = await d.campaigns.create({
    name: 'Caravane 2026',
    currency: 'MAD',
    goalMinor: minor(1_000_000),
    startsOn: '2026-11-15',
    endsOn: '2026-12-15',
  });
  await sql`update campaign_totals set pledged_minor = 600000 where campaign_id = ${campaign.id} and shard = 0`.execute(db.db);
  return campaign;
}

const history = (campaignId: string) =>
  db.db
    .selectFrom('campaign_goal_changes')
    .select(['old_goal_minor', 'new_goal_minor', 'changed_by', 'changed_at'])
    .where('campaign_id', '=', campaignId)
    .execute();
const claims = async (campaignId: string) =>
  (await db.db.selectFrom('milestone_claims').select('milestone_key').where('campaign_id', '=', campaignId).orderBy('milestone_key').execute()).map(
    (r) => r.milestone_key,
  );
const goalOf = async (campaignId: string) =>
  (await db.db.selectFrom('campaigns').select('goal_minor').where('id', '=', campaignId).executeTakeFirstOrThrow()).goal_minor;

describe(`HR's change of goal, on ${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}`, () => {
  it('is recorded with who changed it and when, claims the milestones now passed, and the goal form tells it', async () => {
    const campaign = await campaignWithPledges();
    const reply = await goalVerb(deps(), await hr(), '8 000');
    expect(reply).toMatchObject({ kind: 'message', tone: 'ok' });
    expect(await goalOf(campaign.id)).toBe(800_000);
    expect(await history(campaign.id)).toEqual([
      { old_goal_minor: 1_000_000, new_goal_minor: 800_000, changed_by: 'slack:UHR', changed_at: new Date('2026-11-27T11:00:00Z') },
    ]);
    // 6,000 pledged is past 25 % and 50 % of 8,000 (2,000 and 4,000), not 75 % (6,000 is exactly it: reached too).
    expect(await claims(campaign.id)).toEqual(['pct:25', 'pct:50', 'pct:75']);
    const form = await goalForm(deps(), await hr());
    expect(plainText(form.kind === 'form' ? form.intro : '')).toContain('Objectif changé par slack:UHR le 27 novembre 2026 (de 10 000 MAD à 8 000 MAD).');
    // Once the bot knows HR's name (their profile looked up), the form names them.
    await deps().people.resolve({ platform: 'slack', tenantId: 'T0HOME', userId: 'UHR', displayName: 'Amina (RH)' });
    const named = await goalForm(deps(), await hr());
    expect(plainText(named.kind === 'form' ? named.intro : '')).toContain('Objectif changé par Amina (RH) le 27 novembre 2026');
  });

  it('a claim that fails takes the goal change and its record back with it', async () => {
    const campaign = await campaignWithPledges();
    await sql`create function refuse_claims() returns trigger language plpgsql as $$ begin raise exception 'claims refused'; end $$`.execute(db.db);
    await sql`create trigger refuse_claims before insert on milestone_claims for each row execute function refuse_claims()`.execute(db.db);
    try {
      await expect(goalVerb(deps(), await hr(), '8 000')).rejects.toThrow(/claims refused/);
    } finally {
      await sql`drop trigger refuse_claims on milestone_claims`.execute(db.db);
      await sql`drop function refuse_claims()`.execute(db.db);
    }
    expect(await goalOf(campaign.id)).toBe(1_000_000);
    expect(await history(campaign.id)).toEqual([]);
    expect(await claims(campaign.id)).toEqual([]);
    const form = await goalForm(deps(), await hr());
    expect(form.kind === 'form' ? form.intro : '').not.toContain('changé');
  });

  it('lets pledges on another instance go on while the change is under way', async () => {
    if (db.kind !== 'postgres') return; // one embedded database has one connection: nothing runs beside the change
    const campaign = await campaignWithPledges();
    const other = await secondHandle(db);
    try {
      const stores = createStores(other.db);
      const giver = await stores.people.resolve({ platform: 'slack', tenantId: 'T0HOME', userId: 'UGIVER' });
      let inside!: () => void;
      const entered = new Promise<void>((resolve) => (inside = resolve));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // The change stops inside its transaction (the campaign row locked, its goal written) until released.
      const change = deps().campaigns.changeGoal(
        campaign.id,
        { goalMinor: minor(900_000), endsOn: campaign.endsOn, by: 'slack:UHR', at: clock.now() },
        async () => {
          inside();
          await held;
        },
      );
      await entered;
      const pledge = stores.pledges.record({
        campaignId: campaign.id,
        personId: giver.id,
        amountMinor: minor(50_000),
        anonymous: false,
        note: null,
        source: 'slack',
        idempotencyKey: null,
      });
      let timer: NodeJS.Timeout | undefined;
      const answer = await Promise.race([pledge.then(() => 'recorded'), new Promise((resolve) => (timer = setTimeout(resolve, 2_000, 'waited')))]);
      clearTimeout(timer);
      release();
      const changed = await change;
      await pledge;
      expect(answer).toBe('recorded');
      expect(changed?.before.goalMinor).toBe(1_000_000);
      expect(await goalOf(campaign.id)).toBe(900_000);
    } finally {
      await other.close();
    }
  });
});
