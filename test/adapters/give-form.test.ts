import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNeed, addSite } from '../../src/needs/needs.service.js';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { executeInvoke, person, personalMessage, postActivity, submitMessage } from '../support/teams-activities.js';

type TeamsCard = { body: Array<Record<string, unknown>>; actions?: Array<Record<string, unknown>> };

const fixture = JSON.parse(readFileSync('test/fixtures/slack/05-view-submission.payload.json', 'utf8')) as Record<string, unknown>;
const cli = { console: true } as const;
const HR_TEAMS = person(51);

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ env: { DEFAULT_LOCALE: 'fr', ADMINS: `slack:UHR,teams:${HR_TEAMS.aadObjectId}` }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  for (const name of ['Imzer', 'Ifrtan'])
    expect((await addSite(t.bot.deps.needs, cli, { name, place: null, beneficiaries: null, contact: null })).ok).toBe(true);
  for (const [site, quantity] of [
    ['Imzer', '10'],
    ['Ifrtan', '25'],
  ] as const) {
    expect((await addNeed(t.bot.deps.needs, cli, { site, item: 'couverture', size: '', quantity, unitPrice: '' })).ok).toBe(true);
  }
});
afterAll(async () => t?.close());

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{
    block_id?: string;
    type: string;
    element?: { type?: string; action_id?: string; options?: Array<{ text: { text: string }; value: string }> };
  }>;
}

async function openForm(user: string, command = '/give', text = ''): Promise<OpenedView> {
  const triggerId = `trigger-${user}-${Date.now()}`;
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(command, text, { user, triggerId }) });
  expect(res.status).toBe(200);
  for (let i = 0; i < 50 && !t.slack.callsTo('views.open').some((c) => c.form.trigger_id === triggerId); i++) await new Promise((r) => setTimeout(r, 20));
  const call = t.slack.callsTo('views.open').find((c) => c.form.trigger_id === triggerId);
  expect(call).toBeDefined();
  return call?.form.view as OpenedView;
}

async function submit(view: OpenedView, user: string, viewId: string, need: string | null, quantity: string) {
  return submitValues(view, user, viewId, {
    need: { value: { type: 'static_select', selected_option: need === null ? null : { value: need } } },
    quantity: { value: { type: 'plain_text_input', value: quantity } },
  });
}

