import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../src/volunteers/signups.service.js';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { csrfIn, postForm, signIn, slackCommand } from '../support/hr.js';
import { until } from '../support/photos.js';
import { person, trip } from '../support/volunteers.js';

let t: TestBot;
let azilal = 0;
let tinghir = 0;

beforeAll(async () => {
  t = await startTestBot({ env: { ADMINS: 'slack:UHR,slack:UHR2', DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  // A trip name with a comma and quotes, notes that a spreadsheet would run as a formula.
  azilal = (await trip(t.bot.deps, { name: 'Azilal, "haut Atlas"', seats: 2 })).id;
  tinghir = (await trip(t.bot.deps, { name: 'Tinghir', seats: 2, startsOn: '2026-12-19', endsOn: '2026-12-20' })).id;
  const cases: Array<[string, number, string | null]> = [
    ['UV1', azilal, '=HYPERLINK("http://evil.example/x","clic")'],
    ['UV2', azilal, 'Végétarienne, "sans gluten"'],
    ['UV3', tinghir, null],
  ];
  for (const [i, [user, tripId, notes]] of cases.entries()) {
    const p = await person(t.bot.deps, user);
    const done = await signUp(
      t.bot.deps,
      p.id,
      { tripId, roleKey: null, phone: `+21261234560${i}`, emergencyName: 'Fatima', emergencyPhone: '+212711223344', notes },
      'slack',
      null,
    );
    expect(done.ok).toBe(true);
  }
});
afterAll(async () => {
  await t?.close();
});

const page = (path: string, cookie = '') => fetch(`${t.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

/** The CSV `/caravan export volunteers [N]` sends HR in a direct message on Slack. */
async function chatExport(args: string): Promise<string> {
  const before = t.slack.callsTo('files.completeUploadExternal').length;
  expect(await slackCommand(t.url, '/caravan', `export volunteers ${args}`.trim(), 'UHR')).toContain('message privé');
  await until(() => t.slack.callsTo('files.completeUploadExternal').length > before, 'the file in HR’s direct messages');
  const files = t.slack.callsTo('files.completeUploadExternal').at(-1)?.form.files as Array<{ id: string }> | undefined;
  const body = t.slack.uploads.get(files?.[0]?.id ?? '')?.toString('utf8') ?? '';
  // The upload is multipart (filesUploadV2): the file is the one part's body.
  const boundary = body.slice(0, body.indexOf('\r\n'));
  return body.slice(body.indexOf('\r\n\r\n') + 4, body.lastIndexOf(`\r\n${boundary}--`));
}

describe('HR dashboard trips export', () => {
  it('the trips page offers the same CSV as the chat export, whole or trip by trip', async () => {
    const cookie = await signIn(t.url, 'UHR');
    const html = await (await page('/hr/trips', cookie)).text();
    expect(html).toContain('href="/hr/trips.csv"');
    expect(html).toContain(`href="/hr/trips/${azilal}.csv"`);
    expect(html).toContain('Exporter les bénévoles de « Azilal, &quot;haut Atlas&quot; » en CSV');

    const whole = await page('/hr/trips.csv', cookie);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(whole.headers.get('content-disposition')).toBe('attachment; filename="benevoles.csv"');
    expect(whole.headers.get('cache-control')).toContain('no-store');
    const csv = await whole.text();
    expect(csv).toBe(await chatExport(''));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'signup,trip,trip_name,starts_on,ends_on,role,status,waitlist_position,name,identities,phone,emergency_contact,emergency_phone,notes,signed_up_at',
    );
    expect(lines).toHaveLength(5); // header, three sign-ups, the final line break
    // Quoted as RFC 4180 says; the formula defused with a leading quote mark; phones kept readable.
    expect(csv).toContain(`,${azilal},"Azilal, ""haut Atlas""",`);
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example/x"",""clic"")",`);
    expect(csv).toContain(',"Végétarienne, ""sans gluten""",');
    expect(csv).toContain(',+212612345600,');

    const one = await page(`/hr/trips/${tinghir}.csv`, cookie);
    expect(one.headers.get('content-disposition')).toBe(`attachment; filename="benevoles-${tinghir}.csv"`);
    const oneCsv = await one.text();
    expect(oneCsv).toBe(await chatExport(String(tinghir)));
    expect(oneCsv.split('\r\n').filter((l) => l !== '')).toHaveLength(2);
    expect(oneCsv).toContain('UV3');
    expect(oneCsv).not.toContain('UV1');
  });

  it('an unknown trip gets a polite page, not a file', async () => {
    const cookie = await signIn(t.url, 'UHR');
    for (const path of ['/hr/trips/999999.csv', '/hr/trips/deux.csv']) {
      const res = await page(path, cookie);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).not.toContain('212612345600');
    }
    expect(await (await page('/hr/trips/999999.csv', cookie)).text()).toContain('999999');
  });

  it('gives no file without a session, with a forged cookie, or after signing out', async () => {
    for (const cookie of ['', 'caravane_hr=forged', `caravane_hr=${'A'.repeat(43)}`]) {
      for (const path of ['/hr/trips.csv', `/hr/trips/${azilal}.csv`]) {
        const res = await page(path, cookie);
        expect(res.headers.get('content-type')).toContain('text/html');
        const body = await res.text();
        expect(body).toContain('caravan dashboard');
        expect(body).not.toMatch(/212612345600|HYPERLINK|Fatima/);
      }
    }
    const cookie = await signIn(t.url, 'UHR');
    expect(await (await page('/hr/trips.csv', cookie)).text()).toContain('Fatima');
    const csrf = csrfIn(await (await page('/hr/trips', cookie)).text());
    expect((await postForm(t.url, '/hr/signout', cookie, [['_csrf', csrf]])).status).toBe(200);
    expect(await (await page('/hr/trips.csv', cookie)).text()).not.toContain('Fatima');
  });
});

