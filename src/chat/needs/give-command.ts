/**
 * `/give …` (Teams: `give …`): pledge items for a need, see one's gifts, cancel one. The same words
 * on both platforms; French ones accepted (`donner`, `mes`, `annuler`).
 */
import { cancelGift, give, myGifts } from '../../needs/give.service.js';
import type { NeedsFeatureDeps } from '../../needs/ports.js';
import type { Actor } from '../actor.js';
import type { CommandContext } from '../verbs.js';
import { message, type Reply } from '../reply.js';
import { giveForm } from './give-form.js';
import { cancelErrorLine, giveAnswer, giveErrorLines } from './texts.js';
import { personText } from '../text.js';
import { shownNeed } from '../shown.js';

type GiveCommand = { kind: 'give'; text: string } | { kind: 'list' } | { kind: 'cancel'; id: number | null } | { kind: 'form' };

export function parseGiveCommand(text: string): GiveCommand {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const first = (words[0] ?? '').toLowerCase();
  if (words.length === 0) return { kind: 'form' };
  if (['list', 'liste', 'mes', 'mine'].includes(first) && words.length === 1) return { kind: 'list' };
  if (['cancel', 'annuler'].includes(first)) {
    const n = (words[1] ?? '').replace(/^(#|n°)/i, '');
    return { kind: 'cancel', id: words.length === 2 && /^\d{1,12}$/.test(n) ? Number(n) : null };
  }
  return { kind: 'give', text };
}

export async function giveCommand(deps: NeedsFeatureDeps, actor: Actor, text: string, ctx: CommandContext): Promise<Reply> {
  const { c } = actor;
  const command = parseGiveCommand(text);
  const giver = { personId: actor.person.id, platform: actor.identity.platform };
  switch (command.kind) {
    case 'form':
      return giveForm(deps, actor);
    case 'list':
      return listReply(deps, actor, ctx.prefix);
    case 'cancel': {
      if (command.id === null) return message('error', [c.needs.give.cancelUsage(ctx.prefix)]);
      const result = await cancelGift(deps.needs, giver.personId, command.id);
      return result.ok ? message('ok', [c.needs.give.cancelled(command.id)]) : message('error', [cancelErrorLine(c, result.error)]);
    }
    case 'give':
      return giveReply(deps, actor, command.text, ctx);
  }
}

async function giveReply(deps: NeedsFeatureDeps, actor: Actor, text: string, ctx: CommandContext): Promise<Reply> {
  const { c } = actor;
  const result = await give(deps.needs, { personId: actor.person.id, platform: actor.identity.platform }, text, ctx.idempotencyKey);
  if (!result.ok) return message(result.error.code === 'give.quantity_missing' ? 'info' : 'error', giveErrorLines(c, result.error, ctx.prefix));
  return giveAnswer(c, result.value);
}

async function listReply(deps: NeedsFeatureDeps, actor: Actor, prefix: string): Promise<Reply> {
  const { c } = actor;
  const mine = await myGifts(deps.needs, actor.person.id);
  if (!mine.ok) return message('info', [c.campaign.none]);
  const { campaign, gifts } = mine.value;
  if (gifts.length === 0) return message('info', [c.needs.give.listEmpty(prefix)], c.needs.give.listTitle(personText(campaign.name)));
  const s = c.needs.give.status;
  const lines = gifts.map(({ pledge, need: raw }) => {
    const need = shownNeed(raw);
    const status = pledge.status === 'cancelled' ? s.cancelled : pledge.received > 0 ? s.received(pledge.received, pledge.quantity) : s.pledged;
    return c.needs.give.listItem(pledge.id, pledge.quantity, need, need.siteName, status);
  });
  return message('info', lines, c.needs.give.listTitle(personText(campaign.name)));
}