async function submitValues(view: OpenedView, user: string, viewId: string, values: Record<string, unknown>) {
  const base = fixture.view as Record<string, unknown>;
  const payload = {
    ...fixture,
    user: { ...(fixture.user as object), id: user },
    view: {
      ...base,
      id: viewId,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values },
    },
  };
  const res = await postToSlackEndpoint(t.url, { body: payloadBody(payload) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const blankets = async () => ((await currentCampaign(t.url)).body as unknown as { needs: Array<{ site: string; pledged: number }> }).needs;

describe('the /give form (Slack modal)', () => {
  it('offers "where most needed" and each open need, with what is missing', async () => {
    const view = await openForm('UGIVE1');
    expect(view.callback_id).toBe('caravane_form:give');
    const options = view.blocks.find((b) => b.block_id === 'need')?.element?.options ?? [];
    expect(options.map((o) => o.text.text)).toEqual([
      'couvertures — là où il en manque le plus',
      'Ifrtan · couvertures — il en manque 25',
      'Imzer · couvertures — il en manque 10',
    ]);
  });

  it('shows errors on their fields and records nothing', async () => {
    const view = await openForm('UGIVE2');
    const res = await submit(view, 'UGIVE2', 'VGIVE2', null, 'trois');
    expect(res.body).toMatchObject({
      response_action: 'errors',
      errors: { need: 'Choisissez un article dans la liste.', quantity: expect.stringContaining('quantité entière') },
    });
    const tooMany = await submit(view, 'UGIVE2', 'VGIVE2b', 'need:1', '11');
    expect(tooMany.body).toMatchObject({ response_action: 'errors', errors: { quantity: expect.stringContaining('Il n’en manque plus que 10') } });
    expect((await blankets()).map((n) => n.pledged)).toEqual([0, 0]);
  });

  it('"where most needed" goes to the site missing the most; a redelivered submission records once', async () => {
    const view = await openForm('UGIVE3');
    const most = view.blocks.find((b) => b.block_id === 'need')?.element?.options?.[0]?.value ?? '';
    expect((await submit(view, 'UGIVE3', 'VGIVE3', most, '5')).status).toBe(200);
    expect((await submit(view, 'UGIVE3', 'VGIVE3', most, '5')).status).toBe(200);
    expect(await blankets()).toMatchObject([
      { site: 'Imzer', pledged: 0 },
      { site: 'Ifrtan', pledged: 5 },
    ]);
    const dm = t.slack.callsTo('chat.postMessage').filter((c) => c.form.channel === 'UGIVE3');
    expect(String(dm[0]?.form.text ?? JSON.stringify(dm[0]?.form))).toContain('5 couvertures pour Ifrtan');
  });
});

describe('the give form (Teams card)', () => {
  it('opens from `give`, shows errors under their fields, then records once and answers on the card', async () => {
    const connector = await startFakeConnector();
    try {
      const who = person(31);
      await postActivity(t.url, personalMessage(connector.url, who, 'donner', { locale: 'fr-FR' }));
      const attachment = (connector.sent().at(-1)?.body?.attachments as Array<{ content: TeamsCard }> | undefined)?.[0];
      const card = attachment?.content;
      expect(card?.body.filter((b) => String(b.type).startsWith('Input.')).map((b) => b.id)).toEqual(['need', 'quantity']);
      const data = (card?.actions?.[0] as { data: Record<string, unknown> } | undefined)?.data ?? {};
      const before = await blankets();

      const bad = await postActivity(t.url, executeInvoke(connector.url, who, { ...data, need: '', quantity: '0' }, { locale: 'fr-FR' }));
      const again = (bad.body as { value: TeamsCard }).value;
      expect(again.body.filter((b) => b.color === 'Attention').map((b) => String(b.text))).toEqual([
        'Choisissez un article dans la liste.',
        expect.stringContaining('quantité entière'),
      ]);
      expect(await blankets()).toEqual(before);

      const submit = executeInvoke(connector.url, who, { ...data, need: 'need:1', quantity: '2' }, { locale: 'fr-FR' });
      const done = (await postActivity(t.url, submit)).body as { value: TeamsCard };
      await postActivity(t.url, executeInvoke(connector.url, who, { ...data, need: 'need:1', quantity: '2' }));
      expect(done.value.body.map((b) => String(b.text)).join(' ')).toContain('2 couvertures pour Imzer');
      const after = await blankets();
      expect(after.find((n) => n.site === 'Imzer')?.pledged).toBe((before.find((n) => n.site === 'Imzer')?.pledged ?? 0) + 2);
    } finally {
      await connector.close();
    }
  });
});

describe('cards sent before the forms were registered', () => {
  it('a give card of the previous version, still in a chat, records the gift once; a need card refuses someone else', async () => {
    const connector = await startFakeConnector();
    try {
      const who = person(33);
      const before = await blankets();
      const old = { caravane: 'give.submit', token: 'card-of-last-week', need: 'need:1', quantity: '1' };
      const done = await postActivity(t.url, executeInvoke(connector.url, who, old, { locale: 'fr-FR' }));
      expect(JSON.stringify((done.body as { value: unknown }).value)).toContain('1 couverture pour Imzer');
      await postActivity(t.url, { ...submitMessage(connector.url, who, old, 'old-give-card'), locale: 'fr-FR' });
      const pledged = (await blankets()).find((n) => n.site === 'Imzer')?.pledged;
      expect(pledged).toBe((before.find((n) => n.site === 'Imzer')?.pledged ?? 0) + 1);
      const need = { caravane: 'need.save', token: 'card-of-last-week', site: 'Ancien', place: '', item: 'pulls', size: '', quantity: '3', unitPrice: '' };
      const refused = await postActivity(t.url, executeInvoke(connector.url, who, need, { locale: 'fr-FR' }));
      expect(JSON.stringify((refused.body as { value: unknown }).value)).toContain('réservée à l’équipe RH');
      expect((await blankets()).some((n) => n.site === 'Ancien')).toBe(false);
    } finally {
      await connector.close();
    }
  });
});

describe("HR's need form (Slack modal)", () => {
  const typed = (fields: Record<string, string>) =>
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: { type: 'plain_text_input', value: v } }]));

  it("is HR's only", async () => {
    const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', 'need', { user: 'UNOTHR' }) });
    expect(((await res.json()) as { text: string }).text).toContain('réservée à l’équipe RH');
  });

  it('creates a new site with its need; a bad size comes back on its field and stores nothing', async () => {
    const view = await openForm('UHR', '/caravan', 'besoin');
    expect(view.callback_id).toBe('caravane_form:need');
    const bad = await submitValues(
      view,
      'UHR',
      'VNEED1',
      typed({ site: 'Talamoussa', place: '', item: 'pulls', size: 'géant', quantity: '15', unitPrice: '' }),
    );
    expect(bad.body).toMatchObject({ response_action: 'errors', errors: { size: expect.stringContaining('taille') } });
    expect((await blankets()).some((n) => n.site === 'Talamoussa')).toBe(false);
    expect((await t.bot.deps.needs.store.sites((await currentCampaign(t.url)).body.campaign.id as string)).map((s) => s.name)).not.toContain('Talamoussa');
    const ok = await submitValues(
      view,
      'UHR',
      'VNEED2',
      typed({ site: 'Talamoussa', place: 'Sefrou', item: 'pulls', size: '10-12 ans', quantity: '15', unitPrice: '90' }),
    );
    expect(ok.status).toBe(200);
    expect(await blankets()).toContainEqual({ site: 'Talamoussa', item: 'pullover', label: 'pulls', size: '10-12', needed: 15, pledged: 0, received: 0 });
    const dm = t.slack
      .callsTo('chat.postMessage')
      .filter((c) => c.form.channel === 'UHR')
      .map((c) => JSON.stringify(c.form));
    expect(dm.join(' ')).toContain('Site « Talamoussa » créé.');
  });
});

