/**
 * Photo consent and HR's review on Teams, over HTTP, for an English- and a French-speaking person:
 * the consent card, the review card each HR person receives, and the answer the uploader gets after
 * an approval or a rejection with a reason are each in the language of whoever reads them.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { phoneJpeg } from '../support/images.js';
import { deliverAll } from '../support/outbox.js';
import { tempDataDir, until } from '../support/photos.js';
import { executeInvoke, person, personalMessage, postActivity, type Person } from '../support/teams-activities.js';

let t: TestBot;
let connector: FakeConnector;
let dataDir: string;
const EN = person('ph-lang-en');
const FR = person('ph-lang-fr');
const HR_EN = person('ph-lang-hr-en');
const HR_FR = person('ph-lang-hr-fr');
const LOCALE = new Map<Person, string>([
  [EN, 'en-US'],
  [FR, 'fr-FR'],
  [HR_EN, 'en-GB'],
  [HR_FR, 'fr-MA'],
]);

beforeAll(async () => {
  dataDir = await tempDataDir();
  connector = await startFakeConnector();
  connector.attachments.set('IMGLANG', { body: await phoneJpeg(600, 400), contentType: 'image/jpeg' });
  t = await startTestBot({
    env: { ADMINS: `teams:${HR_EN.aadObjectId},teams:${HR_FR.aadObjectId}`, DATA_DIR: dataDir, DEFAULT_LOCALE: 'fr' },
    outbox: { autostart: false },
  });
  await seedCampaign(t.bot);
  // Each person writes to the bot once: their language and their 1:1 chat are known from then on.
  for (const [who, locale] of LOCALE) expect((await postActivity(t.url, personalMessage(connector.url, who, 'caravan', { locale }))).status).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const chat = (who: Person) => `a:personal-${who.aadObjectId}`;
const sentTo = (who: Person) => connector.sent(chat(who)).map((c) => JSON.stringify(c.body ?? {}));
const invoke = async (who: Person, data: Record<string, unknown>) =>
  JSON.stringify((await postActivity(t.url, executeInvoke(connector.url, who, data, { locale: LOCALE.get(who) }))).body);

/** The newest card or message to `who` that satisfies `test`, running the outbox until it comes. */
async function awaitSent(who: Person, test: (s: string) => boolean, what: string): Promise<string> {
  await until(async () => {
    await deliverAll(t.bot, t.clock);
    return sentTo(who).some(test);
  }, what);
  return sentTo(who).filter(test).at(-1) ?? '';
}

let seq = 0;
/** A pasted photo in the 1:1 chat; returns the batch its consent card is about, and the card. */
async function share(who: Person): Promise<{ batch: number; card: string }> {
  const message = personalMessage(connector.url, who, '', {
    id: `lang-upload-${++seq}`,
    locale: LOCALE.get(who),
    attachments: [{ contentType: 'image/*', contentUrl: `${connector.url}v3/attachments/IMGLANG/views/original` }],
  });
  expect((await postActivity(t.url, message)).status).toBe(200);
  const card = sentTo(who).at(-1) ?? '';
  return { batch: Number(/"caravane":"photos.consent","batch":(\d+)/.exec(card)?.[1]), card };
}

describe.each([
  {
    lang: 'English',
    uploader: EN,
    hr: HR_EN,
    words: {
      consent: 'I confirm consent',
      consented: 'has gone to the HR team',
      approve: 'Approve',
      approved: 'Good news',
      rejected: 'did not keep your photo #',
      reason: 'Reason: ',
    },
    other: /\b(Valider|Refuser|Motif|votre|vos)\b/,
  },
  {
    lang: 'French',
    uploader: FR,
    hr: HR_FR,
    words: {
      consent: 'Je confirme le consentement',
      // One photo per upload here: the notices speak of that one photo.
      consented: 'est transmise à l’équipe RH',
      approve: 'Valider',
      approved: 'Bonne nouvelle',
      rejected: 'n’a pas retenu votre photo #',
      reason: 'Motif : ',
    },
    other: /\b(Approve|Reject|Reason|your)\b/,
  },
])('photo consent and review on Teams in $lang', ({ uploader, hr, words, other }) => {
  it('the consent card and its answer speak the uploader’s language; each HR person’s review card theirs; then the approval', async () => {
    const { batch, card } = await share(uploader);
    expect(batch).toBeGreaterThan(0);
    expect(card).toContain(words.consent);
    expect(card).not.toMatch(other);
    expect(await invoke(uploader, { caravane: 'photos.consent', batch, caption: '', place: '' })).toContain(words.consented);
    const review = (who: Person) => awaitSent(who, (s) => s.includes('photos.approve') && s.includes(`"batch":${batch}`), 'a review card');
    expect(await review(hr)).toContain(words.approve);
    expect(await review(HR_EN)).toContain('Approve');
    expect(await review(HR_FR)).toContain('Valider');
    await invoke(hr, { caravane: 'photos.approve', batch, reason: '' });
    expect(await awaitSent(uploader, (s) => s.includes('photos.withdraw'), 'the approval notice')).toContain(words.approved);
  });

  it('a rejection with the reason HR typed in the card reaches the uploader in their language', async () => {
    const { batch } = await share(uploader);
    await invoke(uploader, { caravane: 'photos.consent', batch, caption: '', place: '' });
    await awaitSent(hr, (s) => s.includes('photos.reject') && s.includes(`"batch":${batch}`), 'the review card');
    await invoke(hr, { caravane: 'photos.reject', batch, reason: 'Visage d’enfant / child’s face' });
    const told = await awaitSent(uploader, (s) => s.includes('child’s face'), 'the rejection notice');
    expect(told).toContain(words.rejected);
    expect(told).toContain(words.reason);
  });
});
