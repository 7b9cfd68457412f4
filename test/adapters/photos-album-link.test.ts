/**
 * The album post on Slack links to the gallery through a few words in the campaign's language: the
 * long signed address sits behind them and is never shown as text.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { phoneJpeg } from '../support/images.js';
import { deliverAll, deliverUntil } from '../support/outbox.js';
import { pathOf, tempDataDir, until } from '../support/photos.js';
import { blocksText, buttonValue, caravanDm, click, shareJpeg } from '../support/slack-photos.js';

/** What Slack shows of mrkdwn links: `<url|label>` reads as its label. */
const visible = (mrkdwn: string) => mrkdwn.replace(/<[^|>]+\|([^>]*)>/g, '$1');

describe.each([
  ['fr', 'Toutes les photos'],
  ['en', 'All the photos'],
] as const)('the album post on Slack, in %s', (locale, label) => {
  let t: TestBot;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    t = await startTestBot({ env: { ADMINS: 'slack:UHR', DATA_DIR: dataDir, DEFAULT_LOCALE: locale }, outbox: { autostart: false } });
    await seedCampaign(t.bot);
    t.slack.users.set('U1', { locale: 'fr-FR', name: 'Youssef' });
    t.slack.users.set('UHR', { locale: 'fr-FR', name: 'Hanae' });
    await t.bot.deps.messaging.channels.add({ destination: { platform: 'slack', channelId: 'CALBUM' }, kind: 'channel', addedBy: 'slack:UHR' });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('links to the gallery behind a short label, never the bare signed address', async () => {
    const batchId = buttonValue(await shareJpeg(t, 'U1', 'FLINK', await phoneJpeg(640, 480), 'Imlil'), 'photos.consent');
    await click(t, 'U1', 'photos.consent', batchId);
    await deliverUntil(
      t.bot,
      t.clock,
      () => t.slack.callsTo('chat.postMessage').some((c) => c.form.channel === 'DUHR' && blocksText(c).includes('photos.approve')),
      'the review message',
    );
    await click(t, 'UHR', 'photos.approve', batchId);
    await until(async () => (await t.bot.deps.photos?.store.getBatch(Number(batchId)))?.status === 'approved', 'the approval');
    await caravanDm(t, 'UHR', 'photos');
    await deliverAll(t.bot, t.clock);

    const comment = String(t.slack.callsTo('files.completeUploadExternal').find((c) => c.form.channel_id === 'CALBUM')?.form.initial_comment);
    const url = new RegExp(`<(http[^|>\\s]+/album/[^|>\\s]+)\\|${label}>`).exec(comment)?.[1] ?? '';
    expect(url).toMatch(/\?exp=\d+&sig=/);
    expect(visible(comment)).toContain(label);
    expect(visible(comment)).not.toContain('http');
    // The label opens the gallery.
    expect((await fetch(`${t.url}${pathOf(url)}`)).status).toBe(200);
  });
});