describe("HR's need form (Teams card)", () => {
  it('shows a bad size under its field and stores nothing; a good one creates the site with its need', async () => {
    const connector = await startFakeConnector();
    try {
      await postActivity(t.url, personalMessage(connector.url, HR_TEAMS, 'caravane besoin', { locale: 'fr-FR' }));
      const card = (connector.sent().at(-1)?.body?.attachments as Array<{ content: TeamsCard }> | undefined)?.[0]?.content;
      expect(card?.body.filter((b) => String(b.type).startsWith('Input.')).map((b) => b.id)).toEqual([
        'site',
        'place',
        'item',
        'size',
        'quantity',
        'unitPrice',
      ]);
      const data = (card?.actions?.[0] as { data: Record<string, unknown> } | undefined)?.data ?? {};
      const values = { site: 'Tizi', place: '', item: 'pulls', quantity: '8', unitPrice: '' };
      const bad = await postActivity(t.url, executeInvoke(connector.url, HR_TEAMS, { ...data, ...values, size: 'géant' }, { locale: 'fr-FR' }));
      const again = (bad.body as { value: TeamsCard }).value;
      expect(again.body.filter((b) => b.color === 'Attention').map((b) => String(b.text))).toEqual([expect.stringContaining('taille')]);
      expect(again.body.find((b) => b.id === 'site')?.value).toBe('Tizi');
      expect((await blankets()).some((n) => n.site === 'Tizi')).toBe(false);
      const good = await postActivity(t.url, executeInvoke(connector.url, HR_TEAMS, { ...data, ...values, size: '10-12 ans' }, { locale: 'fr-FR' }));
      expect((good.body as { value: TeamsCard }).value.body.map((b) => String(b.text)).join(' ')).toContain('Site « Tizi » créé.');
      expect(await blankets()).toContainEqual(expect.objectContaining({ site: 'Tizi', size: '10-12', needed: 8 }));
    } finally {
      await connector.close();
    }
  });
});

