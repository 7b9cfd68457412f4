/**
 * Photo consent and HR's review on Slack, over HTTP, for an English- and a French-speaking person:
 * the consent prompt, the review each HR person receives, the reason form and the answer the
 * uploader gets are each in the language of whoever reads them.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { phoneJpeg } from '../support/images.js';
import { deliverAll } from '../support/outbox.js';
import { tempDataDir, until } from '../support/photos.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { click as clickInDm, shareJpeg } from '../support/slack-photos.js';

let t: TestBot;
let dataDir: string;
let photo: Buffer;

beforeAll(async () => {
  dataDir = await tempDataDir();
  photo = await phoneJpeg(600, 400);
  t = await startTestBot({ env: { ADMINS: 'slack:UHREN,slack:UHRFR', DATA_DIR: dataDir, DEFAULT_LOCALE: 'fr' }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  const people = [
    ['UEN', 'en-US', 'Emma'],
    ['UFR', 'fr-FR', 'Fatima'],
    ['UHREN', 'en-GB', 'Hannah'],
    ['UHRFR', 'fr-MA', 'Hanae'],
  ] as const;
  for (const [user, locale, name] of people) t.slack.users.set(user, { locale, name });
  // Each person says hello once, so the bot has read their Slack profile (and language) before the photos.
  for (const [user] of people) expect((await postToSlackEndpoint(t.url, { body: slashCommandBody('/caravan', '', { user }) })).status).toBe(200);
  const stored = (user: string) => t.bot.database.db.selectFrom('identities').select('locale').where('user_id', '=', user).executeTakeFirst();
  for (const [user, locale] of people) await until(async () => (await stored(user))?.locale === locale.slice(0, 2), `${user}'s profile stored`);
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Call = { form: Record<string, unknown> };
const shown = (call: Call | undefined) => JSON.stringify(call?.form.blocks ?? '') + String(call?.form.text ?? '');
/** The words a person reads in a message's blocks. */
const seen = (json: string) => [...json.matchAll(/"text":"([^"]*)"/g)].map((m) => m[1]).join('\n');
const toUser = (user: string) => t.slack.callsTo('chat.postMessage').filter((c) => c.form.channel === `D${user}` || c.form.channel === user);
let seq = 0;

/** Shares one photo in the bot's DM (fixture 06's shape); returns the batch number the consent prompt offers. */
async function share(user: string, text: string): Promise<{ batch: string; prompt: string }> {
  const prompt = shown(await shareJpeg(t, user, `FLANG${++seq}`, photo, text));
  return { batch: /"action_id":"photos.consent","text":\{[^}]*\},"value":"(\d+)"/.exec(prompt)?.[1] ?? '', prompt };
}

const click = (user: string, actionId: string, value: string) => clickInDm(t, user, actionId, value);

/** The newest message to `user` that satisfies `test`, waiting (and running the outbox) until it comes. */
async function awaitMessage(user: string, test: (text: string) => boolean, what: string): Promise<string> {
  await until(async () => {
    await deliverAll(t.bot, t.clock);
    return toUser(user).some((c) => test(shown(c)));
  }, what);
  return shown(
    toUser(user)
      .filter((c) => test(shown(c)))
      .at(-1),
  );
}

describe.each([
  {
    lang: 'English',
    uploader: 'UEN',
    hr: 'UHREN',
    words: {
      consent: 'I confirm consent',
      consented: 'Your photo #', // one photo: "Your photo #1 has gone", never "Your photos #1 have gone"
      consentedEnd: 'has gone to the HR team',
      approve: 'Approve',
      reject: 'Reject',
      reasonForm: 'Reject this upload',
      reasonLabel: 'Reason for rejecting',
      approved: 'Good news',
      rejected: 'The HR team did not keep your photo #',
      reason: 'Reason: ',
    },
    other: /\b(Je|Valider|Refuser|Motif|votre|vos)\b/,
  },
  {
    lang: 'French',
    uploader: 'UFR',
    hr: 'UHRFR',
    words: {
      consent: 'Je confirme le consentement',
      consented: 'Votre photo #',
      consentedEnd: 'est transmise à l’équipe RH',
      approve: 'Valider',
      reject: 'Refuser',
      reasonForm: 'Refuser cet envoi',
      reasonLabel: 'Motif du refus',
      approved: 'Bonne nouvelle',
      rejected: 'L’équipe RH n’a pas retenu votre photo #',
      reason: 'Motif : ',
    },
    other: /\b(Approve|Reject|Reason|your|the)\b/,
  },
])('photo consent and review on Slack in $lang', ({ uploader, hr, words, other }) => {
  it('the consent prompt and the thanks are in the uploader’s language; each HR person’s review in theirs', async () => {
    const { batch, prompt } = await share(uploader, 'Distribution à Anergui');
    expect(prompt).toContain(words.consent);
    expect(seen(prompt).replace('Distribution à Anergui', '')).not.toMatch(other);
    await click(uploader, 'photos.consent', batch);
    await until(
      () => t.slack.callsTo('chat.update').some((c) => shown(c).includes(words.consented) && shown(c).includes(words.consentedEnd)),
      'the consent thanks',
    );
    const reviewFor = (who: string) => awaitMessage(who, (s) => s.includes('photos.approve') && s.includes(`"value":"${batch}"`), `${who}'s review`);
    const mine = await reviewFor(hr);
    expect(mine).toContain(words.approve);
    expect(mine).toContain(words.reject);
    expect(await reviewFor('UHREN')).toContain('Approve');
    expect(await reviewFor('UHRFR')).toContain('Valider');
    await click(hr, 'photos.approve', batch);
    expect(await awaitMessage(uploader, (s) => s.includes('photos.withdraw'), 'the approval notice')).toContain(words.approved);
  });

  it('HR rejects with a reason typed in a form in HR’s language; the uploader reads it in theirs', async () => {
    const { batch } = await share(uploader, '');
    await click(uploader, 'photos.consent', batch);
    await awaitMessage(hr, (s) => s.includes('photos.reject') && s.includes(`"value":"${batch}"`), 'the review');
    const opened = t.slack.callsTo('views.open').length;
    await click(hr, 'photos.reject', batch);
    await until(() => t.slack.callsTo('views.open').length > opened, 'the reason form');
    const view = t.slack.callsTo('views.open').at(-1)?.form.view as { private_metadata: string; callback_id: string };
    expect(JSON.stringify(view)).toContain(words.reasonForm);
    expect(JSON.stringify(view)).toContain(words.reasonLabel);
    const submission = {
      type: 'view_submission',
      user: { id: hr, team_id: 'T111' },
      team: { id: 'T111' },
      api_app_id: 'A111',
      trigger_id: `x${batch}`,
      view: {
        id: `VLANG${batch}`,
        team_id: 'T111',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { 'photos.reason': { value: { type: 'plain_text_input', value: 'Visage d’enfant / child’s face' } } } },
      },
    };
    expect((await postToSlackEndpoint(t.url, { body: payloadBody(submission) })).status).toBe(200);
    const told = await awaitMessage(uploader, (s) => s.includes('child’s face'), 'the rejection notice');
    expect(told).toContain(words.rejected);
    expect(told).toContain(words.reason);
  });
});