describe('HR dashboard notices', () => {
  it('a crafted link cannot put words on HR’s pages', async () => {
    const cookie = await signIn(t.url, 'UHR');
    const forged = encodeURIComponent('Session expirée : reconnectez-vous sur https://evil.example');
    for (const path of [
      `/hr/trips?notice=${forged}`,
      `/hr/photos?notice=${forged}`,
      `/hr/pledges?collected=99&failed=${forged}`,
      `/hr/pledges?notice=${forged}`,
    ]) {
      const res = await page(path, cookie);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain('evil.example');
      expect(html).not.toContain('role="status"');
      expect(html).not.toContain('99 promesses');
    }
  });

  it('a page says what a change did once, on that page, in that session only', async () => {
    const cookie = await signIn(t.url, 'UHR');
    const other = await signIn(t.url, 'UHR2');
    const csrf = csrfIn(await (await page('/hr/trips', cookie)).text());
    const moved = await postForm(t.url, '/hr/trips/move', cookie, [
      ['_csrf', csrf],
      ['signup', '999999'],
      ['to', 'removed'],
    ]);
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe('/hr/trips');
    // Another HR person's page and another page of the same session do not show it.
    expect(await (await page('/hr/trips', other)).text()).not.toContain('role="status"');
    expect(await (await page('/hr/photos', cookie)).text()).not.toContain('role="status"');
    const shown = await (await page('/hr/trips', cookie)).text();
    expect(shown).toContain('role="status"');
    expect(shown).toContain('999999');
    expect(await (await page('/hr/trips', cookie)).text()).not.toContain('role="status"');

    // Left unread for more than five minutes (the redirect never followed), it is not shown later.
    await postForm(t.url, '/hr/trips/move', cookie, [
      ['_csrf', csrf],
      ['signup', 'x'],
      ['to', 'removed'],
    ]);
    t.clock.advance(6 * 60_000);
    expect(await (await page('/hr/trips', cookie)).text()).not.toContain('role="status"');
  });
});
