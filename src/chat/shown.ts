/**
 * What HR typed for a need (site name, its own word for an item, a size) marked as person text, so a
 * chat renderer shows `Douar <Tifnit> *2*` as written. HTML pages and CSV files take the raw need.
 */
import { personText } from './text.js';

export function shownNeed<T extends { siteName: string; itemLabel: string; size: string | null }>(n: T): T {
  return { ...n, siteName: personText(n.siteName), itemLabel: personText(n.itemLabel), size: n.size === null ? null : personText(n.size) };
}
