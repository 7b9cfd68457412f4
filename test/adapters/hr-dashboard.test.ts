import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { channelMessage, person, personalMessage, postActivity } from '../support/teams-activities.js';
import { cookieOf, csrfIn, postForm, redeem, signIn, signInPath, slackCommand } from '../support/hr.js';

let t: TestBot;
let connector: FakeConnector;
const HR_TEAMS = person('hr');

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}`, DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  await t.bot.deps.admins.add('slack', 'UHR2', 'test');
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

const page = (path: string, cookie = '') => fetch(`${t.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
const pledge = (user: string, text: string) => slackCommand(t.url, '/pledge', text, user);

describe('HR dashboard sign-in', () => {
  it('gives HR a one-time link that opens a session, and nobody else a link', async () => {
    const answer = await slackCommand(t.url, '/caravan', 'dashboard', 'UHR');
    const path = signInPath(answer);
    expect(path).not.toBeNull();
    expect(answer).toContain('15 minutes');
    const refused = await slackCommand(t.url, '/caravan', 'dashboard', 'UNOBODY');
    expect(signInPath(refused)).toBeNull();
    expect(refused).toContain('réservée');

    // Opening the link only shows the button: a link previewer spends nothing.
    const confirm = await page(path ?? '');
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('Me connecter');

    const first = await redeem(t.url, path ?? '');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/hr');
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=28800/);
    expect(setCookie).toMatch(/Path=\/hr/);
    const overview = await page('/hr', cookieOf(first));
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain('Caravane 2026');

    const again = await redeem(t.url, path ?? '');
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('déjà servi');
  });

  it('on Teams gives the link only in the 1:1 chat, never in a channel others read', async () => {
    expect((await postActivity(t.url, channelMessage(connector.url, HR_TEAMS, '<at>Caravane</at> caravan dashboard'))).status).toBe(200);
    const inChannel = String(connector.sent().at(-1)?.body?.text);
    expect(signInPath(inChannel)).toBeNull();
    expect(inChannel).toContain('private chat');
    expect((await postActivity(t.url, personalMessage(connector.url, HR_TEAMS, 'caravan dashboard'))).status).toBe(200);
    const direct = String(connector.sent().at(-1)?.body?.text);
    const path = signInPath(direct);
    expect(path).not.toBeNull();
    expect((await redeem(t.url, path ?? '')).status).toBe(303);
  });

  it('a link older than 15 minutes no longer signs in', async () => {
    const path = signInPath(await slackCommand(t.url, '/caravan', 'dashboard', 'UHR'));
    t.clock.advance(15 * 60 * 1000 + 1000);
    const late = await redeem(t.url, path ?? '');
    expect(late.status).toBe(403);
    expect(late.headers.get('set-cookie')).toBeNull();
  });

  it('shows no data without a session, with a forged cookie, or after the session expires', async () => {
    await pledge('UDONOR1', '1234');
    for (const cookie of ['', 'caravane_hr=forged', `caravane_hr=${'A'.repeat(43)}`]) {
      for (const path of ['/hr', '/hr/pledges', '/hr/pledges.csv', '/hr/trips', '/hr/payments']) {
        const res = await page(path, cookie);
        const html = await res.text();
        expect(res.status).toBe(200);
        expect(html).toContain('caravan dashboard');
        expect(html).not.toContain('Caravane 2026');
        expect(html).not.toContain('1 234');
      }
    }
    const cookie = await signIn(t.url, 'UHR');
    expect(await (await page('/hr/pledges', cookie)).text()).toContain('1 234');
    t.clock.advance(8 * 60 * 60 * 1000 + 1000);
    expect(await (await page('/hr/pledges', cookie)).text()).not.toContain('1 234');
  });

  it('a person removed from HR loses the session at the next request', async () => {
    const cookie = await signIn(t.url, 'UHR2');
    expect((await page('/hr', cookie)).status).toBe(200);
    await sql`delete from admins where user_id = 'UHR2'`.execute(t.bot.database.db);
    const after = await page('/hr', cookie);
    expect(after.status).toBe(403);
    const html = await after.text();
    expect(html).toContain('réservé');
    expect(html).not.toContain('Caravane 2026');
    // Even were they made HR again, that session stays revoked.
    await t.bot.deps.admins.add('slack', 'UHR2', 'test');
    expect(await (await page('/hr', cookie)).text()).not.toContain('Caravane 2026');
  });

  it('signs out with the form, and the cookie opens nothing afterwards', async () => {
    const cookie = await signIn(t.url, 'UHR');
    const csrf = csrfIn(await (await page('/hr', cookie)).text());
    const out = await postForm(t.url, '/hr/signout', cookie, [['_csrf', csrf]]);
    expect(out.status).toBe(200);
    expect(await (await page('/hr', cookie)).text()).not.toContain('Caravane 2026');
  });
});