describe('HR’s forms forged by someone who is not HR', () => {
  const NOT_HR_TEAMS = person(52);
  const forgedNeed = { site: 'Forgée', place: '', item: 'pulls', size: '', quantity: '5', unitPrice: '' };
  const typed = (fields: Record<string, string>) =>
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: { type: 'plain_text_input', value: v } }]));
  const sites = async () => (await t.bot.deps.needs.store.sites((await currentCampaign(t.url)).body.campaign.id as string)).map((s) => s.name);
  const goal = async () => (await currentCampaign(t.url)).body.campaign.goalMinor;

  it('a Slack view submission written by hand for the need or goal modal is refused on its first field and stores nothing', async () => {
    const [sitesBefore, goalBefore] = [await sites(), await goal()];
    const input = (id: string) => ({
      type: 'input',
      block_id: id,
      label: { type: 'plain_text', text: id },
      element: { type: 'plain_text_input', action_id: 'value' },
    });
    const forged = (form: string, locale: string): OpenedView => ({
      callback_id: `caravane_form:${form}`,
      private_metadata: JSON.stringify({ channel: null, locale }),
      blocks: (form === 'need' ? Object.keys(forgedNeed) : ['goal', 'endsOn']).map(input),
    });
    const need = await submitValues(forged('need', 'fr'), 'UNOTHR', 'VFORGED1', typed(forgedNeed));
    expect(need).toEqual({ status: 200, body: { response_action: 'errors', errors: { site: 'Cette commande est réservée à l’équipe RH de la caravane.' } } });
    const money = await submitValues(forged('goal', 'en'), 'UNOTHR', 'VFORGED2', typed({ goal: '1', endsOn: '' }));
    expect(money).toEqual({ status: 200, body: { response_action: 'errors', errors: { goal: 'This command is for the caravan’s HR team only.' } } });
    expect(await sites()).toEqual(sitesBefore);
    expect(await goal()).toBe(goalBefore);
    expect(t.slack.callsTo('chat.postMessage').filter((c) => c.form.channel === 'UNOTHR')).toEqual([]);
  });

  it('a Teams card made up by someone else, by Action.Execute or the Action.Submit fallback, is refused and stores nothing', async () => {
    const connector = await startFakeConnector();
    try {
      const [sitesBefore, goalBefore] = [await sites(), await goal()];
      const card = (form: string, values: Record<string, string>) => ({ caravane: 'form.submit', form, token: `forged-${form}-token`, ...values });
      const refused = (c: unknown) => JSON.stringify(c).includes('réservée à l’équipe RH');
      for (const [form, values] of [
        ['need', forgedNeed],
        ['goal', { goal: '1', endsOn: '' }],
      ] as const) {
        const executed = await postActivity(t.url, executeInvoke(connector.url, NOT_HR_TEAMS, card(form, values), { locale: 'fr-FR' }));
        expect(executed.status).toBe(200);
        expect(refused((executed.body as { value: TeamsCard }).value)).toBe(true);
        await postActivity(t.url, { ...submitMessage(connector.url, NOT_HR_TEAMS, card(form, values), `forged-${form}`), locale: 'fr-FR' });
        const answer = connector.updated().find((u) => u.activityId === `forged-${form}`) ?? connector.sent().at(-1);
        expect(refused(answer?.body)).toBe(true);
      }
      expect(await sites()).toEqual(sitesBefore);
      expect(await goal()).toBe(goalBefore);
    } finally {
      await connector.close();
    }
  });
});
