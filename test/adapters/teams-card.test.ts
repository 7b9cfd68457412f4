import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { executeInvoke, person, personalMessage, postActivity, submitMessage, type Person } from '../support/teams-activities.js';

let t: TestBot;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot();
  await seedCampaign(t.bot);
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

type Card = { body: Array<Record<string, unknown>>; actions?: Array<Record<string, unknown>> };
type Json = Record<string, unknown>;

const pledged = async () => Number((await currentCampaign(t.url)).body.campaign.pledgedMinor);

/** Types `pledge` and returns the card the bot answered with, and the data its button sends back. */
async function openForm(who: Person, locale = 'en-US') {
  await postActivity(t.url, personalMessage(connector.url, who, 'pledge', { locale }));
  const reply = connector.sent().at(-1);
  const attachment = (reply?.body?.attachments as Json[] | undefined)?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = attachment?.content as Card;
  const execute = card.actions?.[0] as Json;
  return { card, data: execute.data as Json, execute };
}

const texts = (card: Card) => card.body.filter((b) => b.type === 'TextBlock').map((b) => String(b.text));

describe('the Teams pledge card', () => {
  it('`pledge` alone answers an Adaptive Card with amount, anonymous and note inputs, Execute with a Submit fallback', async () => {
    const { card, execute } = await openForm(person(1));
    const inputs = card.body.filter((b) => String(b.type).startsWith('Input.')).map((b) => [b.type, b.id]);
    expect(inputs).toEqual([
      ['Input.Text', 'amount'],
      ['Input.Toggle', 'anonymous'],
      ['Input.Text', 'note'],
    ]);
    expect(execute).toMatchObject({ type: 'Action.Execute', verb: 'pledge.submit', fallback: { type: 'Action.Submit' } });
    expect(texts(card).join(' ')).toContain('Caravane 2026');
  });

  it('Action.Execute records the pledge, replaces the card with the receipt, and a redelivery records once', async () => {
    const who = person(2);
    const { data } = await openForm(who);
    const before = await pledged();
    const invoke = executeInvoke(connector.url, who, { ...data, amount: '1 250', anonymous: 'true', note: 'pour les enfants' });
    const res = await postActivity(t.url, invoke);
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: Card };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.body.some((b) => String(b.type).startsWith('Input.'))).toBe(false);
    expect(texts(body.value).join(' ')).toContain('1,250 MAD');
    expect(await pledged()).toBe(before + 125_000);

    const again = await postActivity(t.url, { ...invoke, id: 'f:another-delivery' });
    expect(texts((again.body as { value: Card }).value).join(' ')).toMatch(/already/);
    expect(await pledged()).toBe(before + 125_000);
  });

  it('a bad amount comes back as the same card, the error right under the amount, and nothing recorded', async () => {
    const who = person(3);
    const { data } = await openForm(who, 'fr-FR');
    const before = await pledged();
    const res = await postActivity(t.url, executeInvoke(connector.url, who, { ...data, amount: 'beaucoup', note: 'x' }, { locale: 'fr-FR' }));
    const card = (res.body as { value: Card }).value;
    const amountAt = card.body.findIndex((b) => b.id === 'amount');
    expect(card.body[amountAt]?.value).toBe('beaucoup');
    expect(card.body[amountAt + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(String(card.body[amountAt + 1]?.text)).toContain('beaucoup');
    expect((card.actions?.[0]?.data as Json).token).toBe(data.token);
    expect(await pledged()).toBe(before);
  });

  it('two people answering the same card (a channel) each pledge for themselves', async () => {
    const { data } = await openForm(person(4));
    const before = await pledged();
    await postActivity(t.url, executeInvoke(connector.url, person(4), { ...data, amount: '100' }));
    await postActivity(t.url, executeInvoke(connector.url, person(5), { ...data, amount: '100' }));
    expect(await pledged()).toBe(before + 20_000);
  });

  it('Action.Submit (a message with `value`) records the pledge and updates the card in place; a redelivery records once', async () => {
    const who = person(6);
    const { data } = await openForm(who);
    const cardMessage = connector.sent().at(-1);
    const before = await pledged();
    const submit = submitMessage(connector.url, who, { ...data, amount: '75', anonymous: 'false', note: '' }, 'card-message-1');
    expect((await postActivity(t.url, submit)).status).toBe(200);
    const update = connector.updated().at(-1);
    expect(update?.activityId).toBe('card-message-1');
    expect(update?.conversationId).toBe(cardMessage?.conversationId);
    const receipt = (update?.body?.attachments as Json[])[0]?.content as Card;
    expect(texts(receipt).join(' ')).toContain('75 MAD');
    await postActivity(t.url, { ...submit, id: 'redelivered' });
    expect(await pledged()).toBe(before + 7_500);
  });

  it('Action.Submit with a bad amount updates the card with the error and records nothing', async () => {
    const who = person(7);
    const { data } = await openForm(who);
    const before = await pledged();
    await postActivity(t.url, submitMessage(connector.url, who, { ...data, amount: '0' }, 'card-message-2'));
    const card = (connector.updated().at(-1)?.body?.attachments as Json[])[0]?.content as Card;
    expect(card.body.some((b) => b.id === 'amount')).toBe(true);
    expect(texts(card).join(' ')).toMatch(/more than zero/);
    expect(await pledged()).toBe(before);
  });

  it('a button from a card the bot does not know answers that it is no longer valid', async () => {
    const res = await postActivity(t.url, executeInvoke(connector.url, person(8), { feedback: 'test invokes' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(String((res.body as Json).value)).toMatch(/no longer valid/);
  });
});
