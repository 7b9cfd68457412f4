/**
 * Words of the in-kind needs (`c.needs`): item names, `/give`, `/caravan needs`, `/caravan received`,
 * thanks, covered milestones, the digest's shortfall lines and the loading list. French is the
 * reference; English (needs-en.ts) has the same shape.
 */
import type { Minor } from '../money.js';
import { money } from './format.js';
import { bold, command, personText } from '../../chat/text.js';

type Gender = 'm' | 'f';

/** Item key → singular, plural and (French) gender. Items HR adds outside this list show as HR wrote them. */
const ITEMS_FR: Record<string, [string, string, Gender]> = {
  parka: ['parka', 'parkas', 'f'],
  boots: ['paire de bottes', 'paires de bottes', 'f'],
  pullover: ['pull', 'pulls', 'm'],
  blanket: ['couverture', 'couvertures', 'f'],
  football: ['ballon de football', 'ballons de football', 'm'],
  basketball: ['ballon de basket', 'ballons de basket', 'm'],
  wheelchair: ['fauteuil roulant', 'fauteuils roulants', 'm'],
  gloves: ['paire de gants', 'paires de gants', 'f'],
  hat: ['bonnet', 'bonnets', 'm'],
  scarf: ['écharpe', 'écharpes', 'f'],
  socks: ['paire de chaussettes', 'paires de chaussettes', 'f'],
  shoes: ['paire de chaussures', 'paires de chaussures', 'f'],
  trousers: ['pantalon', 'pantalons', 'm'],
  tracksuit: ['survêtement', 'survêtements', 'm'],
  schoolbag: ['cartable', 'cartables', 'm'],
  'winter-kit': ['kit d’hiver', 'kits d’hiver', 'm'],
};

/** What an item is, as the texts need it: key, HR's own word, size. */
export interface ItemRef {
  itemKey: string;
  itemLabel: string;
  size: string | null;
}

export const sized = (text: string, size: string | null) => (size === null ? text : `${text} (${size})`);
/** `de Benslimane`, `d’Imzer`. */
// A site marked as person text starts with an invisible mark, read past it for the elision.
const deFr = (site: string) => (/^\u2063?[aeiouyhâàéèêîïôû]/i.test(site) ? `d’${site}` : `de ${site}`);
const nameFr = (i: ItemRef, n: number) => ITEMS_FR[i.itemKey]?.[n <= 1 ? 0 : 1] ?? i.itemLabel;
const countFr = (n: number, i: ItemRef) => sized(`${n} ${nameFr(i, n)}`, i.size);