describe('HR dashboard pledges', () => {
  it('refuses a change without the CSRF token, and changes nothing', async () => {
    const id = Number(/n° (\d+)/.exec(await pledge('UDONOR2', '300'))?.[1]);
    const cookie = await signIn(t.url, 'UHR');
    for (const fields of [
      [['one', String(id)]],
      [
        ['one', String(id)],
        ['_csrf', 'nope'],
      ],
    ] as Array<Array<[string, string]>>) {
      const res = await postForm(t.url, '/hr/pledges/collect', cookie, fields);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('expiré');
    }
    expect((await t.bot.deps.pledges.get(id))?.status).toBe('pledged');
  });

  it('marks pledges collected in bulk through the same rule as the chat command', async () => {
    const a = Number(/n° (\d+)/.exec(await pledge('UDONOR3', '500'))?.[1]);
    const b = Number(/n° (\d+)/.exec(await pledge('UDONOR4', '700'))?.[1]);
    const cookie = await signIn(t.url, 'UHR');
    const csrf = csrfIn(await (await page('/hr/pledges', cookie)).text());
    const before = await t.bot.deps.campaigns.totals((await t.bot.deps.pledges.get(a))?.campaignId ?? '');
    const res = await postForm(t.url, '/hr/pledges/collect', cookie, [
      ['_csrf', csrf],
      ['ids', String(a)],
      ['ids', String(b)],
    ]);
    expect(res.status).toBe(303);
    const after = await page(res.headers.get('location') ?? '', cookie);
    expect(await after.text()).toContain('2 promesses marquées collectées');
    expect((await t.bot.deps.pledges.get(a))?.status).toBe('collected');
    expect((await t.bot.deps.pledges.get(b))?.status).toBe('collected');
    const totals = await t.bot.deps.campaigns.totals((await t.bot.deps.pledges.get(a))?.campaignId ?? '');
    expect(totals.collectedMinor - before.collectedMinor).toBe(120_000);

    // Again: the chat's rule answers "already collected", and nothing moves.
    const twice = await postForm(t.url, '/hr/pledges/collect', cookie, [
      ['_csrf', csrf],
      ['one', String(a)],
    ]);
    const html = await (await page(twice.headers.get('location') ?? '', cookie)).text();
    expect(html).toContain(`0 promesse marquée collectée`);
    expect(html).toMatch(/déjà/);
  });
});

