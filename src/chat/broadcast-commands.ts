/**
 * The `/caravan` verbs for campaign channels, milestones and announcements. All are HR's: anyone
 * else is refused and nothing changes or is sent.
 */
import { announce, deliveryStatus, parseAnnounceArgs } from '../announcements/announcements.service.js';
import { announceErrorText, deliveryStatusLines } from '../announcements/texts.js';
import { channelLabel } from '../channels/channels.js';
import { addCampaignChannel, listCampaignChannels, removeCampaignChannel } from '../channels/channels.service.js';
import type { BroadcastDeps } from '../messaging/deps.js';
import { addMilestone, listMilestones } from '../milestones/milestones.service.js';
import { pledgeErrorText } from '../pledges/texts.js';
import { localDay } from '../shared/clock.js';
import { formatMoney } from '../shared/money.js';
import { operatorLabel, type Actor, type HrActor } from './actor.js';
import type { CommandContext } from './verbs.js';
import { message, type Reply } from './reply.js';
import { personText } from './text.js';

declare module './reply.js' {
  interface FormKinds {
    /** HR's announcement form: the text, when to send it, whether volunteers hear it too. */
    announce: Record<never, never>;
  }
}

/** `channel` adds the conversation, `channel off` removes it. */
export async function channelVerb(deps: BroadcastDeps, hr: HrActor, args: string, ctx: CommandContext): Promise<Reply> {
  const { c } = hr;
  const arg = args.trim().toLowerCase();
  if (arg !== '' && !['off', 'remove', 'retirer', 'stop', 'non'].includes(arg)) return message('error', [c.broadcasts.channels.usage(ctx.prefix)]);
  if (arg === '') {
    const added = await addCampaignChannel(deps, hr, ctx.where);
    if (!added.ok) return message('error', [c.broadcasts.channels.needsChannel(ctx.prefix)]);
    return message('ok', [added.value.added ? c.broadcasts.channels.added : c.broadcasts.channels.alreadyAdded]);
  }
  const removed = await removeCampaignChannel(deps, hr, ctx.where);
  if (!removed.ok) return message('error', [c.broadcasts.channels.needsChannel(ctx.prefix)]);
  return message('ok', [removed.value.removed ? c.broadcasts.channels.removed : c.broadcasts.channels.notAChannel]);
}

export async function channelsVerb(deps: BroadcastDeps, hr: HrActor, ctx: CommandContext): Promise<Reply> {
  const { c } = hr;
  const channels = await listCampaignChannels(deps, hr);
  if (channels.length === 0) return message('info', [c.broadcasts.channels.listEmpty(ctx.prefix)], c.broadcasts.channels.listTitle);
  const lines = channels.map((ch) => `• ${c.broadcasts.channels.listItem(channelLabel(ch.destination, ch.names), localDay(ch.addedAt, deps.timeZone))}`);
  return message('info', lines, c.broadcasts.channels.listTitle);
}

/** `milestone add AMOUNT`, or `milestones` / `milestone` for the list. */
export async function milestoneVerb(deps: BroadcastDeps, hr: HrActor, args: string, ctx: CommandContext): Promise<Reply> {
  const { c } = hr;
  const [sub = '', ...rest] = args.trim().split(/\s+/);
  if (sub === '') return milestoneList(deps, hr);
  if (!['add', 'ajouter', 'ajout'].includes(sub.toLowerCase())) return message('error', [c.broadcasts.milestone.usage(ctx.prefix)]);
  const typed = rest.join(' ');
  if (typed === '') return message('error', [c.broadcasts.milestone.usage(ctx.prefix)]);
  const result = await addMilestone(deps, hr, typed);
  if (!result.ok) return message('error', [pledgeErrorText(c, result.error, typed)]);
  const { campaign, amount, added, alreadyPassed } = result.value;
  const m = c.broadcasts.milestone;
  if (!added) return message('info', [m.already(amount, campaign.currency)]);
  return message('ok', [alreadyPassed ? m.alreadyPassed(amount, campaign.currency) : m.added(amount, campaign.currency)]);
}

async function milestoneList(deps: BroadcastDeps, actor: Actor): Promise<Reply> {
  const { c } = actor;
  const result = await listMilestones(deps);
  if (!result.ok) return message('info', [c.campaign.none]);
  const { campaign, milestones } = result.value;
  const lines = milestones.map((ms) => {
    const what = ms.percent !== null ? c.broadcasts.milestone.percent(ms.percent) : c.broadcasts.milestone.amount(ms.amountMinor, campaign.currency);
    const amount = ms.percent !== null ? ` (${formatMoney(ms.amountMinor, campaign.currency, c.locale)})` : '';
    return `${ms.reached ? '✅' : '▫️'} ${what}${amount}${ms.reached ? ` — ${c.broadcasts.milestone.reachedTag}` : ''}`;
  });
  return message('info', lines, c.broadcasts.milestone.listTitle(personText(campaign.name)));
}

/** `announce TEXT`, `announce at DAY TIME TEXT`, `announce status`; `announce` alone opens the form (each platform shows its own). */
export async function announceVerb(deps: BroadcastDeps, hr: HrActor, args: string, ctx: CommandContext): Promise<Reply> {
  const { c } = hr;
  const trimmed = args.trim();
  if (['status', 'statut', 'etat', 'état', 'suivi'].includes(trimmed.toLowerCase())) {
    const lines = deliveryStatusLines(c, await deliveryStatus(deps, 5), deps.timeZone, deps.clock.now());
    return message('info', lines, c.broadcasts.status.title);
  }
  if (trimmed === '') {
    const channels = await listCampaignChannels(deps, hr);
    if (channels.length === 0) return message('error', [c.broadcasts.announce.noChannels(ctx.prefix)]);
    return { kind: 'form', form: 'announce', intro: c.broadcasts.modal.intro(channels.length) };
  }
  const parsed = parseAnnounceArgs(trimmed, deps.timeZone);
  if (!parsed.ok) return message('error', [announceErrorText(c, parsed.error, ctx.prefix)]);
  const key = ctx.idempotencyKey ?? `${operatorLabel(hr)}:${deps.clock.now().toISOString()}`;
  const result = await announce(deps, hr, { ...parsed.value, dedupeKey: `announcement:${key}` });
  if (!result.ok) return message('error', [announceErrorText(c, result.error, ctx.prefix)]);
  const { channels, volunteers, created, sendAt } = result.value;
  if (!created) return message('info', [c.broadcasts.announce.duplicate]);
  const a = c.broadcasts.announce;
  const audience = a.audience(channels, parsed.value.alsoVolunteers ? volunteers : null);
  return message('ok', [sendAt ? a.scheduled(c.broadcasts.at(sendAt, deps.timeZone), audience, ctx.prefix) : a.queued(audience, ctx.prefix)]);
}
