/**
 * Words of the campaign channels: channel registration, the daily digest, milestones, HR
 * announcements and their delivery status. French is the reference; English has the same shape.
 */
import type { Minor } from '../money.js';
import { formatDay, formatPercent, money } from './format.js';

const mFr = (a: Minor | number, c: string) => money(a as Minor, c, 'fr');
const mEn = (a: Minor | number, c: string) => money(a as Minor, c, 'en');
const signed = (text: string, n: number) => (n > 0 ? `+${text}` : text);
const pluralFr = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;
const pluralEn = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const when = (tag: string) => (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);

export const broadcastsFr = {
  at: when('fr-FR'),
  channels: {
    added: 'Ce canal est maintenant un canal de la campagne : il recevra le point du jour, les paliers et les annonces.',
    alreadyAdded: 'Ce canal est déjà un canal de la campagne.',
    removed: 'Ce canal ne recevra plus les messages de la campagne.',
    notAChannel: 'Ce canal n’était pas un canal de la campagne.',
    needsChannel: (p: string) => `Tapez \`${p}caravan channel\` dans le canal à ajouter, pas en message privé.`,
    usage: (p: string) => `\`${p}caravan channel\` ajoute ce canal, \`${p}caravan channel off\` le retire.`,
    listTitle: 'Canaux de la campagne',
    listEmpty: (p: string) => `Aucun canal pour l’instant. Tapez \`${p}caravan channel\` dans un canal pour l’ajouter.`,
    listItem: (label: string, day: string) => `${label} — ajouté le ${formatDay(day, 'fr')}`,
  },
  digest: {
    headline: (name: string) => `Le point du jour — ${name}`,
    closingHeadline: (name: string) => `Campagne terminée — ${name}`,
    closingThanks: 'La campagne s’est terminée hier. Merci à toutes et à tous pour votre générosité !',
    yesterday: 'hier',
    sinceDay: (day: string) => `le ${formatDay(day, 'fr')}`,
    noChange: (since: string) => `Pas de changement depuis ${since}.`,
    change: (since: string, pledged: number, donors: number, c: string) =>
      `Depuis ${since} : ${signed(mFr(pledged, c), pledged)} promis, ${signed(pluralFr(donors, 'donateur', 'donateurs'), donors)}.`,
    first: 'Premier point de la campagne : merci aux premiers donateurs !',
    seats: (filled: number, capacity: number) => `Bénévoles : ${filled} place${filled > 1 ? 's' : ''} pourvue${filled > 1 ? 's' : ''} sur ${capacity}.`,
  },
  milestone: {
    headline: (n: number): string => (n > 1 ? 'Paliers atteints !' : 'Palier atteint !'),
    percent: (p: number) => `${formatPercent(p, 'fr')} de l’objectif`,
    amount: (a: number, c: string) => `${mFr(a, c)} promis`,
    thanks: 'Merci à toutes celles et ceux qui ont donné !',
    added: (a: number, c: string) => `Palier de ${mFr(a, c)} ajouté : il sera annoncé dans les canaux de la campagne quand il sera atteint.`,
    alreadyPassed: (a: number, c: string) => `Palier de ${mFr(a, c)} ajouté, mais il est déjà dépassé : il ne sera pas annoncé.`,
    already: (a: number, c: string) => `Le palier de ${mFr(a, c)} existe déjà.`,
    usage: (p: string) => `Indiquez un montant, par exemple \`${p}caravan milestone add 150000\`.`,
    listTitle: (name: string) => `Paliers de « ${name} »`,
    reachedTag: 'atteint',
  },
  announce: {
    headline: 'Annonce de l’équipe RH',
    queued: (n: number, p: string) =>
      `Annonce en route vers ${pluralFr(n, 'canal', 'canaux')} de la campagne. Suivi : \`${p}caravan announce status\`.`,
    scheduled: (n: number, at: string, p: string) =>
      `Annonce programmée pour le ${at}, vers ${pluralFr(n, 'canal', 'canaux')} de la campagne. Suivi : \`${p}caravan announce status\`.`,
    duplicate: 'Cette annonce était déjà enregistrée : elle ne partira qu’une fois.',
    noChannels: (p: string) => `Aucun canal de campagne pour l’instant : tapez d’abord \`${p}caravan channel\` dans un canal.`,
    usage: (p: string) =>
      `Écrivez le message après la commande, par exemple \`${p}caravan announce Départ samedi à 8 h !\`. Pour le programmer : \`${p}caravan announce at 2026-12-01 09:00 Votre message\`.`,
    tooLong: (max: number) => `Une annonce est limitée à ${max} caractères.`,
    inPast: 'Ce moment est déjà passé : choisissez une date et une heure à venir.',
    tooFar: (days: number) => `Une annonce ne peut pas être programmée à plus de ${days} jours.`,
    badTime: 'Je n’ai pas compris la date : écrivez-la AAAA-MM-JJ HH:MM, par exemple 2026-12-01 09:00.',
  },
  status: {
    title: 'Derniers envois',
    empty: 'Rien n’a encore été envoyé dans les canaux de la campagne.',
    kind: {
      digest: 'Point du jour',
      milestone: 'Palier',
      announcement: 'Annonce',
      reminder: 'Rappel',
      promotion: 'Liste d’attente',
      album: 'Album photo',
    },
    counts: (sent: number, pending: number, failed: number) => `${sent} envoyé(s) · ${pending} en attente · ${failed} en échec`,
    quoted: (text: string) => `« ${text} »`,
    scheduledFor: (at: string) => `programmé pour le ${at}`,
    duplicates: (n: number) => `${n} possible(s) doublon(s) : la réponse de la plateforme a été perdue lors d’un arrêt.`,
    failure: (reason: string, n: number, where: string) => `Échec (${reason}) × ${n} : ${where}`,
    reasons: {
      channel_not_found: 'canal introuvable',
      is_archived: 'canal archivé',
      not_in_channel: 'le bot n’est pas membre du canal',
      account_inactive: 'compte du bot désactivé',
      invalid_auth: 'jeton refusé',
      missing_scope: 'permission manquante',
      forbidden: 'bot retiré ou bloqué',
      not_found: 'conversation introuvable',
      gave_up: 'abandon après plusieurs essais',
      no_sender: 'plateforme non configurée',
      bad_payload: 'message illisible',
    } as Record<string, string>,
  },
  modal: {
    title: 'Annonce',
    intro: (n: number) => `Elle sera publiée dans ${pluralFr(n, 'canal', 'canaux')} de la campagne, sur Slack et Teams.`,
    textLabel: 'Message',
    textPlaceholder: 'Départ de la caravane samedi à 8 h…',
    whenLabel: 'Quand ?',
    now: 'Envoyer maintenant',
    later: 'Programmer l’envoi',
    atLabel: 'Date et heure d’envoi (si programmé)',
    atMissing: 'Choisissez la date et l’heure d’envoi.',
    next: 'Aperçu',
    previewTitle: 'Aperçu',
    previewNow: (n: number) => `Envoi immédiat dans ${pluralFr(n, 'canal', 'canaux')}.`,
    previewAt: (n: number, at: string) => `Envoi le ${at} dans ${pluralFr(n, 'canal', 'canaux')}.`,
    send: 'Envoyer',
    close: 'Annuler',
    doneTitle: 'Annonce',
    doneClose: 'Fermer',
  },
  help: (p: string) => [
    `\`${p}caravan channel\` — faire de ce canal un canal de campagne · \`${p}caravan channel off\` — l’en retirer · \`${p}caravan channels\` — la liste`,
    `\`${p}caravan announce TEXTE\` — annoncer dans tous les canaux de la campagne (sans texte sur Slack : formulaire avec aperçu et envoi programmé)`,
    `\`${p}caravan announce status\` — où en sont les derniers envois`,
    `\`${p}caravan milestone add 150000\` — ajouter un palier · \`${p}caravan milestones\` — les paliers`,
  ],
};