describe('HR dashboard payments import', () => {
  it('previews matches and mismatches without changing anything, then collects only the matches', async () => {
    const a = Number(/n° (\d+)/.exec(await pledge('UPAY1', '400'))?.[1]);
    const b = Number(/n° (\d+)/.exec(await pledge('UPAY2', '900'))?.[1]);
    const cookie = await signIn(t.url, 'UHR');
    const csrf = csrfIn(await (await page('/hr/payments', cookie)).text());
    const csv = `pledge,amount\n${a},400\n${b},850\n999999,100\nnot a line\n`;
    const preview = await postForm(t.url, '/hr/payments/preview', cookie, [
      ['_csrf', csrf],
      ['csv', csv],
    ]);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('rien n’a encore changé');
    expect(html).toContain('correspond');
    expect(html).toContain('montant différent (promis : 900 MAD)');
    expect(html).toContain('promesse inconnue');
    expect(html).toContain('ligne illisible');
    expect(html).toContain('Marquer 1 promesse collectée');
    expect((await t.bot.deps.pledges.get(a))?.status).toBe('pledged');
    expect((await t.bot.deps.pledges.get(b))?.status).toBe('pledged');

    const refused = await postForm(t.url, '/hr/payments/confirm', cookie, [['csv', csv]]);
    expect(refused.status).toBe(403);
    expect((await t.bot.deps.pledges.get(a))?.status).toBe('pledged');

    const confirmed = await postForm(t.url, '/hr/payments/confirm', cookie, [
      ['_csrf', csrf],
      ['csv', csv],
    ]);
    expect(confirmed.status).toBe(303);
    expect((await t.bot.deps.pledges.get(a))?.status).toBe('collected');
    expect((await t.bot.deps.pledges.get(b))?.status).toBe('pledged');
  });

  it('says politely what is wrong with a file that is not a payments CSV', async () => {
    const cookie = await signIn(t.url, 'UHR');
    const csrf = csrfIn(await (await page('/hr/payments', cookie)).text());
    const res = await postForm(t.url, '/hr/payments/preview', cookie, [
      ['_csrf', csrf],
      ['csv', 'id;montant\n1;2'],
    ]);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('La première ligne doit être');
  });
});

describe('HR dashboard announcements', () => {
  it('previews without sending, then sends through the same use case as /caravan announce', async () => {
    await slackCommand(t.url, '/caravan', 'channel', 'UHR');
    const targets = async () => (await sql<{ n: number }>`select count(*)::int as n from outbox_targets`.execute(t.bot.database.db)).rows[0]?.n ?? 0;
    const before = await targets();
    const cookie = await signIn(t.url, 'UHR');
    const form = await (await page('/hr/announcements', cookie)).text();
    const csrf = csrfIn(form);
    const key = /name="key" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const fields = (action: string): Array<[string, string]> => [
      ['_csrf', csrf],
      ['key', key],
      ['text', 'Départ samedi à *8 h* <b>!</b>'],
      ['action', action],
    ];
    const preview = await postForm(t.url, '/hr/announcements', cookie, fields('preview'));
    const html = await preview.text();
    expect(html).toContain('Annonce de l’équipe RH');
    // HR's bold is shown as the channels will show it, anything else HR typed as text.
    expect(html).toContain('Départ samedi à <strong>8 h</strong> &lt;b&gt;!&lt;/b&gt;');
    expect(await targets()).toBe(before);

    const sent = await postForm(t.url, '/hr/announcements', cookie, fields('send'));
    expect(sent.status).toBe(200);
    const said = await sent.text();
    expect(said).toContain('Annonce en route');
    expect(said).toContain('<code>/caravan announce status</code>');
    expect(await targets()).toBe(before + 1);
    // The delivery report: one list item per delivery, its lines inside it, and no empty item between two.
    const report = /<ul class="report">([\s\S]*?)<\/ul>/.exec(await (await page('/hr/announcements', cookie)).text())?.[1] ?? '';
    expect(report).toMatch(/^<li><strong>Annonce<\/strong> · [^<]*— « Départ samedi à \*8 h\* &lt;b&gt;!&lt;\/b&gt; »<br>\d+ envoyé/);
    expect(report).not.toMatch(/<li>\s*<\/li>/);
    // The same form sent twice (a double click) is one announcement.
    expect(await (await postForm(t.url, '/hr/announcements', cookie, fields('send'))).text()).toContain('déjà enregistrée');
    expect(await targets()).toBe(before + 1);
  });
});