export const needsFr = {
  item: (i: ItemRef) => sized(nameFr(i, 2), i.size),
  count: countFr,
  shortfall: (site: string, n: number, i: ItemRef) => `${site} : encore ${countFr(n, i)}`,
  covered: (site: string, i: ItemRef) => {
    const g = ITEMS_FR[i.itemKey]?.[2] ?? 'm';
    return `${g === 'f' ? 'Toutes' : 'Tous'} les ${sized(nameFr(i, 2), i.size)} ${deFr(site)} sont ${g === 'f' ? 'promises' : 'promis'}`;
  },
  coveredHeadline: (campaign: string) => `🧺 Un besoin couvert — ${campaign}`,
  coveredThanks: 'Merci à toutes celles et ceux qui donnent !',
  give: {
    recorded: (n: number, i: ItemRef, site: string, id: number) => `Merci ! Votre don de ${countFr(n, i)} pour ${site} est enregistré (don n° ${id}).`,
    duplicate: (n: number, i: ItemRef, site: string, id: number) => `Votre don de ${countFr(n, i)} pour ${site} (don n° ${id}) était déjà enregistré.`,
    stillMissing: (n: number, i: ItemRef, site: string) => `Il manque encore ${countFr(n, i)} à ${site}.`,
    nowCovered: 'Ce besoin est maintenant entièrement couvert. Merci !',
    mostNeeded: (site: string) => `C’est à ${site} qu’il en manque le plus.`,
    handIn: 'L’équipe RH vous dira où et quand déposer les articles.',
    usage: (p: string) => `Écrivez par exemple ${command(`${p}give 3 parkas 8-10 Imzer`)} (quantité, article, taille, site).`,
    badQuantity: (max: number) => `Indiquez une quantité entière entre 1 et ${max}.`,
    unknownItem: (words: string) => `Je ne connais pas l’article « ${personText(words)} ». Voici ce qui manque encore :`,
    ambiguous: 'Précisez l’article, la taille ou le site. Voici ce qui correspond :',
    notNeeded: 'Cet article n’est pas demandé (ou pas dans cette taille, ou pas à ce site). Voici ce qui manque encore :',
    covered: (i: ItemRef, site: string) => `Il ne manque plus aucun article « ${sized(nameFr(i, 2), i.size)} » à ${site} : tout est déjà promis. Merci !`,
    next: 'Ce qui manque encore :',
    tooMany: (left: number, i: ItemRef, site: string) => `Il n’en manque plus que ${left} à ${site} (${sized(nameFr(i, 2), i.size)}). Donnez ${left} au plus.`,
    noNeeds: 'Aucun besoin en nature n’est enregistré pour cette campagne pour le moment.',
    nothingMissing: 'Tout ce qui était demandé est déjà promis. Merci à toutes et à tous !',
    ended: 'La campagne est terminée : les dons en nature sont clos. Merci !',
    listTitle: (campaign: string) => `Vos dons en nature pour « ${campaign} »`,
    listEmpty: (p: string) => `Vous n’avez encore rien donné en nature. Tapez ${command(`${p}give`)} pour voir ce qui manque.`,
    listItem: (id: number, n: number, i: ItemRef, site: string, status: string) => `n° ${id} — ${countFr(n, i)} — ${site} — ${status}`,
    status: { pledged: 'promis', received: (r: number, n: number) => (r >= n ? 'reçu' : `${r} sur ${n} reçus`), cancelled: 'annulé' },
    cancelUsage: (p: string) => `Indiquez le numéro du don à annuler, par exemple ${command(`${p}give cancel 4`)} (voir ${command(`${p}give list`)}).`,
    cancelled: (id: number) => `Votre don n° ${id} est annulé.`,
    notFound: (id: number) => `Vous n’avez pas de don en nature n° ${id}.`,
    alreadyCancelled: (id: number) => `Le don n° ${id} était déjà annulé.`,
    alreadyReceived: (id: number) => `Le don n° ${id} a déjà été reçu (en tout ou en partie) : il ne peut plus être annulé. Voyez avec l’équipe RH.`,
  },
  list: {
    title: (campaign: string) => `Ce qu’il manque encore — ${campaign}`,
    site: (site: string, place: string | null) => (place ? `${bold(site)} (${place})` : bold(site)),
    line: (missingN: number, i: ItemRef, needed: number) => `${countFr(missingN, i)} sur ${needed}`,
    siteCovered: 'tout est promis ✅',
    moneyAsItems: (pledged: Minor, currency: string, n: number, i: ItemRef, price: Minor) =>
      `Les ${money(pledged, currency, 'fr')} promis valent environ ${countFr(n, i)} (à ${money(price, currency, 'fr')} l’unité).`,
    howTo: (p: string) => `Pour donner : ${command(`${p}give 3 parkas 8-10 Imzer`)}.`,
  },
  received: {
    usage: (p: string) => `Écrivez ${command(`${p}caravan received N [QUANTITÉ]`)}, par exemple ${command(`${p}caravan received 4 2`)}.`,
    notFound: (id: number) => `Il n’y a pas de don en nature n° ${id}.`,
    cancelled: (id: number) => `Le don n° ${id} a été annulé.`,
    tooMany: (id: number, left: number) =>
      left === 0 ? `Le don n° ${id} est déjà entièrement reçu.` : `Il ne reste que ${left} article(s) à recevoir pour le don n° ${id}.`,
    done: (id: number, n: number, i: ItemRef, site: string, total: number, of: number) =>
      `Don n° ${id} : ${countFr(n, i)} pour ${site} reçu(s) (${total} sur ${of}).`,
    thanked: 'La personne est remerciée par message privé.',
    notReachable: 'La personne n’a pas pu être jointe en privé : remerciez-la de vive voix.',
    thanksHeadline: 'Merci pour votre don !',
    thanks: (n: number, i: ItemRef, site: string) => `Vos dons (${countFr(n, i)}) pour ${site} ont bien été reçus. Ils partiront avec la caravane.`,
  },
  loading: {
    usage: (p: string) => `Écrivez ${command(`${p}caravan loading SITE`)}, par exemple ${command(`${p}caravan loading Imzer`)}.`,
    siteUnknown: (name: string, sites: string) => `Je ne connais pas le site « ${personText(name)} ». Sites : ${personText(sites)}.`,
    links: (site: string, csv: string, html: string) => `Liste de chargement de ${site} (liens valables 24 h) — page à imprimer : ${html} · CSV : ${csv}`,
    title: (site: string) => `Liste de chargement — ${site}`,
    intro: (campaign: string) => `Articles reçus pour la campagne « ${campaign} », par article et taille.`,
    item: 'Article',
    size: 'Taille',
    received: 'Reçus',
    empty: 'Rien n’a encore été reçu pour ce site.',
    total: 'Total',
  },
  form: {
    title: 'Donner des articles',
    submit: 'Donner',
    close: 'Annuler',
    intro: (campaign: string) => `Campagne « ${campaign} ». Choisissez ce que vous donnez ; l’équipe RH vous dira où le déposer.`,
    needLabel: 'Article et site',
    quantityLabel: 'Quantité',
    quantityPlaceholder: '3',
    mostNeeded: (item: string) => `${item} — là où il en manque le plus`,
    missing: (n: number) => `il en manque ${n}`,
    pick: 'Choisissez un article dans la liste.',
  },
  hrForm: {
    title: 'Besoin d’un site',
    submit: 'Enregistrer',
    close: 'Annuler',
    intro: (campaign: string) => `Campagne « ${campaign} ». Un site inconnu est créé ; le même article et la même taille à ce site changent la quantité.`,
    siteLabel: 'Site (douar, école, association)',
    sitesHint: (sites: string) => `Sites : ${personText(sites)}`,
    placeLabel: 'Commune, province (nouveau site)',
    itemLabel: 'Article',
    itemPlaceholder: 'parka, couverture, ballon de football…',
    sizeLabel: 'Taille (8-10, 10-12 ans, 32…)',
    quantityLabel: 'Quantité demandée',
    priceLabel: (currency: string) => `Prix unitaire (${currency})`,
    siteCreated: (site: string) => `Site « ${site} » créé.`,
    saved: (id: number, n: number, i: ItemRef, site: string) => `Besoin n° ${id} enregistré : ${countFr(n, i)} pour ${site}.`,
    errors: {
      site: 'Indiquez le nom du site (80 caractères au plus).',
      item: 'Indiquez l’article (60 caractères au plus).',
      size: 'Je n’ai pas compris la taille : écrivez par exemple 8-10, 10-12 ans, 32 ou XL.',
      quantity: (max: number) => `Indiquez une quantité entière entre 1 et ${max}.`,
      price: 'Je n’ai pas compris le prix : écrivez par exemple 120 ou 120,50.',
      belowPledged: (n: number) => `${n} sont déjà promis : la quantité ne peut pas être plus basse.`,
    },
  },
  digestTitle: 'Ce qu’il manque encore :',
  help: {
    everyone: (p: string) => [
      `${command(`${p}give 3 parkas 8-10 Imzer`)} — donner des articles (${command(`${p}give list`)}, ${command(`${p}give cancel N`)})`,
      `${command(`${p}caravan needs`)} — ce qu’il manque encore, site par site`,
    ],
    hr: (p: string) => [
      `${command(`${p}caravan need`)} — le formulaire des besoins d’un site`,
      `${command(`${p}caravan received N [QUANTITÉ]`)} — des articles du don N ont été remis`,
      `${command(`${p}caravan loading SITE`)} — la liste de chargement d’un site`,
    ],
  },
};

export type NeedsCatalogue = typeof needsFr;
