import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../src/volunteers/signups.service.js';
import { createTrip } from '../../src/volunteers/trips.service.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { secondHandle, testDatabase, type TestDatabase } from '../support/db.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { deliverAll } from '../support/outbox.js';
import { person } from '../support/teams-activities.js';
import { submitTeamsSignup, teamsForm } from '../support/volunteer-forms.js';

let db: TestDatabase;
let slack: FakeSlack;
let connector: FakeConnector;
let one: TestBot;
let two: TestBot;
const bots: TestBot[] = [];
const TEAMS_VOLUNTEER = person('rem2');
let teamsChat = '';

/** A second bot instance on the same database (its own pool on Postgres), sharing the fake platforms. */
async function instance(): Promise<TestBot> {
  const handle = bots.length === 0 ? db : await secondHandle(db);
  const database: TestDatabase = handle === db ? db : { ...handle, kind: db.kind, url: db.url, drop: () => handle.close() };
  const bot = await startTestBot({ database, slack, env: { DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  bots.push(bot);
  return bot;
}

beforeAll(async () => {
  db = await testDatabase();
  slack = await startFakeSlack();
  connector = await startFakeConnector();
  one = await instance();
  two = await instance();
  await seedCampaign(one.bot);
  const trip = await createTrip(
    one.bot.deps,
    { console: true },
    {
      name: 'Tinghir',
      startsOn: '2026-12-05',
      endsOn: '2026-12-06',
      seats: 2,
      roles: [{ name: 'Premiers secours', seats: 1 }],
      meetingPoint: 'Gare routière',
      meetingTime: '06:45',
      deadline: null,
    },
  );
  if (!trip.ok) throw new Error(trip.error.code);
  const slackPerson = await one.bot.deps.people.resolve({ platform: 'slack', tenantId: 'T111', userId: 'UREM1', displayName: 'Amina' });
  const form = { tripId: trip.value.id, phone: '+212612345678', emergencyName: 'Fatima', emergencyPhone: '+212711223344', notes: null };
  await signUp(one.bot.deps, slackPerson.id, { ...form, roleKey: 'premiers-secours' }, 'slack', null);
  const opened = await teamsForm(two, connector, TEAMS_VOLUNTEER);
  teamsChat = opened.conversationId;
  await submitTeamsSignup(two, connector, TEAMS_VOLUNTEER, opened.card!, {
    choice: `${trip.value.id}:*`,
    phone: '0712345678',
    emergencyName: 'Omar',
    emergencyPhone: '0611223344',
    rules: true,
  });
  const waiting = await one.bot.deps.people.resolve({ platform: 'slack', tenantId: 'T111', userId: 'UREM3', displayName: 'Karim' });
  await signUp(one.bot.deps, waiting.id, { ...form, roleKey: null }, 'slack', null);
});
afterAll(async () => {
  for (const bot of bots.reverse()) await bot.close();
  await slack?.close();
  await connector?.close();
  await db?.drop();
});

const setClocks = (iso: string) => bots.forEach((b) => b.clock.set(new Date(iso)));
const slackReminders = (user: string, words: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.form.channel === user && String(c.form.text).includes(words));
const teamsReminders = (words: string) => connector.sent(teamsChat).filter((c) => String(c.body?.text).includes(words));

async function everyInstanceRuns() {
  const runs = await Promise.all(bots.flatMap((b) => [b.bot.volunteerJobs.reminders(), b.bot.volunteerJobs.reminders()]));
  for (const b of bots) await deliverAll(b.bot, b.clock);
  return runs.reduce((sum, r) => sum + r.queued, 0);
}

describe('trip reminders with two bot instances on one database', () => {
  it('sends nothing before 09:00 campaign time on the day', async () => {
    setClocks('2026-11-28T07:59:00Z'); // 08:59 in Casablanca (UTC+1)
    expect(await everyInstanceRuns()).toBe(0);
    expect(slackReminders('UREM1', 'La caravane')).toHaveLength(0);
  });

  it('J-7 at 09:00: each confirmed volunteer gets one DM with meeting point, time and role, on their platform; the waitlisted none', async () => {
    setClocks('2026-11-28T08:00:00Z');
    expect(await everyInstanceRuns()).toBe(2);
    const [slackDm] = slackReminders('UREM1', 'dans 7 jours');
    expect(slackReminders('UREM1', 'dans 7 jours')).toHaveLength(1);
    expect(String(slackDm?.form.text)).toContain('Gare routière, à 06:45');
    expect(String(slackDm?.form.text)).toContain('rôle : Premiers secours');
    expect(teamsReminders('dans 7 jours')).toHaveLength(1);
    expect(String(teamsReminders('dans 7 jours')[0]?.body?.text)).toContain('rôle : là où vous serez utile.');
    expect(slackReminders('UREM3', 'La caravane')).toHaveLength(0);
  });

  it('a restarted instance later that day sends nothing again', async () => {
    const restarted = await instance();
    setClocks('2026-11-28T15:00:00Z');
    expect((await restarted.bot.volunteerJobs.reminders()).queued).toBe(0);
    expect(await everyInstanceRuns()).toBe(0);
    expect(slackReminders('UREM1', 'dans 7 jours')).toHaveLength(1);
    expect(teamsReminders('dans 7 jours')).toHaveLength(1);
  });

  it('J-1 at 09:00: one more DM each, "tomorrow"', async () => {
    setClocks('2026-12-04T08:00:00Z');
    expect(await everyInstanceRuns()).toBe(2);
    expect(slackReminders('UREM1', 'part demain')).toHaveLength(1);
    expect(teamsReminders('part demain')).toHaveLength(1);
  });
});
