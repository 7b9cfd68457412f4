import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ env: { ADMINS: 'slack:UHR' } });
  t.slack.users.set('UENGLISH', { locale: 'en-US', name: 'Grace' });
  t.slack.users.set('UFRENCH', { locale: 'fr-FR', name: 'Amina' });
  await seedCampaign(t.bot);
});
afterAll(async () => t?.close());

async function command(name: string, text: string, opts: Parameters<typeof slashCommandBody>[2] = {}) {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(name, text, opts) });
  const raw = await res.text();
  return { status: res.status, body: raw ? (JSON.parse(raw) as { text: string; response_type?: string; blocks?: unknown[] }) : null };
}
const totals = async () => (await currentCampaign(t.url)).body.campaign;

describe('/pledge over Slack HTTP', () => {
  it('records "1 500,50 MAD", repeats it as understood, and moves the public totals by 150050', async () => {
    const before = await totals();
    const res = await command('/pledge', '1 500,50 MAD', { user: 'UFRENCH' });
    expect(res.status).toBe(200);
    expect(res.body?.response_type).toBe('ephemeral');
    expect(res.body?.text).toContain('1 500,50');
    expect(res.body?.text).toMatch(/▓|░/);
    expect(res.body?.text).toMatch(/\d+ %/);
    const after = await totals();
    expect(Number(after.pledgedMinor) - Number(before.pledgedMinor)).toBe(150050);
  });

  it('answers a newcomer in the default language without asking Slack first, then in English once the profile says so', async () => {
    const first = await command('/pledge', '2500', { user: 'UENGLISH' });
    expect(first.body?.text).toContain('2 500');
    expect(first.body?.text).not.toContain('Thank you');
    // The profile is looked up after the answer; the next command reads what the bot stored.
    await expect.poll(() => t.slack.callsTo('users.info').filter((c) => c.form.user === 'UENGLISH').length).toBe(1);
    const stored = () => t.bot.database.db.selectFrom('identities').select('locale').where('user_id', '=', 'UENGLISH').executeTakeFirst();
    await expect.poll(async () => (await stored())?.locale).toBe('en');
    const res = await command('/pledge', '2500', { user: 'UENGLISH' });
    expect(res.body?.text).toContain('Thank you! Your pledge of 2,500 MAD');
    expect(res.body?.text).toMatch(/pledged of a 150,000 MAD goal/);
    expect(t.slack.callsTo('users.info').filter((c) => c.form.user === 'UENGLISH')).toHaveLength(1);
  });

  it('treats two separate /pledge 500 commands as two pledges', async () => {
    const before = await totals();
    await command('/pledge', '500', { user: 'UTWICE' });
    await command('/pledge', '500', { user: 'UTWICE' });
    expect(Number((await totals()).pledges) - Number(before.pledges)).toBe(2);
  });

  it('records a redelivered command (same trigger id) only once', async () => {
    const before = await totals();
    const triggerId = '123.456.same-trigger';
    const first = await command('/pledge', '300', { user: 'URETRY', triggerId });
    const second = await command('/pledge', '300', { user: 'URETRY', triggerId });
    expect(first.body?.text).toContain('300');
    expect(second.body?.text).toMatch(/déjà enregistrée/);
    expect(Number((await totals()).pledges) - Number(before.pledges)).toBe(1);
  });

  it.each([
    ['0', 'supérieur à zéro'],
    ['-50', 'supérieur à zéro'],
    ['0,50', 'minimum'],
    ['200000', 'maximum'],
    ['cinq cents', 'pas compris le montant'],
    ['12,345', null],
  ])('refuses %j with a reason and records nothing', async (text, reason) => {
    const before = await totals();
    const res = await command('/pledge', text, { user: 'UREFUSE' });
    if (reason === null) {
      // 12,345 is twelve thousand: accepted and repeated as understood.
      expect(res.body?.text).toContain('12 345 MAD');
      return;
    }
    expect(res.body?.text).toContain(reason);
    expect((await totals()).pledges).toBe(before.pledges);
  });

  it('lists the caller’s pledges and cancels one, which leaves the totals', async () => {
    await command('/pledge', '700 anonyme pour Imlil', { user: 'ULIST' });
    const list = await command('/pledge', 'list', { user: 'ULIST' });
    const id = Number(/n° (\d+)/.exec(list.body?.text ?? '')?.[1]);
    expect(list.body?.text).toContain('700 MAD');
    expect(list.body?.text).toContain('anonyme');
    const before = await totals();
    const cancel = await command('/pledge', `cancel ${id}`, { user: 'ULIST' });
    expect(cancel.body?.text).toContain(`n° ${id}`);
    expect(cancel.body?.text).toContain('annulée');
    const after = await totals();
    expect(Number(before.pledgedMinor) - Number(after.pledgedMinor)).toBe(70000);
    const again = await command('/pledge', `cancel ${id}`, { user: 'ULIST' });
    expect(again.body?.text).toContain('déjà annulée');
  });

  it('does not let someone cancel another person’s pledge', async () => {
    await command('/pledge', '900', { user: 'UOWNER' });
    const list = await command('/pledge', 'list', { user: 'UOWNER' });
    const id = Number(/n° (\d+)/.exec(list.body?.text ?? '')?.[1]);
    const before = await totals();
    const res = await command('/pledge', `cancel ${id}`, { user: 'UTHIEF' });
    expect(res.body?.text).toContain('Je ne trouve aucune promesse');
    expect(await totals()).toEqual(before);
  });
});

describe('/caravan over Slack HTTP', () => {
  it('shows progress to anyone', async () => {
    const res = await command('/caravan', '', { user: 'UANYONE' });
    expect(res.body?.text).toContain('Caravane 2026');
    expect(res.body?.text).toMatch(/promis sur un objectif de 150 000 MAD/);
    expect(res.body?.text).toMatch(/jours restants/);
  });

  it('shows HR commands in help only to HR', async () => {
    const hr = await command('/caravan', 'help', { user: 'UHR' });
    const other = await command('/caravan', 'help', { user: 'UANYONE' });
    expect(hr.body?.text).toContain('/caravan collect N');
    expect(other.body?.text).not.toContain('/caravan collect');
    expect(other.body?.text).toContain('/pledge 500');
  });

  it('lets HR mark a pledge collected, and refuses everyone else', async () => {
    await command('/pledge', '1000', { user: 'UPAYER' });
    const list = await command('/pledge', 'list', { user: 'UPAYER' });
    const id = Number(/n° (\d+)/.exec(list.body?.text ?? '')?.[1]);
    const before = await totals();
    const refused = await command('/caravan', `collect ${id}`, { user: 'UPAYER' });
    expect(refused.body?.text).toContain('réservée');
    expect((await totals()).collectedMinor).toBe(before.collectedMinor);
    const done = await command('/caravan', `collect ${id}`, { user: 'UHR' });
    expect(done.body?.text).toContain('collectée');
    expect(Number((await totals()).collectedMinor) - Number(before.collectedMinor)).toBe(100000);
    const cancel = await command('/pledge', `cancel ${id}`, { user: 'UPAYER' });
    expect(cancel.body?.text).toContain('déjà été collectée');
  });

  it('answers an unknown verb with a pointer to help', async () => {
    const res = await command('/caravan', 'dance', { user: 'UANYONE' });
    expect(res.body?.text).toContain('/caravan help');
  });
});
