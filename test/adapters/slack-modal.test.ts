import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCampaign, seedCampaign, startTestBot, type TestBot } from '../support/bot.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from '../support/slack-sign.js';
import { viewSubmission } from '../support/slack-view-submission.js';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  await seedCampaign(t.bot);
});
afterAll(async () => t?.close());

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{ block_id?: string; type: string }>;
}

/** Opens the form with `/pledge` and returns what the bot asked Slack to show. */
async function openForm(user: string): Promise<OpenedView> {
  const triggerId = `trigger-${user}-${Date.now()}`;
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody('/pledge', '', { user, triggerId, channel: 'CFORM' }) });
  expect(res.status).toBe(200);
  for (let i = 0; i < 50 && !t.slack.callsTo('views.open').some((c) => c.form.trigger_id === triggerId); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const call = t.slack.callsTo('views.open').find((c) => c.form.trigger_id === triggerId);
  expect(call).toBeDefined();
  return call?.form.view as OpenedView;
}

/** The fixture's view_submission, carrying our view and what the person typed. */
function submission(view: OpenedView, user: string, viewId: string, amount: string, opts: { anonymous?: boolean; note?: string } = {}) {
  return viewSubmission(view, user, viewId, {
    amount: { type: 'plain_text_input', value: amount },
    anonymous: { type: 'checkboxes', selected_options: opts.anonymous ? [{ value: 'anonymous' }] : [] },
    note: { type: 'plain_text_input', value: opts.note ?? null },
  });
}

async function submit(payload: unknown) {
  const res = await postToSlackEndpoint(t.url, { body: payloadBody(payload) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

describe('the pledge form (Slack modal)', () => {
  it('opens from /pledge with amount, anonymous and note fields', async () => {
    const view = await openForm('UFORM1');
    expect(view.callback_id).toBe('pledge_form');
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(['amount', 'anonymous', 'note']);
  });

  it('shows a bad amount on the amount field and records nothing', async () => {
    const view = await openForm('UFORM2');
    const before = (await currentCampaign(t.url)).body.campaign.pledges;
    const res = await submit(submission(view, 'UFORM2', 'VBAD', 'beaucoup'));
    expect(res.status).toBe(200);
    expect(res.body?.response_action).toBe('errors');
    expect((res.body?.errors as Record<string, string>).amount).toContain('pas compris le montant');
    const tooLong = await submit(submission(view, 'UFORM2', 'VBAD', '100', { note: 'x'.repeat(281) }));
    expect((tooLong.body?.errors as Record<string, string>).note).toContain('280');
    expect((await currentCampaign(t.url)).body.campaign.pledges).toBe(before);
  });

  it('records a valid submission once, even when Slack delivers it twice, and confirms privately', async () => {
    const view = await openForm('UFORM3');
    const before = await currentCampaign(t.url);
    const payload = submission(view, 'UFORM3', 'VTWICE', '2 000,50', { anonymous: true, note: 'Pour les enfants' });
    const first = await submit(payload);
    const second = await submit(payload);
    expect(first.status).toBe(200);
    expect(first.body).toBeNull();
    expect(second.status).toBe(200);
    const after = await currentCampaign(t.url);
    expect(Number(after.body.campaign.pledges) - Number(before.body.campaign.pledges)).toBe(1);
    expect(Number(after.body.campaign.pledgedMinor) - Number(before.body.campaign.pledgedMinor)).toBe(200050);
    for (let i = 0; i < 50 && t.slack.callsTo('chat.postEphemeral').filter((c) => c.form.user === 'UFORM3').length < 1; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const confirmation = t.slack.callsTo('chat.postEphemeral').find((c) => c.form.user === 'UFORM3');
    expect(confirmation?.form.channel).toBe('CFORM');
    expect(String(confirmation?.form.text)).toContain('2 000,50 MAD');
  });
});
