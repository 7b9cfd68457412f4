import type { Minor } from '../money.js';
import { currencyNamed, currencyWords, formatDay, formatPercent, money } from './format.js';
import type { Catalogue } from './fr.js';
import { dashboardEn } from './dashboard-en.js';
import { broadcastsEn } from './broadcasts.js';
import { goalEn } from './goal.js';
import { needsEn } from './needs-en.js';
import { photosEn } from './photos-en.js';
import { teamsEn } from './teams.js';
import { volunteersEn } from './volunteers.js';
import { command, personText } from '../../chat/text.js';

const m = (a: Minor | number, c: string) => money(a as Minor, c, 'en');
const d = (day: string) => formatDay(day, 'en');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en: Catalogue = {
  locale: 'en',
  teams: teamsEn,
  photos: photosEn,
  broadcasts: broadcastsEn,
  dashboard: dashboardEn,
  volunteers: volunteersEn,
  needs: needsEn,
  goal: goalEn,
  common: {
    sorry: 'Sorry, something went wrong on our side. Please try again in a moment.',
    notAdmin: 'This command is for the caravan’s HR team only.',
    formUnavailable: `Slack is not answering right now, so the form could not open. Please try again in a moment (or give everything in the command, e.g. ${command('/pledge 500')}).`,
    fileUnavailable: 'Slack is not answering right now, so the file could not be sent to you. Please try again in a moment.',
    badCommand: (cmd: string, prefix = '/') => `I did not understand “${personText(cmd)}”. Type ${command(`${prefix}caravan help`)} to see what you can do.`,
  },
  amount: {
    missing: `Give an amount, for example ${command('/pledge 500')}.`,
    missingInForm: 'Give an amount, for example 500.',
    invalid: (text: string, currency: string) =>
      `I could not read the amount “${personText(text)}”. Write it like 500, 1,500 or 1500.50 (in ${currencyWords(currency, 'en')}).`,
    notPositive: 'The amount must be more than zero.',
    tooPrecise: 'The amount has at most two decimals (centimes).',
    otherCurrency: (text: string, currency: string) =>
      `The campaign counts in ${currencyNamed(currency, 'en')}: “${personText(text)}” is in another currency. Please give the amount in ${currencyWords(currency, 'en')}, e.g. 500.`,
    tooSmall: (min: number, c: string) => `The minimum amount is ${m(min, c)}.`,
    tooLarge: (max: number, c: string) => `The maximum for one pledge is ${m(max, c)}. For a larger gift, please contact the HR team.`,
  },
  campaign: {
    none: 'No campaign is running right now.',
    opensOn: (name: string, day: string) => `The “${name}” campaign opens on ${d(day)}.`,
    notStarted: (from: string, to: string) => `The campaign has not started yet: it runs from ${d(from)} to ${d(to)}.`,
    ended: (from: string, to: string) => `The campaign is over (it ran from ${d(from)} to ${d(to)}), so pledges are closed. Thank you all!`,
    progressHeadline: (name: string) => `Solidarity caravan — ${name}`,
    progress: (pledged: number, goal: number, c: string, percent: number) =>
      `${m(pledged, c)} pledged of a ${m(goal, c)} goal (${formatPercent(percent, 'en')})`,
    counts: (donors: number, pledges: number, collected: number, c: string) =>
      `${plural(donors, 'donor', 'donors')} · ${plural(pledges, 'pledge', 'pledges')} · ${m(collected, c)} collected`,
    daysLeft: (n: number) => (n === 0 ? 'Last day!' : plural(n, 'day left', 'days left')),
    endedOn: (day: string) => `The campaign ended on ${d(day)}. Thank you!`,
    startsOn: (day: string) => `Opens on ${d(day)}.`,
  },
  pledge: {
    recorded: (amount: number, c: string, id: number) => `Thank you! Your pledge of ${m(amount, c)} is recorded (#${id}).`,
    recordedAnonymous: 'It stays anonymous in public messages.',
    duplicate: (amount: number, c: string, id: number) => `Your pledge of ${m(amount, c)} (#${id}) was already recorded.`,
    noteTooLong: (max: number) => `The note that goes with a pledge is limited to ${max} characters.`,
    listTitle: (name: string) => `Your pledges for “${name}”`,
    listEmpty: `You have not pledged yet. Type ${command('/pledge 500')} to start.`,
    listItem: (id: number, amount: number, c: string, status: string, day: string) => `#${id} — ${m(amount, c)} — ${status} — ${d(day)}`,
    status: { pledged: 'pledged', collected: 'collected', cancelled: 'cancelled' },
    anonymousTag: 'anonymous',
    cancelHow: `To cancel: ${command('/pledge cancel N')}.`,
    cancelUsage: `Give the number of the pledge to cancel, for example ${command('/pledge cancel 12')} (see ${command('/pledge list')}).`,
    cancelled: (id: number, amount: number, c: string) => `Your pledge #${id} of ${m(amount, c)} is cancelled.`,
    notFound: (id: number) => `I cannot find a pledge #${id} of yours. See ${command('/pledge list')}.`,
    alreadyCancelled: (id: number) => `Pledge #${id} was already cancelled.`,
    alreadyCollected: (id: number) => `Pledge #${id} has already been collected, so it can no longer be cancelled. Contact the HR team if needed.`,
    collected: (id: number, amount: number, c: string) => `Pledge #${id} of ${m(amount, c)} marked as collected.`,
    collectUsage: `Give the number of the collected pledge, for example ${command('/caravan collect 12')}.`,
    collectAlready: (id: number) => `Pledge #${id} was already collected.`,
    collectCancelled: (id: number) => `Pledge #${id} was cancelled, so it cannot be collected.`,
    collectNotFound: (id: number) => `There is no pledge #${id}.`,
  },
  form: {
    title: 'Make a pledge',
    submit: 'Pledge',
    close: 'Cancel',
    intro: (name: string, currency: string) => `Your pledge for “${name}”. The amount is in ${currencyWords(currency, 'en')}.`,
    amountLabel: (currency: string) => `Amount (${currency})`,
    amountPlaceholder: 'e.g. 500 or 1,500.50',
    anonymousLabel: 'Privacy',
    anonymousOption: 'Stay anonymous in public messages',
    noteLabel: 'A note',
    notePlaceholder: 'For the children of…',
  },
  help: {
    title: 'What you can do with Caravane',
    everyone: (p: string) => [
      `${command(`${p}pledge 500`)} — pledge 500 (add ${command('anonymous')} and a note if you like)`,
      `${command(`${p}pledge`)} — open the pledge form`,
      `${command(`${p}pledge list`)} — your pledges · ${command(`${p}pledge cancel N`)} — cancel pledge #N`,
      `${command(`${p}caravan`)} — how the campaign is doing`,
    ],
    hrTitle: 'For the HR team',
    hr: (p: string) => [`${command(`${p}caravan collect N`)} — mark pledge #N as collected`],
  },
};
