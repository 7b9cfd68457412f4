import { today } from '../campaigns/campaigns.service.js';
import type { PledgeDeps } from '../pledges/ports.js';
import { parsePledgeCommand, type PledgeCommand } from '../pledges/pledge.js';
import { cancelPledge, makePledge, makePledgeAs, myPledges } from '../pledges/pledges.service.js';
import { pledgeForm } from '../pledges/form.js';
import { cancelErrorText, noCampaignText, pledgeErrorText, pledgeListLines, recordedReply } from '../pledges/texts.js';
import type { CommandContext } from './verbs.js';
import type { Actor, Caller } from './actor.js';
import { message, type Reply } from './reply.js';
import { helpReply } from './caravan-command.js';
import { personText } from './text.js';

/**
 * `/pledge …`: a pledge, the form, the caller's list, or a cancellation. A pledge from someone this
 * instance has not met lately finds or creates them in the pledge's own statement.
 */
export async function pledgeCommand(deps: PledgeDeps, caller: Caller, text: string, ctx: CommandContext): Promise<Reply> {
  const command = parsePledgeCommand(text);
  if (command.kind === 'pledge' && !caller.known()) return firstPledgeReply(deps, caller, command, ctx.idempotencyKey);
  const actor = await caller.actor();
  const { c } = actor;
  switch (command.kind) {
    case 'form':
      return pledgeForm(deps, actor);
    case 'help':
      return helpReply(actor, ctx.prefix);
    case 'list':
      return listReply(deps, actor);
    case 'cancel': {
      if (command.number === null) return message('error', [c.pledge.cancelUsage]);
      const result = await cancelPledge(deps, actor.person.id, command.number);
      if (!result.ok) return message('error', [cancelErrorText(c, result.error, command.number)]);
      const currency = result.value.campaign.currency;
      return message('ok', [c.pledge.cancelled(command.number, result.value.pledge.amountMinor, currency)]);
    }
    case 'pledge':
      return pledgeReply(deps, actor, command.amountText, command.anonymous, command.note, ctx.idempotencyKey);
  }
}

/** `/pledge 500 …`: records the pledge and answers with the amount as understood and the campaign's progress. */
async function pledgeReply(
  deps: PledgeDeps,
  actor: Actor,
  amount: string,
  anonymous: boolean,
  note: string | null,
  idempotencyKey: string | null,
): Promise<Reply> {
  const result = await makePledge(deps, { personId: actor.person.id, amount, anonymous, note, source: actor.identity.platform, idempotencyKey });
  if (!result.ok) return message('error', [pledgeErrorText(actor.c, result.error, amount)]);
  return recordedReply(actor.c, result.value, today(deps));
}

/** A pledge whose statement also finds or creates the person; only a refusal asks for them first. */
async function firstPledgeReply(
  deps: PledgeDeps,
  caller: Caller,
  command: Extract<PledgeCommand, { kind: 'pledge' }>,
  idempotencyKey: string | null,
): Promise<Reply> {
  const { amountText: amount, anonymous, note } = command;
  const result = await makePledgeAs(deps, caller.identity, { amount, anonymous, note, source: caller.identity.platform, idempotencyKey });
  if (!result.ok) return message('error', [pledgeErrorText((await caller.actor()).c, result.error, amount)]);
  return recordedReply(caller.met(result.value.person).c, result.value, today(deps));
}

async function listReply(deps: PledgeDeps, actor: Actor): Promise<Reply> {
  const { c } = actor;
  const result = await myPledges(deps, actor.person.id);
  if (!result.ok) return message('error', [noCampaignText(c, result.error)]);
  const { campaign, pledges } = result.value;
  if (pledges.length === 0) return message('info', [c.pledge.listEmpty], c.pledge.listTitle(personText(campaign.name)));
  const lines = pledgeListLines(c, pledges, campaign.currency, deps.timeZone);
  const cancellable = pledges.some((p) => p.status === 'pledged');
  return message('info', [...lines, ...(cancellable ? ['', c.pledge.cancelHow] : [])], c.pledge.listTitle(personText(campaign.name)));
}
