/**
 * Item pledges: give, cancel, see one's gifts, and HR marking items handed in. Every change of a
 * need runs inside `store.withNeed` (the need row locked), so the last units go to the first people
 * and the others are told it is covered, with the next shortfall.
 */
import type { Campaign } from '../campaigns/campaign.js';
import type { Platform } from '../ports.js';
import { t } from '../shared/i18n/index.js';
import { coveredMessage, thanksMessage } from './messages.js';
import { missing, resolveGive, shortfalls, type ItemPledge, type Need } from './need.js';
import type { HrOperator } from '../chat/actor.js';
import { campaignPhase, needsCampaign } from './needs.service.js';
import type { MyItemPledge, NeedsDeps, NeedUnit } from './ports.js';
import { done, fail, type Outcome } from './outcome.js';

export interface Giver {
  personId: string;
  platform: Platform;
}

export type GiveError =
  | { code: 'campaign.none' }
  | { code: 'campaign.ended' }
  | { code: 'give.no_needs' }
  | { code: 'give.quantity_missing'; needed: Need[] }
  | { code: 'give.bad_quantity'; max: number }
  | { code: 'give.unknown_item'; words: string; needed: Need[] }
  | { code: 'give.ambiguous'; candidates: Need[] }
  | { code: 'give.not_needed'; needed: Need[] }
  | { code: 'give.covered'; need: Need; next: Need[] }
  | { code: 'give.too_many'; need: Need; left: number };

export interface GiveOutcome {
  pledge: ItemPledge;
  /** The need after the pledge. */
  need: Need;
  duplicate: boolean;
  /** No site was named: this one was chosen as the one missing the most. */
  mostNeeded: boolean;
}

export const MAX_GIVE = 10_000;

async function openCampaign(deps: NeedsDeps): Promise<Outcome<{ campaign: Campaign; needs: Need[] }, GiveError>> {
  const campaign = await needsCampaign(deps);
  if (!campaign) return fail({ code: 'campaign.none' });
  if (campaignPhase(deps, campaign) === 'ended') return fail({ code: 'campaign.ended' });
  const needs = await deps.store.needs(campaign.id);
  return needs.length === 0 ? fail({ code: 'give.no_needs' }) : done({ campaign, needs });
}

/** `/give 3 parkas 8-10 Imzer`: reads the line against the campaign's needs, then pledges. */
export async function give(deps: NeedsDeps, giver: Giver, text: string, idempotencyKey: string | null): Promise<Outcome<GiveOutcome, GiveError>> {
  const open = await openCampaign(deps);
  if (!open.ok) return open;
  const { needs } = open.value;
  const target = resolveGive(text, needs);
  switch (target.kind) {
    case 'quantity_missing':
      return fail({ code: 'give.quantity_missing', needed: shortfalls(needs) });
    case 'bad_quantity':
      return fail({ code: 'give.bad_quantity', max: MAX_GIVE });
    case 'unknown_item':
      return fail({ code: 'give.unknown_item', words: target.words.slice(0, 60), needed: shortfalls(needs) });
    case 'ambiguous':
      return fail({ code: 'give.ambiguous', candidates: target.candidates });
    case 'not_needed':
      return fail({ code: 'give.not_needed', needed: shortfalls(needs) });
    case 'need':
      return pledgeOn(deps, open.value.campaign, giver, target.need.id, target.quantity, idempotencyKey, target.mostNeeded);
  }
}

/** Pledges `quantity` of one need (the form names the need directly). */
export async function giveToNeed(
  deps: NeedsDeps,
  giver: Giver,
  needId: number,
  quantity: number,
  idempotencyKey: string | null,
  mostNeeded = false,
): Promise<Outcome<GiveOutcome, GiveError>> {
  const open = await openCampaign(deps);
  if (!open.ok) return open;
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_GIVE) return fail({ code: 'give.bad_quantity', max: MAX_GIVE });
  if (!open.value.needs.some((n) => n.id === needId)) return fail({ code: 'give.not_needed', needed: shortfalls(open.value.needs) });
  return pledgeOn(deps, open.value.campaign, giver, needId, quantity, idempotencyKey, mostNeeded);
}

async function pledgeOn(
  deps: NeedsDeps,
  campaign: Campaign,
  giver: Giver,
  needId: number,
  quantity: number,
  idempotencyKey: string | null,
  mostNeeded: boolean,
): Promise<Outcome<GiveOutcome, GiveError>> {
  const channels = await deps.channels();
  const outcome = await deps.store.withNeed(needId, async (unit): Promise<Outcome<GiveOutcome, GiveError>> => {
    // A redelivery of a pledge that itself covered the need must find it again, not be refused.
    const earlier = idempotencyKey === null ? null : await unit.byKey(idempotencyKey);
    if (earlier) return done({ pledge: earlier, need: unit.need, duplicate: true, mostNeeded });
    const left = missing(unit.need);
    if (left === 0) return fail({ code: 'give.covered', need: unit.need, next: [] });
    if (quantity > left) return fail({ code: 'give.too_many', need: unit.need, left });
    const { pledge, duplicate } = await unit.pledge({ personId: giver.personId, quantity, source: giver.platform, idempotencyKey });
    if (!duplicate && missing(unit.need) === 0) await announceCovered(deps, campaign, unit, channels);
    return done({ pledge, need: unit.need, duplicate, mostNeeded });
  });
  if (!outcome) return fail({ code: 'give.not_needed', needed: [] });
  if (!outcome.ok && outcome.error.code === 'give.covered') {
    const need = outcome.error.need;
    const rest = shortfalls(await deps.store.needs(campaign.id));
    const next = [...rest.filter((n) => n.itemKey === need.itemKey), ...rest.filter((n) => n.itemKey !== need.itemKey)].slice(0, 5);
    return fail({ code: 'give.covered', need, next });
  }
  return outcome;
}

