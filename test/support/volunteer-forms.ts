/**
 * Filling the volunteer forms the way people do: `/volunteer` then the Slack modal's submission
 * (shaped on fixture 05), or `volunteer` in Teams then the card's Action.Execute.
 */
import { expect } from 'vitest';
import type { TestBot } from './bot.js';
import type { FakeConnector } from './fake-connector.js';
import { payloadBody, postToSlackEndpoint, slashCommandBody } from './slack-sign.js';
import { viewSubmission } from './slack-view-submission.js';
import { executeInvoke, personalMessage, postActivity, type Person } from './teams-activities.js';

export interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{ block_id?: string; type: string; element?: Record<string, unknown> }>;
}

export interface SignupValues {
  choice: string;
  phone: string;
  emergencyName: string;
  emergencyPhone: string;
  notes?: string;
  rules: boolean;
}

const until = async (test: () => boolean) => {
  for (let i = 0; i < 100 && !test(); i++) await new Promise((r) => setTimeout(r, 20));
};

/** Runs a slash command and returns the views.open call it made (or the ephemeral text when none). */
export async function slashForm(t: TestBot, command: string, text: string, user: string, channel = 'CVOL') {
  const triggerId = `trigger-${user}-${Math.random().toString(16).slice(2)}`;
  const res = await postToSlackEndpoint(t.url, { body: slashCommandBody(command, text, { user, triggerId, channel }) });
  expect(res.status).toBe(200);
  const raw = await res.text();
  if (raw) return { view: null, text: String((JSON.parse(raw) as { text?: string }).text ?? '') };
  await until(() => t.slack.callsTo('views.open').some((c) => c.form.trigger_id === triggerId));
  const call = t.slack.callsTo('views.open').find((c) => c.form.trigger_id === triggerId);
  return { view: (call?.form.view ?? null) as OpenedView | null, text: '' };
}

/** The options a modal's first select offers (flattening option groups). */
export function selectOptions(view: OpenedView): Array<{ value: string; label: string }> {
  const element = view.blocks.find((b) => b.block_id === 'choice')?.element ?? {};
  const groups = (element.option_groups as Array<{ options: unknown[] }> | undefined) ?? [{ options: (element.options as unknown[]) ?? [] }];
  return groups.flatMap((g) => g.options as Array<{ value: string; text: { text: string } }>).map((o) => ({ value: o.value, label: o.text.text }));
}

/** Submits the sign-up modal; returns Bolt's answer (null for a plain ack). */
export async function submitSlackSignup(t: TestBot, view: OpenedView, user: string, viewId: string, v: SignupValues) {
  const text = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  const payload = viewSubmission(view, user, viewId, {
    choice: { type: 'static_select', selected_option: v.choice ? { value: v.choice, text: { type: 'plain_text', text: 'x' } } : null },
    phone: text(v.phone),
    emergency_name: text(v.emergencyName),
    emergency_phone: text(v.emergencyPhone),
    notes: text(v.notes),
    rules: { type: 'checkboxes', selected_options: v.rules ? [{ value: 'accepted' }] : [] },
  });
  const res = await postToSlackEndpoint(t.url, { body: payloadBody(payload) });
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw ? (JSON.parse(raw) as { response_action?: string; errors?: Record<string, string> }) : null;
}

/** What the bot told a Slack user privately after a form (ephemeral or DM), newest last. */
export async function privateToSlackUser(t: TestBot, user: string, count: number) {
  const said = () =>
    [...t.slack.callsTo('chat.postEphemeral'), ...t.slack.callsTo('chat.postMessage')].filter((c) => c.form.user === user || c.form.channel === user);
  await until(() => said().length >= count);
  return said().map((c) => String(c.form.text ?? ''));
}

export type Card = { body: Array<Record<string, unknown>>; actions?: Array<{ data?: Record<string, unknown> }> };

export const cardTexts = (card: Card): string[] => card.body.filter((b) => b.type === 'TextBlock').map((b) => String(b.text));

/** `volunteer` in the person's 1:1 chat: the card the bot answered with. */
export async function teamsForm(t: TestBot, connector: FakeConnector, who: Person, text = 'volunteer', locale = 'fr-FR') {
  const activity = personalMessage(connector.url, who, text, { locale });
  expect((await postActivity(t.url, activity)).status).toBe(200);
  const reply = connector.sent((activity.conversation as { id: string }).id).at(-1);
  const attachment = (reply?.body?.attachments as Array<{ content: Card }> | undefined)?.[0];
  return { card: attachment?.content ?? null, text: String(reply?.body?.text ?? ''), conversationId: (activity.conversation as { id: string }).id };
}

/** Submits a sign-up card by Action.Execute; returns the card or message the invoke answered with. */
export async function submitTeamsSignup(t: TestBot, connector: FakeConnector, who: Person, card: Card, v: SignupValues, locale = 'fr-FR') {
  const data = { ...(card.actions?.[0]?.data ?? {}), ...v, rules: v.rules ? 'true' : 'false' };
  const res = await postActivity(t.url, executeInvoke(connector.url, who, data, { locale }));
  expect(res.status).toBe(200);
  return res.body as { statusCode: number; type: string; value: Card | string };
}

/** The choice values a sign-up card offers. */
export const cardChoices = (card: Card): string[] =>
  ((card.body.find((b) => b.id === 'choice')?.choices as Array<{ value: string }> | undefined) ?? []).map((c) => c.value);
