/**
 * Checks one need as HR writes it (CLI options, a CSV row, the chat form): site by name or number,
 * item, optional size, quantity, optional unit price in MAD. Pure; the same rules everywhere.
 */
import { parseAmount } from '../shared/amount.js';
import type { Minor } from '../shared/money.js';
import { fold, itemKeyOf, normalizeSize } from './items.js';
import type { Site } from './need.js';
import type { NewNeed } from './ports.js';
import { done, fail, type Outcome } from './outcome.js';

export const MAX_NEED_QUANTITY = 100_000;
export const MAX_LABEL = 60;

export interface NeedFields {
  site: string;
  item: string;
  size: string;
  quantity: string;
  unitPrice: string;
}

export type RowError =
  | { code: 'need.site_unknown'; site: string }
  | { code: 'need.item_missing' }
  | { code: 'need.item_too_long'; max: number }
  | { code: 'need.bad_size'; size: string }
  | { code: 'need.bad_quantity'; quantity: string; max: number }
  | { code: 'need.bad_price'; price: string };

/** The site a name (accents and case ignored) or number (`3`, `#3`) designates. */
export function findSite(sites: readonly Site[], ref: string): Site | undefined {
  const n = ref.trim().replace(/^(#|n°)/i, '');
  if (/^\d{1,9}$/.test(n)) return sites.find((s) => s.id === Number(n));
  const key = fold(ref);
  return sites.find((s) => fold(s.name) === key);
}

export function checkNeed(fields: NeedFields, sites: readonly Site[], currency: string): Outcome<NewNeed, RowError> {
  const site = findSite(sites, fields.site);
  if (!site) return fail({ code: 'need.site_unknown', site: fields.site.trim().slice(0, 60) });
  const label = fields.item.trim().replace(/\s+/g, ' ');
  const key = itemKeyOf(label);
  if (key === null) return fail({ code: 'need.item_missing' });
  if (label.length > MAX_LABEL) return fail({ code: 'need.item_too_long', max: MAX_LABEL });
  let size: string | null = null;
  if (fields.size.trim() !== '') {
    size = normalizeSize(fields.size);
    if (size === null) return fail({ code: 'need.bad_size', size: fields.size.trim().slice(0, 20) });
  }
  const q = fields.quantity.trim();
  if (!/^\d{1,6}$/.test(q) || Number(q) < 1 || Number(q) > MAX_NEED_QUANTITY)
    return fail({ code: 'need.bad_quantity', quantity: q.slice(0, 20), max: MAX_NEED_QUANTITY });
  let unitPriceMinor: Minor | null = null;
  if (fields.unitPrice.trim() !== '') {
    const price = parseAmount(fields.unitPrice, currency);
    if (!price.ok) return fail({ code: 'need.bad_price', price: fields.unitPrice.trim().slice(0, 20) });
    unitPriceMinor = price.value;
  }
  return done({ siteId: site.id, itemKey: key, itemLabel: label, size, quantity: Number(q), unitPriceMinor });
}
