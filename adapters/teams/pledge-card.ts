/**
 * Submissions of the pledge card, whichever way they arrive: an `adaptiveCard/action` invoke
 * (Action.Execute) or a message whose `value` holds the inputs (the Action.Submit fallback).
 */
import { z } from 'zod';
import { actorFor, type Actor } from '../../src/chat/actor.js';
import { message } from '../../src/chat/reply.js';
import { pledgeForm, submitPledgeForm } from '../../src/pledges/form.js';
import { t } from '../../src/shared/i18n/index.js';
import { teamsIdentity, type TeamsTurn } from './activity.js';
import type { TeamsContext } from './context.js';
import { noticeCard, pledgeCard, PLEDGE_VERB, type Card, type PledgeCardState } from './render.js';

const input = z.string().max(2000).optional().catch(undefined);

/** The card's data (our marker and token) merged with its inputs, as Teams sends them back. */
export const pledgeCardData = z.looseObject({
  caravane: z.literal(PLEDGE_VERB),
  token: z.string().min(8).max(100),
  amount: input,
  anonymous: z.union([z.string(), z.boolean()]).optional().catch(undefined),
  note: input,
});
export type PledgeCardData = z.infer<typeof pledgeCardData>;

/** `done`: the form is finished with (replace it). `again`: the same form, with errors next to the fields. */
export type CardOutcome = { kind: 'done'; card: Card } | { kind: 'again'; card: Card };

function stateOf(data: PledgeCardData): PledgeCardState {
  return {
    token: data.token,
    values: { amount: (data.amount ?? '').trim(), anonymous: data.anonymous === true || data.anonymous === 'true', note: (data.note ?? '').trim() },
    errors: {},
  };
}

/** The form again with its errors; a notice instead when no pledge can be made any more (campaign over). */
async function formAgain(tc: TeamsContext, actor: Actor, state: PledgeCardState): Promise<CardOutcome> {
  const form = await pledgeForm(tc.deps, actor);
  if (form.kind === 'form') return { kind: 'again', card: pledgeCard(actor.c, form, state) };
  return { kind: 'done', card: noticeCard(form) };
}

/**
 * Records the pledge a card submits. The idempotency key is the card's token plus the submitter,
 * so a redelivered or double-clicked submission records once, and two people answering the same
 * card in a channel each pledge for themselves.
 */
export async function submitPledgeCard(tc: TeamsContext, turn: TeamsTurn, data: PledgeCardData): Promise<CardOutcome> {
  const identity = teamsIdentity(turn, !tc.authenticated);
  if (!identity) {
    const c = t(turn.locale ?? tc.deps.defaultLocale);
    return { kind: 'done', card: noticeCard(message('info', [c.teams.unidentified])) };
  }
  const actor = await actorFor(tc.deps, identity);
  const state = stateOf(data);
  const key = `teams:card:${data.token}:${identity.tenantId}:${identity.userId}`;
  const outcome = await submitPledgeForm(tc.deps, actor, state.values, key);
  if (outcome.kind === 'errors') return formAgain(tc, actor, { ...state, errors: outcome.errors });
  return { kind: 'done', card: noticeCard(outcome.reply) };
}
