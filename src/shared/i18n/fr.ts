import type { Minor } from '../money.js';
import { currencyNamed, currencyWords, formatDay, formatPercent, money } from './format.js';
import { dashboardFr } from './dashboard.js';
import { broadcastsFr } from './broadcasts.js';
import { goalFr } from './goal.js';
import { needsFr } from './needs.js';
import { photosFr } from './photos.js';
import { teamsFr } from './teams.js';
import { volunteersFr } from './volunteers.js';
import { command, personText } from '../../chat/text.js';

const m = (a: Minor | number, c: string) => money(a as Minor, c, 'fr');
const d = (day: string) => formatDay(day, 'fr');
const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

/** The French catalogue: the reference every other language must match key for key. */
export const fr = {
  locale: 'fr' as const,
  teams: teamsFr,
  photos: photosFr,
  broadcasts: broadcastsFr,
  dashboard: dashboardFr,
  volunteers: volunteersFr,
  needs: needsFr,
  goal: goalFr,
  common: {
    sorry: "Désolé, quelque chose s'est mal passé de notre côté. Réessayez dans un instant.",
    notAdmin: 'Cette commande est réservée à l’équipe RH de la caravane.',
    formUnavailable: `Slack ne répond pas pour l’instant, le formulaire n’a pas pu s’ouvrir. Réessayez dans un instant (ou donnez tout dans la commande, par exemple ${command('/pledge 500')}).`,
    fileUnavailable: 'Slack ne répond pas pour l’instant, le fichier n’a pas pu vous être envoyé. Réessayez dans un instant.',
    badCommand: (cmd: string, prefix = '/') =>
      `Je n’ai pas compris « ${personText(cmd)} ». Tapez ${command(`${prefix}caravan help`)} pour voir ce que vous pouvez faire.`,
  },
  amount: {
    missing: `Indiquez un montant, par exemple ${command('/pledge 500')}.`,
    /** Inside a form, where only a number is typed in the field. */
    missingInForm: 'Indiquez un montant, par exemple 500.',
    invalid: (text: string, currency: string) =>
      `Je n’ai pas compris le montant « ${personText(text)} ». Écrivez-le comme 500, 1 500 ou 1500,50 (en ${currencyWords(currency, 'fr')}).`,
    /** Zero or less. */
    notPositive: 'Le montant doit être supérieur à zéro.',
    tooPrecise: 'Le montant a au plus deux décimales (les centimes).',
    /** An amount written in a currency that is not the campaign's: never counted as if it were. */
    otherCurrency: (text: string, currency: string) =>
      `La campagne compte en ${currencyNamed(currency, 'fr')} : « ${personText(text)} » est dans une autre monnaie. Indiquez le montant en ${currencyWords(currency, 'fr')}, par exemple 500.`,
    tooSmall: (min: number, c: string) => `Le montant minimum est de ${m(min, c)}.`,
    tooLarge: (max: number, c: string) => `Le montant maximum d’une promesse est de ${m(max, c)}. Pour un don plus important, contactez l’équipe RH.`,
  },
  campaign: {
    none: 'Aucune campagne n’est en cours pour le moment.',
    opensOn: (name: string, day: string) => `La campagne « ${name} » ouvrira le ${d(day)}.`,
    notStarted: (from: string, to: string) => `La campagne n’a pas encore commencé : elle se déroule du ${d(from)} au ${d(to)}.`,
    ended: (from: string, to: string) => `La campagne est terminée (du ${d(from)} au ${d(to)}) : les promesses sont closes. Merci à toutes et à tous !`,
    progressHeadline: (name: string) => `Caravane de solidarité — ${name}`,
    progress: (pledged: number, goal: number, c: string, percent: number) =>
      `${m(pledged, c)} promis sur un objectif de ${m(goal, c)} (${formatPercent(percent, 'fr')})`,
    counts: (donors: number, pledges: number, collected: number, c: string) =>
      `${plural(donors, 'donateur', 'donateurs')} · ${plural(pledges, 'promesse', 'promesses')} · ${m(collected, c)} collectés`,
    daysLeft: (n: number) => (n === 0 ? 'Dernier jour !' : `${plural(n, 'jour restant', 'jours restants')}`),
    endedOn: (day: string) => `Campagne terminée le ${d(day)}. Merci !`,
    startsOn: (day: string) => `Ouverture le ${d(day)}.`,
  },
  pledge: {
    recorded: (amount: number, c: string, id: number) => `Merci ! Votre promesse de ${m(amount, c)} est enregistrée (n° ${id}).`,
    recordedAnonymous: 'Elle restera anonyme dans les messages publics.',
    duplicate: (amount: number, c: string, id: number) => `Votre promesse de ${m(amount, c)} (n° ${id}) était déjà enregistrée.`,
    noteTooLong: (max: number) => `Le mot qui accompagne la promesse est limité à ${max} caractères.`,
    listTitle: (name: string) => `Vos promesses pour « ${name} »`,
    listEmpty: `Vous n’avez encore fait aucune promesse. Tapez ${command('/pledge 500')} pour commencer.`,
    listItem: (id: number, amount: number, c: string, status: string, day: string) => `n° ${id} — ${m(amount, c)} — ${status} — ${d(day)}`,
    status: { pledged: 'promise', collected: 'collectée', cancelled: 'annulée' },
    anonymousTag: 'anonyme',
    cancelHow: `Pour annuler : ${command('/pledge cancel N')}.`,
    cancelUsage: `Indiquez le numéro de la promesse à annuler, par exemple ${command('/pledge cancel 12')} (voir ${command('/pledge list')}).`,
    cancelled: (id: number, amount: number, c: string) => `Votre promesse n° ${id} de ${m(amount, c)} est annulée.`,
    notFound: (id: number) => `Je ne trouve aucune promesse n° ${id} à votre nom. Voyez ${command('/pledge list')}.`,
    alreadyCancelled: (id: number) => `La promesse n° ${id} était déjà annulée.`,
    alreadyCollected: (id: number) => `La promesse n° ${id} a déjà été collectée : elle ne peut plus être annulée. Contactez l’équipe RH au besoin.`,
    collected: (id: number, amount: number, c: string) => `Promesse n° ${id} de ${m(amount, c)} marquée comme collectée.`,
    collectUsage: `Indiquez le numéro de la promesse collectée, par exemple ${command('/caravan collect 12')}.`,
    collectAlready: (id: number) => `La promesse n° ${id} était déjà collectée.`,
    collectCancelled: (id: number) => `La promesse n° ${id} a été annulée : elle ne peut pas être collectée.`,
    collectNotFound: (id: number) => `Aucune promesse n° ${id}.`,
  },
  form: {
    title: 'Faire une promesse',
    submit: 'Promettre',
    close: 'Annuler',
    intro: (name: string, currency: string) => `Votre promesse pour « ${name} ». Le montant est en ${currencyWords(currency, 'fr')}.`,
    amountLabel: (currency: string) => `Montant (${currency})`,
    amountPlaceholder: 'ex. 500 ou 1 500,50',
    anonymousLabel: 'Confidentialité',
    anonymousOption: 'Rester anonyme dans les messages publics',
    noteLabel: 'Un mot',
    notePlaceholder: 'Pour les enfants de…',
  },
  help: {
    title: 'Ce que vous pouvez faire avec Caravane',
    everyone: (p: string) => [
      `${command(`${p}pledge 500`)} — une promesse de 500 (ajoutez ${command('anonyme')} et un mot si vous voulez)`,
      `${command(`${p}pledge`)} — ouvrir le formulaire de promesse`,
      `${command(`${p}pledge list`)} — vos promesses · ${command(`${p}pledge cancel N`)} — annuler la promesse n° N`,
      `${command(`${p}caravan`)} — où en est la campagne`,
    ],
    hrTitle: 'Pour l’équipe RH',
    hr: (p: string) => [`${command(`${p}caravan collect N`)} — marquer la promesse n° N comme collectée`],
  },
};

export type Catalogue = Omit<typeof fr, 'locale'> & { locale: 'fr' | 'en' };
