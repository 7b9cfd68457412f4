import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signUp } from '../../src/volunteers/signups.service.js';
import { createTrip } from '../../src/volunteers/trips.service.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import type { ScriptedAnswer, SlackCall } from '../support/fake-slack.js';
import { deliverAll, runOnce, undelivered } from '../support/outbox.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { CHANNEL, channelMessage, person, postActivity } from '../support/teams-activities.js';

let t: TestBot;
let connector: FakeConnector;
const HR_TEAMS = person('hr');
/** How the fake Slack answers chat.postMessage in the current test (undefined: normally). */
let slackRule: ((call: SlackCall) => ScriptedAnswer | undefined) | undefined;

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}`, DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  t.slack.script('chat.postMessage', (call) => slackRule?.(call));
});
beforeEach(() => {
  slackRule = undefined;
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

async function caravan(text: string, opts: Parameters<typeof slashCommandBody>[2] = {}) {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', text, { user: 'UHR', ...opts }) });
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw ? ((JSON.parse(raw) as { text?: string }).text ?? '') : '';
}

const outboxRows = async () => (await sql<{ n: number }>`select count(*)::int as n from outbox_targets`.execute(t.bot.database.db)).rows[0]?.n ?? 0;
const postsTo = (channel: string) => t.slack.posted.filter((p) => p.channel === channel);

describe('campaign channels and HR announcements, Slack and Teams', () => {
  it('HR makes Slack and Teams channels campaign channels; a second time changes nothing', async () => {
    expect(await caravan('channel', { channel: 'CANN1' })).toContain('canal de la campagne');
    expect(await caravan('channel', { channel: 'CANN2' })).toContain('canal de la campagne');
    expect(await caravan('channel', { channel: 'CANN2' })).toContain('déjà');
    const teams = await postActivity(t.url, channelMessage(connector.url, HR_TEAMS, '<at>Caravane</at> caravan channel'));
    expect(teams.status).toBe(200);
    expect(String(connector.sent().at(-1)?.body?.text)).toContain('campaign channel');
    const list = await caravan('channels');
    expect(list).toContain('<#CANN1>');
    expect(list).toContain('<#CANN2>');
    expect(list).toContain('Teams 6848…9aa7');
    expect(list).not.toContain('@thread');
  });

  it('refuses a direct message as a campaign channel, politely, and lists nothing new', async () => {
    expect(await caravan('channel', { channel: 'DHR' })).toContain('pas en message privé');
    expect(await caravan('channels')).not.toContain('DHR');
  });

  it('someone who is not HR cannot add channels or announce: refused, nothing queued, nothing sent', async () => {
    const rowsBefore = await outboxRows();
    const postsBefore = t.slack.posted.length;
    expect(await caravan('channel', { user: 'UNOBODY', channel: 'CSNEAKY' })).toContain('réservée à l’équipe RH');
    expect(await caravan('announce Tout le monde en pause !', { user: 'UNOBODY', channel: 'CANN1' })).toContain('réservée à l’équipe RH');
    expect(await caravan('announce status', { user: 'UNOBODY' })).toContain('réservée à l’équipe RH');
    await deliverAll(t.bot, t.clock);
    expect(await outboxRows()).toBe(rowsBefore);
    expect(t.slack.posted.length).toBe(postsBefore);
    expect(await caravan('channels')).not.toContain('CSNEAKY');
  });

  it('an announcement reaches every Slack and Teams campaign channel exactly once', async () => {
    const teamsBefore = connector.sent(CHANNEL).length;
    const answer = await caravan('announce Départ de la caravane samedi à 8 h !');
    expect(answer).toContain('3 canaux');
    await deliverAll(t.bot, t.clock);
    for (const channel of ['CANN1', 'CANN2']) {
      const posts = postsTo(channel).filter((p) => p.text.includes('Départ de la caravane'));
      expect(posts).toHaveLength(1);
      expect(posts[0]?.text).toContain('Annonce de l’équipe RH');
    }
    const teamsPosts = connector.sent(CHANNEL).slice(teamsBefore);
    expect(teamsPosts).toHaveLength(1);
    expect(String(teamsPosts[0]?.body?.text)).toContain('Départ de la caravane samedi');
  });

  it('a redelivered announce command (same trigger id) goes out once', async () => {
    const triggerId = 'trigger-announce-once';
    await caravan('announce Une seule fois', { triggerId });
    expect(await caravan('announce Une seule fois', { triggerId })).toContain('ne partira qu’une fois');
    await deliverAll(t.bot, t.clock);
    expect(postsTo('CANN1').filter((p) => p.text.includes('Une seule fois'))).toHaveLength(1);
  });

  it('Slack and Teams answering 429 with Retry-After: 1 on the first call for each channel: every channel posted once', async () => {
    const throttled = new Set<string>();
    slackRule = (call) => {
      const channel = String(call.form.channel);
      if (throttled.has(channel)) return undefined;
      throttled.add(channel);
      return { status: 429, retryAfter: 1 };
    };
    const teamsAccepted: string[] = [];
    connector.respond((call) => {
      if (call.method !== 'POST' || !String(call.body?.text ?? '').includes('Après la limite')) return undefined;
      if (!throttled.has(CHANNEL)) {
        throttled.add(CHANNEL);
        return { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'Throttled', message: 'slow down' } } };
      }
      teamsAccepted.push(String(call.conversationId));
      return undefined;
    });
    await caravan('announce Après la limite');
    const startedAt = t.clock.now().getTime();
    await deliverAll(t.bot, t.clock, { stepMs: 250 });
    connector.respond(null);
    expect(throttled).toEqual(new Set(['CANN1', 'CANN2', CHANNEL]));
    expect(teamsAccepted).toEqual([CHANNEL]);
    expect(connector.sent(CHANNEL).filter((c) => String(c.body?.text).includes('Après la limite'))).toHaveLength(2);
    for (const channel of ['CANN1', 'CANN2']) {
      const calls = t.slack.callsTo('chat.postMessage').filter((c) => c.form.channel === channel && String(c.form.text).includes('Après la limite'));
      expect(calls).toHaveLength(2);
      expect(postsTo(channel).filter((p) => p.text.includes('Après la limite'))).toHaveLength(1);
    }
    // The retry waited for Retry-After on the bot's clock.
    expect(t.clock.now().getTime() - startedAt).toBeGreaterThanOrEqual(1000);
    expect(await undelivered(t.bot)).toBe(0);
  });

  it('with +bénévoles it also reaches each confirmed volunteer privately, never the waitlist', async () => {
    const trip = await createTrip(
      t.bot.deps,
      { console: true },
      {
        name: 'Tinghir',
        startsOn: '2026-12-05',
        endsOn: '2026-12-06',
        seats: 1,
        roles: [],
        meetingPoint: 'Gare routière',
        meetingTime: '06:45',
        deadline: null,
      },
    );
    if (!trip.ok) throw new Error(trip.error.code);
    const form = { tripId: trip.value.id, roleKey: null, phone: '+212612345678', emergencyName: 'Fatima', emergencyPhone: '+212711223344', notes: null };
    for (const user of ['UVOL1', 'UVOL2']) {
      const who = await t.bot.deps.people.resolve({ platform: 'slack', tenantId: 'T111', userId: user, displayName: user });
      await signUp(t.bot.deps, who.id, form, 'slack', null);
    }
    const answer = await caravan('announce +bénévoles Rendez-vous à 6 h 30');
    expect(answer).toContain('3 canaux de la campagne et 1 bénévole confirmé en message privé');
    await deliverAll(t.bot, t.clock);
    expect(postsTo('UVOL1').filter((p) => p.text.includes('Rendez-vous à 6 h 30'))).toHaveLength(1);
    expect(postsTo('UVOL2')).toHaveLength(0);
    expect(postsTo('CANN1').filter((p) => p.text.includes('Rendez-vous à 6 h 30'))).toHaveLength(1);
  });

  it('announce status shows HR the counts and why a channel failed', async () => {
    await caravan('channel', { channel: 'CGONE' });
    slackRule = (call) => (call.form.channel === 'CGONE' ? { body: { ok: false, error: 'channel_not_found' } } : undefined);
    await caravan('announce Bilan de la semaine');
    await deliverAll(t.bot, t.clock);
    const status = await caravan('announce status');
    expect(status).toContain('Derniers envois');
    expect(status).toContain('Bilan de la semaine');
    expect(status).toMatch(/3 envoyé\(s\) · 0 en attente · 1 en échec/);
    expect(status).toContain('canal introuvable');
    expect(status).toContain('<#CGONE>');
    await caravan('channel off', { channel: 'CGONE' });
    expect(await caravan('channels')).not.toContain('CGONE');
  });

  it('an announcement scheduled with `at` waits for its time, then goes out', async () => {
    const day = '2026-11-28';
    const answer = await caravan(`announce at ${day} 09:30 Rendez-vous au parking`);
    expect(answer).toContain('programmée');
    await runOnce(t.bot);
    expect(postsTo('CANN1').filter((p) => p.text.includes('Rendez-vous au parking'))).toHaveLength(0);
    expect(await caravan('announce status')).toContain('programmé pour');
    t.clock.set(new Date(`${day}T08:30:00Z`)); // 09:30 in Casablanca (UTC+1)
    await deliverAll(t.bot, t.clock);
    expect(postsTo('CANN1').filter((p) => p.text.includes('Rendez-vous au parking'))).toHaveLength(1);
  });

  it('bad input gets a clear message and sends nothing', async () => {
    const before = await outboxRows();
    expect(await caravan('announce')).toBeDefined(); // Slack opens the form instead (see the modal test)
    expect(await caravan('announce at 2026-13-45 10:00 Texte')).toContain('Je n’ai pas compris la date');
    expect(await caravan('announce at 2020-01-01 10:00 Texte')).toContain('déjà passé');
    expect(await caravan(`announce ${'x'.repeat(2001)}`)).toContain('2000 caractères');
    expect(await caravan('channel maybe')).toContain('channel off');
    expect(await outboxRows()).toBe(before);
  });
});
