/**
 * The pledge form, platform-neutral: whether it can open (a campaign taking pledges), and what a
 * submission comes to (errors field by field, or the answer). Slack lays it out as a modal, Teams
 * as an Adaptive Card; both submit here. Nothing is stored unless every field is right.
 */
import type { Actor, FormOutcome, FormReply, MessageReply } from '../chat/reply.js';
import { message } from '../chat/reply.js';
import { currentProgress, today } from '../campaigns/campaigns.service.js';
import type { PledgeDeps } from './ports.js';
import { personText } from '../chat/text.js';
import { checkNote } from './pledge.js';
import { makePledge, pledgeCurrency, understandAmount } from './pledges.service.js';
import { noCampaignText, pledgeErrorText, recordedReply } from './texts.js';

declare module '../chat/reply.js' {
  interface FormKinds {
    /** Amount, anonymity, a note. */
    pledge: { /** The campaign's currency, which the amount is in. */ currency: string };
  }
}

export type PledgeField = 'amount' | 'note';

/** The form's fields as the person left them. */
export interface PledgeFormValues {
  amount: string;
  anonymous: boolean;
  note: string;
}

/** The form while the campaign takes pledges; else why not (none, not started, ended). */
export async function pledgeForm(deps: PledgeDeps, actor: Actor): Promise<FormReply<'pledge'> | MessageReply> {
  const { c } = actor;
  const progress = await currentProgress(deps);
  if (!progress.ok) return message('error', [noCampaignText(c, progress.error)]);
  const { campaign, phase } = progress.value;
  if (phase !== 'running') {
    const code = phase === 'ended' ? 'campaign.ended' : 'campaign.not_started';
    return message('error', [pledgeErrorText(c, { code, campaign }, '')]);
  }
  return { kind: 'form', form: 'pledge', intro: c.form.intro(personText(campaign.name), campaign.currency), currency: campaign.currency };
}

/**
 * A submitted pledge form: the amount and the note checked together, then the pledge recorded under
 * `idempotencyKey` (a redelivered submission records once). A refusal from the campaign (over,
 * not started) shows on the amount.
 */
export async function submitPledgeForm(
  deps: PledgeDeps,
  actor: Actor,
  values: PledgeFormValues,
  idempotencyKey: string | null,
): Promise<FormOutcome<PledgeField>> {
  const { c } = actor;
  const amount = understandAmount(deps, values.amount, await pledgeCurrency(deps));
  const note = checkNote(values.note);
  if (!amount.ok || !note.ok) {
    const errors: Partial<Record<PledgeField, string>> = {};
    if (!amount.ok) errors.amount = pledgeErrorText(c, amount.error, values.amount, 'form');
    if (!note.ok) errors.note = pledgeErrorText(c, note.error, values.amount, 'form');
    return { kind: 'errors', errors };
  }
  const input = {
    personId: actor.person.id,
    amount: values.amount,
    anonymous: values.anonymous,
    note: note.value,
    source: actor.identity.platform,
    idempotencyKey,
  };
  const result = await makePledge(deps, input);
  if (!result.ok)
    return {
      kind: 'errors',
      errors: { [result.error.code === 'pledge.note_too_long' ? 'note' : 'amount']: pledgeErrorText(c, result.error, values.amount, 'form') },
    };
  return { kind: 'done', reply: recordedReply(c, result.value, today(deps)) };
}
