import type { Locale } from '../money.js';
import { en } from './en.js';
import { fr, type Catalogue } from './fr.js';

export type { Catalogue } from './fr.js';

const catalogues: Record<Locale, Catalogue> = { fr, en };

export function t(locale: Locale): Catalogue {
  return catalogues[locale];
}

/** `en-US`, `en_GB`, `EN` → `en`; `fr-MA` → `fr`; anything else → `fallback`. */
export function resolveLocale(raw: string | null | undefined, fallback: Locale): Locale {
  const tag = (raw ?? '').trim().toLowerCase().slice(0, 2);
  return tag === 'en' || tag === 'fr' ? tag : fallback;
}

export { LOCALES } from '../vocabulary.js';
