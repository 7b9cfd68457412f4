import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
  await seedCampaign(t.bot);
});
afterAll(async () => t?.close());

async function command(command: string, text: string, opts: Parameters<typeof slashCommandBody>[2] = {}) {
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(command, text, opts) });
  const raw = await res.text();
  return { status: res.status, body: raw ? (JSON.parse(raw) as { text: string; response_type?: string; blocks?: unknown[] }) : null };
}

describe('/pledge over Slack HTTP', () => {
  it('records "1 500,50 MAD", repeats it as understood, and moves the public totals by 150050', async () => {
    const before = await currentCampaign(t.url);
    const res = await command('/pledge', '1 500,50 MAD');
    expect(res.status).toBe(200);
    expect(res.body?.response_type).toBe('ephemeral');
    expect(res.body?.text).toContain('1 500,50');
    expect(res.body?.text).toMatch(/▓|░/);
    const after = await currentCampaign(t.url);
    expect(Number(after.body.campaign.pledgedMinor) - Number(before.body.campaign.pledgedMinor)).toBe(150050);
  });
});
