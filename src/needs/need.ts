/**
 * In-kind needs: sites of a campaign, what each needs, and the items people pledge. Types and pure
 * rules only (which need a `/give` line means, what is still missing); storage is in ports.ts.
 */
import type { Platform } from '../ports.js';
import type { Minor } from '../shared/money.js';
import { fold, matchItem, splitGive } from './items.js';

export interface Site {
  id: number;
  campaignId: string;
  name: string;
  place: string | null;
  beneficiaries: number | null;
  /** Only ever shown to HR. */
  contact: string | null;
}

/** A need with its counters: `pledged` never exceeds `quantity`, `received` never exceeds `pledged`. */
export interface Need {
  id: number;
  siteId: number;
  siteName: string;
  itemKey: string;
  /** The item as HR wrote it (shown for items the catalogue has no name for). */
  itemLabel: string;
  /** `null` when the item has no size. */
  size: string | null;
  quantity: number;
  unitPriceMinor: Minor | null;
  pledged: number;
  received: number;
}

export type ItemPledgeStatus = 'pledged' | 'cancelled';

export interface ItemPledge {
  id: number;
  needId: number;
  personId: string;
  quantity: number;
  received: number;
  status: ItemPledgeStatus;
  source: Platform;
  idempotencyKey: string | null;
  createdAt: Date;
}

export const missing = (need: Pick<Need, 'quantity' | 'pledged'>): number => need.quantity - need.pledged;

/**
 * Money shown as items ("151 000 MAD ≈ 200 parkas"): the money pledged so far, counted in the priced
 * need that is still shortest. Null when no need still short has a unit price.
 */
export function moneyAsItems(pledgedMinor: Minor, needs: readonly Need[]): { need: Need; count: number } | null {
  const priced = shortfalls(needs).find((n) => n.unitPriceMinor !== null && n.unitPriceMinor > 0);
  if (!priced || priced.unitPriceMinor === null) return null;
  return { need: priced, count: Math.floor(pledgedMinor / priced.unitPriceMinor) };
}

/** Needs still short, the biggest shortfall first (then site and item, so the order is stable). */
export function shortfalls(needs: readonly Need[]): Need[] {
  return needs
    .filter((n) => missing(n) > 0)
    .sort((a, b) => missing(b) - missing(a) || a.siteName.localeCompare(b.siteName) || a.itemKey.localeCompare(b.itemKey) || a.id - b.id);
}

/** True when `words` contain the site's folded name as consecutive words. */
function siteAt(words: readonly string[], site: string): number {
  const name = fold(site).split(' ');
  for (let i = 0; i + name.length <= words.length; i++) {
    if (name.every((w, j) => words[i + j] === w)) return i;
  }
  return -1;
}

export type GiveTarget =
  | { kind: 'need'; need: Need; quantity: number; mostNeeded: boolean }
  | { kind: 'quantity_missing' }
  | { kind: 'bad_quantity' }
  | { kind: 'unknown_item'; words: string }
  | { kind: 'ambiguous'; candidates: Need[] }
  | { kind: 'not_needed'; itemKey: string; size: string | null; site: string | null };

const MAX_QUANTITY = 10_000;

/**
 * Which need a `/give` line means. The site may be named anywhere (accents and case ignored); when it
 * is not, the site where that item is most missing is chosen and the answer says so. An item that
 * several needs could be (no size given, `ballon`) is ambiguous: the caller lists them.
 */
export function resolveGive(text: string, needs: readonly Need[]): GiveTarget {
  const { quantity, size, rest } = splitGive(text);
  if (quantity === null) return { kind: 'quantity_missing' };
  if (quantity <= 0 || quantity > MAX_QUANTITY) return { kind: 'bad_quantity' };
  let words = rest;
  let site: string | null = null;
  const sites = [...new Set(needs.map((n) => n.siteName))].sort((a, b) => b.length - a.length);
  for (const name of sites) {
    const at = siteAt(words, name);
    if (at >= 0) {
      site = name;
      words = [...words.slice(0, at), ...words.slice(at + fold(name).split(' ').length)];
      break;
    }
  }
  const own = new Map(needs.map((n) => [fold(n.itemLabel), n.itemKey] as const));
  const match = matchItem(words.join(' '), own);
  if (match.kind === 'unknown') return { kind: 'unknown_item', words: words.join(' ') };
  const keys = match.kind === 'item' ? [match.key] : match.keys;
  const candidates = needs.filter((n) => keys.includes(n.itemKey) && (site === null || n.siteName === site) && (size === null || n.size === size));
  const open = shortfalls(candidates);
  if (open.length === 0) {
    if (candidates.length > 0) return { kind: 'need', need: candidates[0] as Need, quantity, mostNeeded: false };
    return { kind: 'not_needed', itemKey: keys[0] ?? '', size, site };
  }
  const distinct = new Set(open.map((n) => `${n.itemKey}|${n.size ?? ''}`));
  if (distinct.size > 1) return { kind: 'ambiguous', candidates: open };
  const best = open[0] as Need;
  return { kind: 'need', need: best, quantity, mostNeeded: site === null && new Set(open.map((n) => n.siteId)).size > 1 };
}