/** "Toutes les parkas d'Imzer sont promises": claimed once for all time, with the commit that covered it. */
async function announceCovered(deps: NeedsDeps, campaign: Campaign, unit: NeedUnit, channels: Awaited<ReturnType<NeedsDeps['channels']>>): Promise<void> {
  const need = unit.need;
  if (!(await unit.claim(`covered:need:${need.id}`)) || channels.length === 0) return;
  const next = shortfalls(await unit.campaignNeeds()).filter((n) => n.id !== need.id);
  await unit.enqueue({
    kind: 'milestone',
    campaignId: campaign.id,
    message: coveredMessage(t(deps.defaultLocale), campaign, need, next),
    destinations: channels,
    dedupeKey: `covered:${campaign.id}:${need.id}`,
    summary: `${need.siteName} · ${need.itemLabel}${need.size ? ` ${need.size}` : ''}`,
  });
}

export async function myGifts(deps: NeedsDeps, personId: string): Promise<Outcome<{ campaign: Campaign; gifts: MyItemPledge[] }, { code: 'campaign.none' }>> {
  const campaign = await needsCampaign(deps);
  if (!campaign) return fail({ code: 'campaign.none' });
  return done({ campaign, gifts: await deps.store.mine(campaign.id, personId) });
}

export type CancelGiftError = { code: 'gift.not_found'; id: number } | { code: 'gift.already_cancelled'; id: number } | { code: 'gift.received'; id: number };

/** The giver cancels one of their item pledges; not once items were handed in. */
export async function cancelGift(deps: NeedsDeps, personId: string, id: number): Promise<Outcome<{ pledge: ItemPledge; need: Need }, CancelGiftError>> {
  const needId = await deps.store.needOf(id);
  const outcome =
    needId === null
      ? null
      : await deps.store.withNeed(needId, async (unit): Promise<Outcome<{ pledge: ItemPledge; need: Need }, CancelGiftError>> => {
          const pledge = await unit.getPledge(id);
          if (!pledge || pledge.personId !== personId) return fail({ code: 'gift.not_found', id });
          if (pledge.status === 'cancelled') return fail({ code: 'gift.already_cancelled', id });
          if (pledge.received > 0) return fail({ code: 'gift.received', id });
          return done({ pledge: await unit.cancel(id), need: unit.need });
        });
  return outcome ?? fail({ code: 'gift.not_found', id });
}

export type ReceiveError =
  { code: 'gift.not_found'; id: number } | { code: 'gift.cancelled'; id: number } | { code: 'gift.too_many'; id: number; left: number };

export interface ReceiveOutcome {
  pledge: ItemPledge;
  need: Need;
  /** Units marked handed in by this call. */
  quantity: number;
  /** False when the giver cannot be reached privately. */
  thanked: boolean;
}

/**
 * HR marks `quantity` (default: all that is left) of item pledge `id` handed in; the giver is thanked
 * by direct message through the outbox, in the same transaction. Only HR (`requireHr`) or the console.
 */
export async function receiveItems(deps: NeedsDeps, _op: HrOperator, id: number, quantity: number | null): Promise<Outcome<ReceiveOutcome, ReceiveError>> {
  const needId = await deps.store.needOf(id);
  const outcome =
    needId === null
      ? null
      : await deps.store.withNeed(needId, async (unit): Promise<Outcome<ReceiveOutcome, ReceiveError>> => {
          const pledge = await unit.getPledge(id);
          if (!pledge) return fail({ code: 'gift.not_found', id });
          if (pledge.status === 'cancelled') return fail({ code: 'gift.cancelled', id });
          const left = pledge.quantity - pledge.received;
          const q = quantity ?? left;
          if (q < 1 || q > left) return fail({ code: 'gift.too_many', id, left });
          const after = await unit.receive(id, q);
          const contact = await unit.contact(pledge.personId, pledge.source);
          if (contact) {
            await unit.enqueue({
              kind: 'thanks',
              campaignId: null,
              message: thanksMessage(t(contact.locale ?? deps.defaultLocale), unit.need, q),
              destinations: [contact.destination],
              dedupeKey: `gift:${id}:received:${after.received}`,
              summary: null,
            });
          }
          return done({ pledge: after, need: unit.need, quantity: q, thanked: contact !== null });
        });
  return outcome ?? fail({ code: 'gift.not_found', id });
}