export type BroadcastTexts = typeof broadcastsFr;

export const broadcastsEn: BroadcastTexts = {
  at: when('en-GB'),
  channels: {
    added: 'This channel is now a campaign channel: it will get the daily digest, milestones and announcements.',
    alreadyAdded: 'This channel is already a campaign channel.',
    removed: 'This channel will no longer get campaign messages.',
    notAChannel: 'This channel was not a campaign channel.',
    needsChannel: (p: string) => `Type \`${p}caravan channel\` in the channel to add, not in a direct message.`,
    usage: (p: string) => `\`${p}caravan channel\` adds this channel, \`${p}caravan channel off\` removes it.`,
    listTitle: 'Campaign channels',
    listEmpty: (p: string) => `No channel yet. Type \`${p}caravan channel\` in a channel to add it.`,
    listItem: (label: string, day: string) => `${label} — added on ${formatDay(day, 'en')}`,
  },
  digest: {
    headline: (name: string) => `Today’s update — ${name}`,
    closingHeadline: (name: string) => `Campaign closed — ${name}`,
    closingThanks: 'The campaign ended yesterday. Thank you all for your generosity!',
    yesterday: 'yesterday',
    sinceDay: (day: string) => formatDay(day, 'en'),
    noChange: (since: string) => `No change since ${since}.`,
    change: (since: string, pledged: number, donors: number, c: string) =>
      `Since ${since}: ${signed(mEn(pledged, c), pledged)} pledged, ${signed(pluralEn(donors, 'donor', 'donors'), donors)}.`,
    first: 'First update of the campaign: thank you to the first donors!',
    seats: (filled: number, capacity: number) => `Volunteers: ${filled} of ${capacity} seats filled.`,
  },
  milestone: {
    headline: (n: number) => (n > 1 ? 'Milestones reached!' : 'Milestone reached!'),
    percent: (p: number) => `${formatPercent(p, 'en')} of the goal`,
    amount: (a: number, c: string) => `${mEn(a, c)} pledged`,
    thanks: 'Thank you to everyone who gave!',
    added: (a: number, c: string) => `Milestone of ${mEn(a, c)} added: it will be announced in the campaign channels when reached.`,
    alreadyPassed: (a: number, c: string) => `Milestone of ${mEn(a, c)} added, but it is already passed: it will not be announced.`,
    already: (a: number, c: string) => `The ${mEn(a, c)} milestone already exists.`,
    usage: (p: string) => `Give an amount, for example \`${p}caravan milestone add 150000\`.`,
    listTitle: (name: string) => `Milestones of “${name}”`,
    reachedTag: 'reached',
  },
  announce: {
    headline: 'Announcement from the HR team',
    queued: (n: number, p: string) =>
      `Announcement on its way to ${pluralEn(n, 'campaign channel', 'campaign channels')}. Follow it with \`${p}caravan announce status\`.`,
    scheduled: (n: number, at: string, p: string) =>
      `Announcement scheduled for ${at}, to ${pluralEn(n, 'campaign channel', 'campaign channels')}. Follow it with \`${p}caravan announce status\`.`,
    duplicate: 'This announcement was already recorded: it will go out once.',
    noChannels: (p: string) => `There is no campaign channel yet: first type \`${p}caravan channel\` in a channel.`,
    usage: (p: string) =>
      `Write the message after the command, for example \`${p}caravan announce We leave on Saturday at 8!\`. To schedule it: \`${p}caravan announce at 2026-12-01 09:00 Your message\`.`,
    tooLong: (max: number) => `An announcement is limited to ${max} characters.`,
    inPast: 'That time has already passed: pick a date and time to come.',
    tooFar: (days: number) => `An announcement cannot be scheduled more than ${days} days ahead.`,
    badTime: 'I could not read the date: write it YYYY-MM-DD HH:MM, for example 2026-12-01 09:00.',
  },
  status: {
    title: 'Latest deliveries',
    empty: 'Nothing has been sent to the campaign channels yet.',
    kind: {
      digest: 'Daily update',
      milestone: 'Milestone',
      announcement: 'Announcement',
      reminder: 'Reminder',
      promotion: 'Waiting list',
      album: 'Photo album',
    },
    counts: (sent: number, pending: number, failed: number) => `${sent} sent · ${pending} pending · ${failed} failed`,
    quoted: (text: string) => `“${text}”`,
    scheduledFor: (at: string) => `scheduled for ${at}`,
    duplicates: (n: number) => `${n} possible duplicate(s): the platform’s answer was lost when the bot stopped.`,
    failure: (reason: string, n: number, where: string) => `Failed (${reason}) × ${n}: ${where}`,
    reasons: {
      channel_not_found: 'channel not found',
      is_archived: 'channel archived',
      not_in_channel: 'the bot is not a member of the channel',
      account_inactive: 'bot account deactivated',
      invalid_auth: 'token refused',
      missing_scope: 'missing permission',
      forbidden: 'bot removed or blocked',
      not_found: 'conversation not found',
      gave_up: 'gave up after several attempts',
      no_sender: 'platform not configured',
      bad_payload: 'unreadable message',
    } as Record<string, string>,
  },
  modal: {
    title: 'Announcement',
    intro: (n: number) => `It will be posted in ${pluralEn(n, 'campaign channel', 'campaign channels')}, on Slack and Teams.`,
    textLabel: 'Message',
    textPlaceholder: 'The caravan leaves on Saturday at 8…',
    whenLabel: 'When?',
    now: 'Send now',
    later: 'Schedule it',
    atLabel: 'Date and time to send (when scheduled)',
    atMissing: 'Pick the date and time to send it.',
    next: 'Preview',
    previewTitle: 'Preview',
    previewNow: (n: number) => `Sent now to ${pluralEn(n, 'channel', 'channels')}.`,
    previewAt: (n: number, at: string) => `Sent on ${at} to ${pluralEn(n, 'channel', 'channels')}.`,
    send: 'Send',
    close: 'Cancel',
    doneTitle: 'Announcement',
    doneClose: 'Close',
  },
  help: (p: string) => [
    `\`${p}caravan channel\` — make this a campaign channel · \`${p}caravan channel off\` — remove it · \`${p}caravan channels\` — the list`,
    `\`${p}caravan announce TEXT\` — announce in every campaign channel (no text on Slack: a form with a preview and scheduling)`,
    `\`${p}caravan announce status\` — how the latest deliveries are doing`,
    `\`${p}caravan milestone add 150000\` — add a milestone · \`${p}caravan milestones\` — the milestones`,
  ],
};
