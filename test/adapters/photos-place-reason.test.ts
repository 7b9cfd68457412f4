/**
 * A place and a rejection's reason read exactly as typed, like a caption: `>` stays `>` (no
 * look-alike), and `*…*`, `<!channel>` or `[…](…)` in HR's reason is never bold, a mention or a link
 * in the uploader's notice, on Slack or on Teams.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { phoneJpeg } from '../support/images.js';
import { deliverUntil } from '../support/outbox.js';
import { until } from '../support/photos.js';
import { tempDataDir } from '../support/photos.js';
import { blocksText, buttonValue, click, shareJpeg, submitReason } from '../support/slack-photos.js';
import { payloadBody, postToSlackEndpoint } from '../support/slack-sign.js';
import { executeInvoke, person, personalMessage, postActivity } from '../support/teams-activities.js';
import { slackShows, teamsShows } from '../support/shown.js';

const PLACE = "Tizi n'Test > Imlil";
const REASON = '*flou* <!channel> [ici](https://x.y)';

let t: TestBot;
let connector: FakeConnector;
let dataDir: string;
const HR = person('place-hr');
const UPLOADER = person('place-up');

beforeAll(async () => {
  dataDir = await tempDataDir();
  connector = await startFakeConnector();
  t = await startTestBot({ env: { ADMINS: `slack:UHR,teams:${HR.aadObjectId}`, DATA_DIR: dataDir }, outbox: { autostart: false } });
  await seedCampaign(t.bot);
  t.slack.users.set('U1', { locale: 'fr-FR', name: 'Youssef' });
  t.slack.users.set('UHR', { locale: 'fr-FR', name: 'Hanae' });
  connector.attachments.set('IMGPLACE', { body: await phoneJpeg(640, 480), contentType: 'image/jpeg' });
  await postActivity(t.url, personalMessage(connector.url, HR, 'caravan help'));
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every `text` string in a Slack message's blocks or a Teams activity, in order. */
function textsIn(node: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object')
      for (const [k, v] of Object.entries(n)) {
        if (k === 'text' && typeof v === 'string') out.push(v);
        else walk(v);
      }
  };
  walk(node);
  return out.join('\n');
}
const personal = (who: { aadObjectId: string }) => `a:personal-${who.aadObjectId}`;
const lastTo = (who: { aadObjectId: string }) => JSON.stringify(connector.sent(personal(who)).at(-1)?.body ?? {});
const lastBody = (who: { aadObjectId: string }) => connector.sent(personal(who)).at(-1)?.body;
const invoke = (who: typeof HR, data: Record<string, unknown>) => postActivity(t.url, executeInvoke(connector.url, who, data));

describe('a place and a reason show as typed', () => {
  it('on Slack: the place in HR’s review, the reason in the uploader’s notice', async () => {
    const batchId = buttonValue(await shareJpeg(t, 'U1', 'FPLACE', await phoneJpeg(640, 480)), 'photos.consent');
    const payload = {
      type: 'block_actions',
      user: { id: 'U1', team_id: 'T111' },
      team: { id: 'T111' },
      api_app_id: 'A111',
      trigger_id: 'trig.place',
      container: { type: 'message', channel_id: 'DU1', message_ts: '17.1' },
      state: { values: { 'photos.place': { value: { type: 'plain_text_input', value: PLACE } } } },
      actions: [{ action_id: 'photos.consent', block_id: 'b', value: batchId, type: 'button', action_ts: '1' }],
    };
    expect((await postToSlackEndpoint(t.url, { body: payloadBody(payload) })).status).toBe(200);
    const review = () => t.slack.callsTo('chat.postMessage').find((c) => c.form.channel === 'DUHR' && blocksText(c).includes(`"value":"${batchId}"`));
    await deliverUntil(t.bot, t.clock, () => review() !== undefined, 'the review message');
    expect(slackShows(textsIn(review()?.form.blocks))).toContain(PLACE);

    await click(t, 'UHR', 'photos.reject', batchId);
    await until(() => t.slack.callsTo('views.open').length > 0, 'the reason form');
    await submitReason(t, 'UHR', REASON);
    const notice = () => t.slack.callsTo('chat.postMessage').find((c) => c.form.channel === 'U1' && blocksText(c).includes('flou'));
    await deliverUntil(t.bot, t.clock, () => notice() !== undefined, 'the rejection notice');
    const mrkdwn = textsIn(notice()?.form.blocks);
    expect(slackShows(mrkdwn)).toContain(`Motif : ${REASON}`);
    expect(mrkdwn).not.toContain('<!channel>');
    expect(mrkdwn).not.toContain('*flou*');
    expect(mrkdwn).not.toContain('<https://x.y');
  });

  it('on Teams: the place in HR’s review card, the reason in the uploader’s notice', async () => {
    const message = personalMessage(connector.url, UPLOADER, '', {
      id: 'upload-place',
      attachments: [{ contentType: 'image/*', contentUrl: `${connector.url}v3/attachments/IMGPLACE/views/original` }],
    });
    expect((await postActivity(t.url, message)).status).toBe(200);
    const batch = Number(/"caravane":"photos.consent","batch":(\d+)/.exec(lastTo(UPLOADER))?.[1]);
    expect(batch).toBeGreaterThan(0);
    const before = connector.sent(personal(HR)).length;
    expect(JSON.stringify((await invoke(UPLOADER, { caravane: 'photos.consent', batch, caption: '', place: PLACE })).body)).toContain('gone to the HR team');
    await deliverUntil(t.bot, t.clock, () => connector.sent(personal(HR)).length > before, 'the review card');
    expect(teamsShows(textsIn(lastBody(HR)))).toContain(PLACE);

    await invoke(HR, { caravane: 'photos.reject', batch, reason: REASON });
    await deliverUntil(t.bot, t.clock, () => lastTo(UPLOADER).includes('flou'), 'the rejection notice');
    const texts = textsIn(lastBody(UPLOADER));
    expect(teamsShows(texts)).toContain(`Reason: ${REASON}`);
    expect(texts).not.toContain('*flou*');
    expect(texts).not.toContain('[ici](');
  });
});
