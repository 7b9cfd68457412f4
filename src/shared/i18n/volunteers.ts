/**
 * Words of the volunteers feature: trips, the sign-up form, seats and waitlist, direct messages,
 * reminders and HR's roster. French is the reference; English has the same shape.
 */
import { formatDay } from './format.js';
import { tripsEn, tripsFr } from './trips.js';
import { bold, command } from '../../chat/text.js';

const dFr = (day: string) => formatDay(day, 'fr');
const dEn = (day: string) => formatDay(day, 'en');
const sFr = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;
const sEn = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const volunteersFr = {
  trip: tripsFr,
  dates: (from: string, to: string) => (from === to ? `le ${dFr(from)}` : `du ${dFr(from)} au ${dFr(to)}`),
  anywhere: 'Là où je serai utile',
  /** The same choice inside a sentence about the person (« rôle : là où vous serez utile »). */
  anywhereInSentence: 'là où vous serez utile',
  seatsLeft: (n: number) => sFr(n, 'place libre', 'places libres'),
  full: 'complet, liste d’attente',
  meeting: (point: string | null, time: string | null) =>
    point && time ? `Rendez-vous : ${point}, à ${time}.` : point ? `Rendez-vous : ${point}.` : time ? `Rendez-vous à ${time}.` : null,
  confirmedState: 'confirmé·e',
  waitlistedState: (pos: number) => `liste d’attente, position ${pos}`,
  waitlistName: 'en liste d’attente',
  form: {
    title: 'Bénévolat caravane',
    submit: 'M’inscrire',
    close: 'Annuler',
    intro: (trip: string, dates: string) => `Inscription pour « ${trip} » (${dates}).`,
    introSeveral: 'Choisissez votre voyage et votre rôle.',
    privacy: (days: number) =>
      `Votre téléphone, votre contact d’urgence et vos remarques ne sont vus que par vous et l’équipe RH ; ils sont effacés ${days} jours après le voyage.`,
    choiceLabel: 'Votre rôle',
    choiceSeveralLabel: 'Voyage et rôle',
    choicePlaceholder: 'Choisir…',
    phoneLabel: 'Téléphone mobile',
    phonePlaceholder: '06 12 34 56 78',
    emergencyNameLabel: 'Contact d’urgence : nom',
    emergencyPhoneLabel: 'Contact d’urgence : téléphone',
    notesLabel: 'Remarques : régime, santé',
    notesPlaceholder: 'Végétarien, allergie aux arachides…',
    rulesLabel: 'Règles du voyage',
    rulesOption: 'J’accepte les règles du voyage : horaires, sécurité, consignes de l’équipe.',
    privateOnly:
      'Votre inscription demande un téléphone et un contact d’urgence : écrivez « volunteer » dans votre conversation privée avec Caravane pour ouvrir le formulaire.',
    useSlash: `Tapez ${command('/volunteer')} pour ouvrir le formulaire d’inscription.`,
  },
  errors: {
    'phone.missing': 'Indiquez un numéro de téléphone.',
    'phone.invalid': 'Ce numéro ne semble pas valide : écrivez-le comme 06 12 34 56 78 ou +212 6 12 34 56 78.',
    'phone.not_international': 'Pour un numéro hors du Maroc, écrivez-le avec l’indicatif du pays, par exemple +33 6 12 34 56 78.',
    'choice.missing': 'Choisissez un rôle.',
    'choice.invalid': 'Ce choix n’est plus proposé : choisissez de nouveau.',
    'emergency.name_missing': 'Indiquez le nom d’une personne à prévenir en cas d’urgence.',
    'emergency.name_too_long': 'Ce nom est trop long (120 caractères au plus).',
    'emergency.same_phone': 'Le contact d’urgence doit avoir un autre numéro que le vôtre.',
    'notes.too_long': 'Les remarques sont limitées à 500 caractères.',
    'rules.required': 'Cochez la case pour accepter les règles du voyage.',
  },
  signup: {
    confirmed: (trip: string, dates: string, role: string) => `C’est confirmé ! Vous partez avec « ${trip} » (${dates}), rôle : ${role}.`,
    /** `role` null: the person chose "anywhere useful". */
    waitlisted: (trip: string, role: string | null, pos: number) =>
      `« ${trip} » n’a plus de place ${role === null ? 'libre' : `pour le rôle « ${role} »`} : vous êtes en liste d’attente, position ${pos}. Nous vous écrirons si une place se libère.`,
    already: (n: number, trip: string, state: string) => `Vous êtes déjà inscrit·e pour « ${trip} » (n° ${n}, ${state}).`,
    closed: (trip: string, day: string) => `Les inscriptions pour « ${trip} » sont closes (le dernier jour était le ${dFr(day)}).`,
    noTrip: 'Aucun voyage n’est ouvert aux inscriptions pour le moment.',
    tripGone: `Ce voyage n’existe plus. Tapez ${command('/volunteer')} pour voir ceux qui sont ouverts.`,
    number: (n: number) => `Numéro d’inscription : ${n}. Pour voir où vous en êtes : ${command('/volunteer status')}.`,
  },
  status: {
    title: 'Vos inscriptions',
    none: (p: string) => `Vous n’êtes inscrit·e à aucun voyage. Tapez ${command(`${p}volunteer`)} pour vous inscrire.`,
    item: (n: number, trip: string, dates: string, role: string, state: string) => `n° ${n} — « ${trip} » (${dates}) — ${role} — ${state}`,
    phone: (hint: string) => `Téléphone enregistré se terminant par ${hint}.`,
    cancelHow: (p: string) => `Pour vous désister : ${command(`${p}volunteer cancel N`)}.`,
  },
  cancel: {
    done: (n: number, trip: string) => `Votre inscription n° ${n} pour « ${trip} » est annulée. Merci de nous avoir prévenus.`,
    which: (p: string) =>
      `Vous avez plusieurs inscriptions : précisez laquelle, par exemple ${command(`${p}volunteer cancel 12`)} (voir ${command(`${p}volunteer status`)}).`,
    none: 'Vous n’avez aucune inscription en cours.',
    notFound: (n: number) => `Aucune inscription n° ${n} en cours à votre nom.`,
    usage: (p: string) => `Écrivez ${command(`${p}volunteer cancel`)}, ou ${command(`${p}volunteer cancel N`)} avec le numéro de l’inscription.`,
  },
  dm: {
    promotedHeadline: 'Une place s’est libérée !',
    confirmed: (trip: string, dates: string, role: string) => `Vous êtes confirmé·e pour « ${trip} » (${dates}), rôle : ${role}.`,
    cancelHow: `Si vous ne pouvez plus venir, tapez ${command('volunteer cancel')} pour libérer la place.`,
    hrHeadline: 'Votre inscription à la caravane',
    confirmedByHr: (trip: string, dates: string, role: string) => `L’équipe RH vous a confirmé·e pour « ${trip} » (${dates}), rôle : ${role}.`,
    waitlistedByHr: (trip: string, pos: number) => `L’équipe RH vous a placé·e en liste d’attente pour « ${trip} », position ${pos}.`,
    removedByHr: (trip: string) => `L’équipe RH a retiré votre inscription pour « ${trip} ». Contactez-la pour toute question.`,
    reminderHeadline: (days: number) => (days <= 1 ? 'La caravane part demain !' : `La caravane part dans ${days} jours`),
    reminder: (trip: string, dates: string, role: string) => `Vous partez avec « ${trip} » (${dates}), rôle : ${role}.`,
    reminderNoMeeting: 'Le lieu et l’heure du rendez-vous vous seront précisés par l’équipe RH.',
  },
  progress: (confirmed: number, capacity: number, waitlisted: number) =>
    `Bénévoles : ${confirmed} place${confirmed > 1 ? 's' : ''} pourvue${confirmed > 1 ? 's' : ''} sur ${capacity}${waitlisted > 0 ? ` · ${waitlisted} en liste d’attente` : ''}`,
  help: {
    everyone: (p: string) => [
      `${command(`${p}volunteer`)} — s’inscrire comme bénévole · ${command(`${p}volunteer status`)} — votre inscription · ${command(`${p}volunteer cancel`)} — vous désister`,
      `${command(`${p}caravan trips`)} — les voyages et leurs places`,
    ],
    hr: (p: string) => [
      `${command(`${p}caravan trip`)} — créer un voyage · ${command(`${p}caravan trip N`)} — le modifier`,
      `${command(`${p}caravan roster [N]`)} — les inscrits par rôle · ${command(`${p}caravan export volunteers`)} — le fichier CSV, en privé`,
      `${command(`${p}caravan volunteer move N confirmed|waitlist`)} — déplacer l’inscription n° N · ${command(`${p}caravan volunteer remove N`)} — la retirer`,
    ],
  },
  hr: {
    rosterTitle: (trip: string, dates: string) => `Inscrits — « ${trip} » (${dates})`,
    roleLine: (role: string, confirmed: number, seats: number, people: string) => `${bold(role)} — ${confirmed}/${seats} : ${people}`,
    entry: (n: number, name: string) => `n° ${n} ${name}`,
    nobody: 'personne pour l’instant',
    waitlistTitle: (n: number) => `${bold('Liste d’attente')} — ${n}`,
    waitEntry: (pos: number, n: number, name: string, role: string) => `${pos}. n° ${n} ${name} (${role})`,
    unnamed: 'sans nom',
    whichTrip: (p: string) => `Plusieurs voyages : précisez lequel, par exemple ${command(`${p}caravan roster 2`)} (voir ${command(`${p}caravan trips`)}).`,
    noTrips: (p: string) => `Aucun voyage pour cette campagne. ${command(`${p}caravan trip`)} en crée un.`,
    tripNotFound: (n: number) => `Aucun voyage n° ${n} dans cette campagne.`,
    exportSent: 'Le fichier CSV des bénévoles vous a été envoyé en message privé. Il contient des données personnelles : ne le partagez pas.',
    exportComment: (name: string) => `Bénévoles — ${name}. Données personnelles : ne pas partager.`,
    exportLink: (url: string) => `Le fichier CSV des bénévoles (lien valable 15 minutes, données personnelles : ne pas partager) : ${url}`,
    exportUsage: (p: string) => `Écrivez ${command(`${p}caravan export volunteers`)} (ou ${command(`${p}caravan export volunteers N`)} pour un seul voyage).`,
    moveUsage: (p: string) =>
      `Écrivez ${command(`${p}caravan volunteer move N confirmed`)}, ${command(`${p}caravan volunteer move N waitlist`)} ou ${command(`${p}caravan volunteer remove N`)}.`,
    moved: (n: number, name: string, state: string) => `Inscription n° ${n} (${name}) : ${state}. La personne est prévenue en message privé.`,
    removed: (n: number, name: string) => `Inscription n° ${n} (${name}) retirée. La personne est prévenue en message privé.`,
    promoted: (count: number) =>
      count === 1
        ? '1 personne de la liste d’attente a obtenu une place et en est prévenue.'
        : `${count} personnes de la liste d’attente ont obtenu une place et en sont prévenues.`,
    signupNotFound: (n: number) => `Aucune inscription n° ${n} en cours.`,
    alreadyThere: (n: number, state: string) => `L’inscription n° ${n} est déjà : ${state}.`,
    noSeat: (role: string) => `Plus de place pour « ${role} » : mettez d’abord quelqu’un en liste d’attente.`,
    tripsTitle: (name: string) => `Voyages — ${name}`,
    tripItem: (n: number, trip: string, dates: string, confirmed: number, seats: number, waitlisted: number, last: string) =>
      `n° ${n} « ${trip} » (${dates}) — ${confirmed}/${seats} places, ${waitlisted} en attente — inscriptions jusqu’au ${dFr(last)}`,
  },
};

