import { formatMoney, type Locale, type Minor } from '../money.js';

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** `2026-11-15` → `15 novembre 2026` / `15 November 2026`. */
export function formatDay(day: string, locale: Locale): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(TAGS[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatPercent(percent: number, locale: Locale): string {
  return locale === 'fr' ? `${percent} %` : `${percent}%`;
}

export const money = (amount: Minor, currency: string, locale: Locale) => formatMoney(amount, currency, locale);

/** The campaign's currency in words where one is known (`MAD` → `dirhams`), else its code: what a form says amounts are in. */
export function currencyWords(currency: string, locale: Locale): string {
  const words: Record<string, Record<Locale, string>> = {
    MAD: { fr: 'dirhams', en: 'dirhams' },
    EUR: { fr: 'euros', en: 'euros' },
    USD: { fr: 'dollars', en: 'dollars' },
    GBP: { fr: 'livres sterling', en: 'pounds sterling' },
  };
  return words[currency]?.[locale] ?? currency;
}

/** The currency in words with its code (`dirhams (MAD)`), or the code alone where no words are known. */
export function currencyNamed(currency: string, locale: Locale): string {
  const words = currencyWords(currency, locale);
  return words === currency ? currency : `${words} (${currency})`;
}
