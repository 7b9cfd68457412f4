/**
 * A French- and an English-speaking person open every Teams form over real HTTP (pledge, sign-up,
 * HR's trip form) and send an empty one back, against the strict fake connector: each card is
 * entirely in the person's language, and what comes back explains itself in that language too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { executeInvoke, person, postActivity } from '../support/teams-activities.js';
import { cardTexts, teamsForm, type Card } from '../support/volunteer-forms.js';
import { trip } from '../support/volunteers.js';

const invokeCard = z.object({ type: z.string(), value: z.custom<Card>((v) => typeof v === 'object' && v !== null) });

let t: TestBot;
let connector: FakeConnector;
const FR = person('lang-fr');
const EN = person('lang-en');

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestBot({ env: { DEFAULT_LOCALE: 'fr', ADMINS: `teams:${FR.aadObjectId},teams:${EN.aadObjectId}` }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  await trip(t.bot.deps);
  // Announcements need a campaign channel to go to.
  await t.bot.deps.messaging.channels.add({ destination: { platform: 'slack', channelId: 'C111' }, kind: 'channel', addedBy: 'slack:UHR' });
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});

/** Every word a person reads on the card: texts, labels, titles, placeholders, button titles, error messages. */
function words(card: Card | null): string {
  return (
    JSON.stringify(card ?? {})
      .match(/"(text|label|title|placeholder|errorMessage)":"[^"]*"/g)
      ?.join('\n') ?? ''
  );
}

describe.each([
  {
    who: FR,
    locale: 'fr-FR',
    other: /\b(the|your|Pledge|Phone|Seats|Submit|Send|Write)\b/,
    pledge: 'pledge',
    expect: { pledge: 'Montant', signup: 'Téléphone', trip: 'places', announce: 'Envoyer maintenant' },
    empty: { announce: 'Écrivez le message à annoncer' },
  },
  {
    who: EN,
    locale: 'en-US',
    other: /\b(le|la|les|votre|Montant|Téléphone|places|Envoyer|Écrivez)\b/,
    pledge: 'pledge',
    expect: { pledge: 'Amount', signup: 'Mobile phone', trip: 'Seats', announce: 'Send now' },
    empty: { announce: 'Write the message to announce' },
  },
])('Teams forms for a person speaking $locale', ({ who, locale, other, pledge, expect: labels, empty }) => {
  it.each([
    ['pledge', pledge],
    ['signup', 'volunteer'],
    ['trip', 'caravan trip'],
    ['announce', 'caravan announce'],
  ] as const)('%s: the card is in the person’s language, and an empty submission explains itself in it', async (form, command) => {
    const { card } = await teamsForm(t, connector, who, command, locale);
    expect(card).not.toBeNull();
    const seen = words(card);
    expect(seen).toContain(labels[form]);
    expect(seen).not.toMatch(other);
    const res = await postActivity(t.url, executeInvoke(connector.url, who, { ...(card?.actions?.[0]?.data ?? {}) }, { locale }));
    expect(res.status).toBe(200);
    const answer = invokeCard.parse(res.body);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardTexts(answer.value).join('\n')).not.toMatch(other);
    if (form === 'announce') expect(cardTexts(answer.value).join('\n')).toContain(empty.announce);
  });
});