export type VolunteersCatalogue = typeof volunteersFr;

export const volunteersEn: VolunteersCatalogue = {
  trip: tripsEn,
  dates: (from, to) => (from === to ? `on ${dEn(from)}` : `${dEn(from)} to ${dEn(to)}`),
  anywhere: 'Wherever I am useful',
  anywhereInSentence: 'wherever you are useful',
  seatsLeft: (n) => sEn(n, 'seat left', 'seats left'),
  full: 'full, waitlist',
  meeting: (point, time) => (point && time ? `Meeting point: ${point}, at ${time}.` : point ? `Meeting point: ${point}.` : time ? `Meet at ${time}.` : null),
  confirmedState: 'confirmed',
  waitlistedState: (pos) => `waitlist, position ${pos}`,
  waitlistName: 'on the waitlist',
  form: {
    title: 'Caravan volunteering',
    submit: 'Sign me up',
    close: 'Cancel',
    intro: (trip, dates) => `Sign-up for “${trip}” (${dates}).`,
    introSeveral: 'Choose your trip and your role.',
    privacy: (days) => `Your phone, emergency contact and notes are seen only by you and the HR team; they are deleted ${days} days after the trip.`,
    choiceLabel: 'Your role',
    choiceSeveralLabel: 'Trip and role',
    choicePlaceholder: 'Choose…',
    phoneLabel: 'Mobile phone',
    phonePlaceholder: '06 12 34 56 78',
    emergencyNameLabel: 'Emergency contact: name',
    emergencyPhoneLabel: 'Emergency contact: phone',
    notesLabel: 'Notes: diet, health',
    notesPlaceholder: 'Vegetarian, peanut allergy…',
    rulesLabel: 'Trip rules',
    // Slack shows at most 75 characters in an option (docs.slack.dev/reference/block-kit/composition-objects/option-object).
    rulesOption: 'I accept the trip’s rules: timing, safety and the team’s instructions.',
    privateOnly: 'Signing up asks for a phone number and an emergency contact: write “volunteer” in your private chat with Caravane to open the form.',
    useSlash: `Type ${command('/volunteer')} to open the sign-up form.`,
  },
  errors: {
    'phone.missing': 'Please give a phone number.',
    'phone.invalid': 'This number does not look valid: write it like 06 12 34 56 78 or +212 6 12 34 56 78.',
    'phone.not_international': 'For a number outside Morocco, write it with the country code, for example +33 6 12 34 56 78.',
    'choice.missing': 'Please choose a role.',
    'choice.invalid': 'This choice is no longer offered: please choose again.',
    'emergency.name_missing': 'Please give the name of someone to call in an emergency.',
    'emergency.name_too_long': 'This name is too long (120 characters at most).',
    'emergency.same_phone': 'Your emergency contact needs a different number from yours.',
    'notes.too_long': 'Notes are limited to 500 characters.',
    'rules.required': 'Please tick the box to accept the trip’s rules.',
  },
  signup: {
    confirmed: (trip, dates, role) => `Confirmed! You are going on “${trip}” (${dates}), role: ${role}.`,
    waitlisted: (trip, role, pos) =>
      `“${trip}” has no ${role === null ? 'free seat left' : `seat left for “${role}”`}: you are on the waitlist, position ${pos}. We will write to you if a seat frees up.`,
    already: (n, trip, state) => `You are already signed up for “${trip}” (no. ${n}, ${state}).`,
    closed: (trip, day) => `Sign-ups for “${trip}” are closed (the last day was ${dEn(day)}).`,
    noTrip: 'No trip is open for sign-up right now.',
    tripGone: `This trip no longer exists. Type ${command('/volunteer')} to see the open ones.`,
    number: (n) => `Sign-up number: ${n}. To see where you stand: ${command('/volunteer status')}.`,
  },
  status: {
    title: 'Your sign-ups',
    none: (p) => `You have not signed up for any trip. Type ${command(`${p}volunteer`)} to sign up.`,
    item: (n, trip, dates, role, state) => `no. ${n} — “${trip}” (${dates}) — ${role} — ${state}`,
    phone: (hint) => `Phone on file ending in ${hint}.`,
    cancelHow: (p) => `To withdraw: ${command(`${p}volunteer cancel N`)}.`,
  },
  cancel: {
    done: (n, trip) => `Your sign-up no. ${n} for “${trip}” is cancelled. Thank you for letting us know.`,
    which: (p) => `You have several sign-ups: say which, for example ${command(`${p}volunteer cancel 12`)} (see ${command(`${p}volunteer status`)}).`,
    none: 'You have no sign-up in progress.',
    notFound: (n) => `You have no sign-up no. ${n} in progress.`,
    usage: (p) => `Write ${command(`${p}volunteer cancel`)}, or ${command(`${p}volunteer cancel N`)} with the sign-up number.`,
  },
  dm: {
    promotedHeadline: 'A seat has freed up!',
    confirmed: (trip, dates, role) => `You are confirmed for “${trip}” (${dates}), role: ${role}.`,
    cancelHow: `If you cannot come any more, type ${command('volunteer cancel')} to free the seat.`,
    hrHeadline: 'Your caravan sign-up',
    confirmedByHr: (trip, dates, role) => `The HR team confirmed you for “${trip}” (${dates}), role: ${role}.`,
    waitlistedByHr: (trip, pos) => `The HR team put you on the waitlist for “${trip}”, position ${pos}.`,
    removedByHr: (trip) => `The HR team removed your sign-up for “${trip}”. Please contact them with any question.`,
    reminderHeadline: (days) => (days <= 1 ? 'The caravan leaves tomorrow!' : `The caravan leaves in ${days} days`),
    reminder: (trip, dates, role) => `You are going on “${trip}” (${dates}), role: ${role}.`,
    reminderNoMeeting: 'The HR team will tell you where and when to meet.',
  },
  progress: (confirmed, capacity, waitlisted) =>
    `Volunteers: ${confirmed} of ${capacity} seats filled${waitlisted > 0 ? ` · ${waitlisted} on the waitlist` : ''}`,
  help: {
    everyone: (p) => [
      `${command(`${p}volunteer`)} — sign up as a volunteer · ${command(`${p}volunteer status`)} — your sign-up · ${command(`${p}volunteer cancel`)} — withdraw`,
      `${command(`${p}caravan trips`)} — the trips and their seats`,
    ],
    hr: (p) => [
      `${command(`${p}caravan trip`)} — create a trip · ${command(`${p}caravan trip N`)} — edit it`,
      `${command(`${p}caravan roster [N]`)} — who signed up, by role · ${command(`${p}caravan export volunteers`)} — the CSV file, privately`,
      `${command(`${p}caravan volunteer move N confirmed|waitlist`)} — move sign-up no. N · ${command(`${p}caravan volunteer remove N`)} — remove it`,
    ],
  },
  hr: {
    rosterTitle: (trip, dates) => `Sign-ups — “${trip}” (${dates})`,
    roleLine: (role, confirmed, seats, people) => `${bold(role)} — ${confirmed}/${seats}: ${people}`,
    entry: (n, name) => `no. ${n} ${name}`,
    nobody: 'nobody yet',
    waitlistTitle: (n) => `${bold('Waitlist')} — ${n}`,
    waitEntry: (pos, n, name, role) => `${pos}. no. ${n} ${name} (${role})`,
    unnamed: 'no name',
    whichTrip: (p) => `Several trips: say which, for example ${command(`${p}caravan roster 2`)} (see ${command(`${p}caravan trips`)}).`,
    noTrips: (p) => `This campaign has no trip. ${command(`${p}caravan trip`)} creates one.`,
    tripNotFound: (n) => `No trip no. ${n} in this campaign.`,
    exportSent: 'The volunteers CSV file was sent to you in a direct message. It holds personal data: do not share it.',
    exportComment: (name) => `Volunteers — ${name}. Personal data: do not share.`,
    exportLink: (url) => `The volunteers CSV file (link valid for 15 minutes; personal data, do not share): ${url}`,
    exportUsage: (p) => `Write ${command(`${p}caravan export volunteers`)} (or ${command(`${p}caravan export volunteers N`)} for one trip).`,
    moveUsage: (p) =>
      `Write ${command(`${p}caravan volunteer move N confirmed`)}, ${command(`${p}caravan volunteer move N waitlist`)} or ${command(`${p}caravan volunteer remove N`)}.`,
    moved: (n, name, state) => `Sign-up no. ${n} (${name}): ${state}. They were told in a direct message.`,
    removed: (n, name) => `Sign-up no. ${n} (${name}) removed. They were told in a direct message.`,
    promoted: (count) => `${sEn(count, 'person', 'people')} from the waitlist got a seat and were told.`,
    signupNotFound: (n) => `No sign-up no. ${n} in progress.`,
    alreadyThere: (n, state) => `Sign-up no. ${n} is already: ${state}.`,
    noSeat: (role) => `No seat left for “${role}”: put someone on the waitlist first.`,
    tripsTitle: (name) => `Trips — ${name}`,
    tripItem: (n, trip, dates, confirmed, seats, waitlisted, last) =>
      `no. ${n} “${trip}” (${dates}) — ${confirmed}/${seats} seats, ${waitlisted} waiting — sign-ups until ${dEn(last)}`,
  },
};
