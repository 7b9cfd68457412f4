import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => t?.close());

describe('public HTTP endpoints', () => {
  it('says ok on /healthz while the database answers', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 404 on /api/campaigns/current before any campaign exists', async () => {
    expect((await fetch(`${t.url}/api/campaigns/current`)).status).toBe(404);
  });

  it('shows the contract’s shape with totals, and no personal data', async () => {
    await seedCampaign(t.bot);
    await postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', '500 anonyme Fatima Zahra 0612345678', { user: 'UPRIVATE' }) });
    const { status, body } = await currentCampaign(t.url);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['campaign', 'volunteers']);
    expect(Object.keys(body.campaign).sort()).toEqual(
      ['collectedMinor', 'currency', 'donors', 'endsOn', 'goalMinor', 'id', 'name', 'pledgedMinor', 'pledges', 'startsOn'].sort(),
    );
    expect(body.campaign).toMatchObject({
      currency: 'MAD',
      goalMinor: 15_000_000,
      pledgedMinor: 50_000,
      donors: 1,
      pledges: 1,
      startsOn: '2026-11-15',
      endsOn: '2026-12-15',
    });
    const raw = JSON.stringify(body);
    expect(raw).not.toContain('UPRIVATE');
    expect(raw).not.toContain('0612345678');
    expect(raw).not.toContain('Fatima');
  });

  it('keeps showing the campaign that just ended (thank-you period)', async () => {
    t.clock.set(new Date('2026-12-20T10:00:00Z'));
    const { status, body } = await currentCampaign(t.url);
    expect(status).toBe(200);
    expect(body.campaign.endsOn).toBe('2026-12-15');
    t.clock.set(new Date('2026-11-27T11:00:00Z'));
  });

  it('answers unknown paths with 404 JSON', async () => {
    const res = await fetch(`${t.url}/nope`);
    expect(res.status).toBe(404);
  });

  it('says 503 on /healthz when the database is gone', async () => {
    await t.db.close();
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(503);
  });
});
