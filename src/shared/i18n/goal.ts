/**
 * Every word of HR's `/caravan goal`: the command, its form and its answers. French is the reference;
 * English has the same shape.
 */
import type { Minor } from '../money.js';
import { command } from '../../chat/text.js';
import { currencyWords, formatDay, money } from './format.js';

const mFr = (a: Minor | number, c: string) => money(a as Minor, c, 'fr');
const mEn = (a: Minor | number, c: string) => money(a as Minor, c, 'en');

export const goalFr = {
  help: (p: string) => [
    `${command(`${p}caravan goal 200000`)} — changer l’objectif de la campagne · ${command(`${p}caravan goal`)} — le formulaire (objectif et date de fin)`,
  ],
  changed: (from: number, to: number, c: string) => `L’objectif passe de ${mFr(from, c)} à ${mFr(to, c)}.`,
  same: (goal: number, c: string) => `L’objectif reste de ${mFr(goal, c)}.`,
  endsOn: (day: string) => `La campagne se termine désormais le ${formatDay(day, 'fr')}.`,
  form: {
    title: 'Objectif de la campagne',
    submit: 'Enregistrer',
    close: 'Annuler',
    intro: (name: string, currency: string) => `L’objectif de « ${name} » et son dernier jour. Le montant est en ${currencyWords(currency, 'fr')}.`,
    /** The last recorded change; `by` is who made it (their name, else `platform:userId`), or null for the console. */
    lastChange: (by: string | null, day: string, from: number, to: number, c: string) =>
      `Objectif changé ${by === null ? 'depuis la console' : `par ${by}`} le ${formatDay(day, 'fr')} (de ${mFr(from, c)} à ${mFr(to, c)}).`,
    goalLabel: (currency: string) => `Objectif (${currency})`,
    goalPlaceholder: 'ex. 200 000',
    endsOnLabel: 'Dernier jour',
    endsOnHint: 'Pas avant aujourd’hui ni avant le premier jour de la campagne.',
  },
  errors: {
    missing: (currency: string) => `Indiquez le nouvel objectif de la campagne, en ${currencyWords(currency, 'fr')}.`,
    /** Zero or less, the same words on every platform. */
    notPositive: 'L’objectif doit être supérieur à zéro.',
    badDate: 'Écrivez le dernier jour sous la forme AAAA-MM-JJ, par exemple 2026-12-31.',
    beforeToday: (day: string) => `Le dernier jour ne peut pas être avant aujourd’hui (${formatDay(day, 'fr')}).`,
    beforeStart: (day: string) => `Le dernier jour ne peut pas être avant le premier jour de la campagne (${formatDay(day, 'fr')}).`,
  },
};

export type GoalTexts = typeof goalFr;

export const goalEn: GoalTexts = {
  help: (p: string) => [`${command(`${p}caravan goal 200000`)} — change the campaign’s goal · ${command(`${p}caravan goal`)} — the form (goal and last day)`],
  changed: (from: number, to: number, c: string) => `The goal goes from ${mEn(from, c)} to ${mEn(to, c)}.`,
  same: (goal: number, c: string) => `The goal stays at ${mEn(goal, c)}.`,
  endsOn: (day: string) => `The campaign now ends on ${formatDay(day, 'en')}.`,
  form: {
    title: 'Campaign goal',
    submit: 'Save',
    close: 'Cancel',
    intro: (name: string, currency: string) => `The goal of “${name}” and its last day. The amount is in ${currencyWords(currency, 'en')}.`,
    lastChange: (by: string | null, day: string, from: number, to: number, c: string) =>
      `Goal changed ${by === null ? 'from the console' : `by ${by}`} on ${formatDay(day, 'en')} (from ${mEn(from, c)} to ${mEn(to, c)}).`,
    goalLabel: (currency: string) => `Goal (${currency})`,
    goalPlaceholder: 'e.g. 200,000',
    endsOnLabel: 'Last day',
    endsOnHint: 'Not before today nor before the campaign’s first day.',
  },
  errors: {
    missing: (currency: string) => `Give the campaign’s new goal, in ${currencyWords(currency, 'en')}.`,
    notPositive: 'The goal must be more than zero.',
    badDate: 'Write the last day as YYYY-MM-DD, for example 2026-12-31.',
    beforeToday: (day: string) => `The last day cannot be before today (${formatDay(day, 'en')}).`,
    beforeStart: (day: string) => `The last day cannot be before the campaign’s first day (${formatDay(day, 'en')}).`,
  },
};
