/**
 * Words of the in-kind needs (`c.needs`): item names, `/give`, `/caravan needs`, `/caravan received`,
 * thanks, covered milestones, the digest's shortfall lines and the loading list. French is the
 * reference; English has the same shape.
 */
import type { Minor } from '../money.js';
import { money } from './format.js';

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

const ITEMS_EN: Record<string, [string, string]> = {
  parka: ['parka', 'parkas'],
  boots: ['pair of boots', 'pairs of boots'],
  pullover: ['pullover', 'pullovers'],
  blanket: ['blanket', 'blankets'],
  football: ['football', 'footballs'],
  basketball: ['basketball', 'basketballs'],
  wheelchair: ['wheelchair', 'wheelchairs'],
  gloves: ['pair of gloves', 'pairs of gloves'],
  hat: ['winter hat', 'winter hats'],
  scarf: ['scarf', 'scarves'],
  socks: ['pair of socks', 'pairs of socks'],
  shoes: ['pair of shoes', 'pairs of shoes'],
  trousers: ['pair of trousers', 'pairs of trousers'],
  tracksuit: ['tracksuit', 'tracksuits'],
  schoolbag: ['school bag', 'school bags'],
  'winter-kit': ['winter kit', 'winter kits'],
};

/** What an item is, as the texts need it: key, HR's own word, size. */
export interface ItemRef {
  itemKey: string;
  itemLabel: string;
  size: string | null;
}

const sized = (text: string, size: string | null) => (size === null ? text : `${text} (${size})`);
/** `de Benslimane`, `d’Imzer`. */
// A site marked as person text starts with an invisible mark, read past it for the elision.
const deFr = (site: string) => (/^\u2063?[aeiouyhâàéèêîïôû]/i.test(site) ? `d’${site}` : `de ${site}`);
const nameFr = (i: ItemRef, n: number) => ITEMS_FR[i.itemKey]?.[n <= 1 ? 0 : 1] ?? i.itemLabel;
const nameEn = (i: ItemRef, n: number) => ITEMS_EN[i.itemKey]?.[n === 1 ? 0 : 1] ?? i.itemLabel;
const countFr = (n: number, i: ItemRef) => sized(`${n} ${nameFr(i, n)}`, i.size);
const countEn = (n: number, i: ItemRef) => sized(`${n} ${nameEn(i, n)}`, i.size);

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
    usage: (p: string) => `Écrivez par exemple \`${p}give 3 parkas 8-10 Imzer\` (quantité, article, taille, site).`,
    badQuantity: (max: number) => `Indiquez une quantité entière entre 1 et ${max}.`,
    unknownItem: (words: string) => `Je ne connais pas l’article « ${words} ». Voici ce qui manque encore :`,
    ambiguous: 'Précisez l’article, la taille ou le site. Voici ce qui correspond :',
    notNeeded: 'Cet article n’est pas demandé (ou pas dans cette taille, ou pas à ce site). Voici ce qui manque encore :',
    covered: (i: ItemRef, site: string) => `Il ne manque plus aucun article « ${sized(nameFr(i, 2), i.size)} » à ${site} : tout est déjà promis. Merci !`,
    next: 'Ce qui manque encore :',
    tooMany: (left: number, i: ItemRef, site: string) => `Il n’en manque plus que ${left} à ${site} (${sized(nameFr(i, 2), i.size)}). Donnez ${left} au plus.`,
    noNeeds: 'Aucun besoin en nature n’est enregistré pour cette campagne pour le moment.',
    nothingMissing: 'Tout ce qui était demandé est déjà promis. Merci à toutes et à tous !',
    ended: 'La campagne est terminée : les dons en nature sont clos. Merci !',
    listTitle: (campaign: string) => `Vos dons en nature pour « ${campaign} »`,
    listEmpty: (p: string) => `Vous n’avez encore rien donné en nature. Tapez \`${p}give\` pour voir ce qui manque.`,
    listItem: (id: number, n: number, i: ItemRef, site: string, status: string) => `n° ${id} — ${countFr(n, i)} — ${site} — ${status}`,
    status: { pledged: 'promis', received: (r: number, n: number) => (r >= n ? 'reçu' : `${r} sur ${n} reçus`), cancelled: 'annulé' },
    cancelUsage: (p: string) => `Indiquez le numéro du don à annuler, par exemple \`${p}give cancel 4\` (voir \`${p}give list\`).`,
    cancelled: (id: number) => `Votre don n° ${id} est annulé.`,
    notFound: (id: number) => `Vous n’avez pas de don en nature n° ${id}.`,
    alreadyCancelled: (id: number) => `Le don n° ${id} était déjà annulé.`,
    alreadyReceived: (id: number) => `Le don n° ${id} a déjà été reçu (en tout ou en partie) : il ne peut plus être annulé. Voyez avec l’équipe RH.`,
  },
  list: {
    title: (campaign: string) => `Ce qu’il manque encore — ${campaign}`,
    site: (site: string, place: string | null) => (place ? `*${site}* (${place})` : `*${site}*`),
    line: (missingN: number, i: ItemRef, needed: number) => `${countFr(missingN, i)} sur ${needed}`,
    siteCovered: 'tout est promis ✅',
    moneyAsItems: (pledged: Minor, currency: string, n: number, i: ItemRef, price: Minor) =>
      `Les ${money(pledged, currency, 'fr')} promis valent environ ${countFr(n, i)} (à ${money(price, currency, 'fr')} l’unité).`,
    howTo: (p: string) => `Pour donner : \`${p}give 3 parkas 8-10 Imzer\`.`,
  },
  received: {
    usage: (p: string) => `Écrivez \`${p}caravan received N [QUANTITÉ]\`, par exemple \`${p}caravan received 4 2\`.`,
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
    usage: (p: string) => `Écrivez \`${p}caravan loading SITE\`, par exemple \`${p}caravan loading Imzer\`.`,
    siteUnknown: (name: string, sites: string) => `Je ne connais pas le site « ${name} ». Sites : ${sites}.`,
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
    sitesHint: (sites: string) => `Sites : ${sites}`,
    placeLabel: 'Commune, province (nouveau site, facultatif)',
    itemLabel: 'Article',
    itemPlaceholder: 'parka, couverture, ballon de football…',
    sizeLabel: 'Taille (facultatif : 8-10, 10-12 ans, 32…)',
    quantityLabel: 'Quantité demandée',
    priceLabel: 'Prix unitaire en MAD (facultatif)',
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
      `\`${p}give 3 parkas 8-10 Imzer\` — donner des articles (\`${p}give list\`, \`${p}give cancel N\`)`,
      `\`${p}caravan needs\` — ce qu’il manque encore, site par site`,
    ],
    hr: (p: string) => [
      `\`${p}caravan need\` — le formulaire des besoins d’un site`,
      `\`${p}caravan received N [QUANTITÉ]\` — des articles du don N ont été remis`,
      `\`${p}caravan loading SITE\` — la liste de chargement d’un site`,
    ],
  },
};

export type NeedsCatalogue = typeof needsFr;

export const needsEn: NeedsCatalogue = {
  item: (i) => sized(nameEn(i, 2), i.size),
  count: countEn,
  shortfall: (site, n, i) => `${site}: ${countEn(n, i)} still needed`,
  covered: (site, i) => `All the ${sized(nameEn(i, 2), i.size)} for ${site} are pledged`,
  coveredHeadline: (campaign) => `🧺 A need is covered — ${campaign}`,
  coveredThanks: 'Thank you to everyone who gives!',
  give: {
    recorded: (n, i, site, id) => `Thank you! Your gift of ${countEn(n, i)} for ${site} is recorded (gift no. ${id}).`,
    duplicate: (n, i, site, id) => `Your gift of ${countEn(n, i)} for ${site} (gift no. ${id}) was already recorded.`,
    stillMissing: (n, i, site) => `${site} still needs ${countEn(n, i)}.`,
    nowCovered: 'This need is now fully covered. Thank you!',
    mostNeeded: (site) => `${site} is where they are most needed.`,
    handIn: 'HR will tell you where and when to hand the items in.',
    usage: (p) => `Write for example \`${p}give 3 parkas 8-10 Imzer\` (quantity, item, size, site).`,
    badQuantity: (max) => `Give a whole quantity from 1 to ${max}.`,
    unknownItem: (words) => `I do not know the item “${words}”. Here is what is still needed:`,
    ambiguous: 'Say which item, size or site. Here is what matches:',
    notNeeded: 'This item is not asked for (or not in that size, or not at that site). Here is what is still needed:',
    covered: (i, site) => `No more ${sized(nameEn(i, 2), i.size)} are needed for ${site}: everything is already pledged. Thank you!`,
    next: 'Still needed:',
    tooMany: (left, i, site) => `Only ${left} more ${sized(nameEn(i, left), i.size)} needed for ${site}. Give ${left} at most.`,
    noNeeds: 'No in-kind needs are recorded for this campaign yet.',
    nothingMissing: 'Everything that was asked for is already pledged. Thank you all!',
    ended: 'The campaign is over: in-kind gifts are closed. Thank you!',
    listTitle: (campaign) => `Your in-kind gifts for “${campaign}”`,
    listEmpty: (p) => `You have not given any items yet. Type \`${p}give\` to see what is needed.`,
    listItem: (id, n, i, site, status) => `no. ${id} — ${countEn(n, i)} — ${site} — ${status}`,
    status: { pledged: 'pledged', received: (r, n) => (r >= n ? 'received' : `${r} of ${n} received`), cancelled: 'cancelled' },
    cancelUsage: (p) => `Give the number of the gift to cancel, for example \`${p}give cancel 4\` (see \`${p}give list\`).`,
    cancelled: (id) => `Your gift no. ${id} is cancelled.`,
    notFound: (id) => `You have no in-kind gift no. ${id}.`,
    alreadyCancelled: (id) => `Gift no. ${id} was already cancelled.`,
    alreadyReceived: (id) => `Gift no. ${id} was already (partly) received, so it can no longer be cancelled. Please talk to HR.`,
  },
  list: {
    title: (campaign) => `Still needed — ${campaign}`,
    site: (site, place) => (place ? `*${site}* (${place})` : `*${site}*`),
    line: (missingN, i, needed) => `${countEn(missingN, i)} of ${needed}`,
    siteCovered: 'everything is pledged ✅',
    moneyAsItems: (pledged, currency, n, i, price) =>
      `The ${money(pledged, currency, 'en')} pledged are worth about ${countEn(n, i)} (at ${money(price, currency, 'en')} each).`,
    howTo: (p) => `To give: \`${p}give 3 parkas 8-10 Imzer\`.`,
  },
  received: {
    usage: (p) => `Write \`${p}caravan received N [QUANTITY]\`, for example \`${p}caravan received 4 2\`.`,
    notFound: (id) => `There is no in-kind gift no. ${id}.`,
    cancelled: (id) => `Gift no. ${id} was cancelled.`,
    tooMany: (id, left) => (left === 0 ? `Gift no. ${id} is already fully received.` : `Only ${left} item(s) of gift no. ${id} are left to receive.`),
    done: (id, n, i, site, total, of) => `Gift no. ${id}: ${countEn(n, i)} for ${site} received (${total} of ${of}).`,
    thanked: 'The person is thanked by direct message.',
    notReachable: 'The person could not be reached privately: please thank them in person.',
    thanksHeadline: 'Thank you for your gift!',
    thanks: (n, i, site) => `Your gift (${countEn(n, i)}) for ${site} has been received. It will travel with the caravan.`,
  },
  loading: {
    usage: (p) => `Write \`${p}caravan loading SITE\`, for example \`${p}caravan loading Imzer\`.`,
    siteUnknown: (name, sites) => `I do not know the site “${name}”. Sites: ${sites}.`,
    links: (site, csv, html) => `Loading list for ${site} (links valid 24 h) — printable page: ${html} · CSV: ${csv}`,
    title: (site) => `Loading list — ${site}`,
    intro: (campaign) => `Items received for the campaign “${campaign}”, by item and size.`,
    item: 'Item',
    size: 'Size',
    received: 'Received',
    empty: 'Nothing has been received for this site yet.',
    total: 'Total',
  },
  form: {
    title: 'Give items',
    submit: 'Give',
    close: 'Cancel',
    intro: (campaign) => `Campaign “${campaign}”. Choose what you give; HR will tell you where to hand it in.`,
    needLabel: 'Item and site',
    quantityLabel: 'Quantity',
    quantityPlaceholder: '3',
    mostNeeded: (item) => `${item} — where most needed`,
    missing: (n) => `${n} needed`,
    pick: 'Choose an item from the list.',
  },
  hrForm: {
    title: 'A site’s need',
    submit: 'Save',
    close: 'Cancel',
    intro: (campaign) => `Campaign “${campaign}”. An unknown site is created; the same item and size at that site changes the quantity.`,
    siteLabel: 'Site (village, school, association)',
    sitesHint: (sites) => `Sites: ${sites}`,
    placeLabel: 'Commune, province (new site, optional)',
    itemLabel: 'Item',
    itemPlaceholder: 'parka, blanket, football…',
    sizeLabel: 'Size (optional: 8-10, 10-12, 32…)',
    quantityLabel: 'Quantity needed',
    priceLabel: 'Unit price in MAD (optional)',
    siteCreated: (site) => `Site “${site}” created.`,
    saved: (id, n, i, site) => `Need no. ${id} saved: ${countEn(n, i)} for ${site}.`,
    errors: {
      site: 'Give the site’s name (at most 80 characters).',
      item: 'Give the item (at most 60 characters).',
      size: 'I could not read the size: write for example 8-10, 10-12, 32 or XL.',
      quantity: (max) => `Give a whole quantity from 1 to ${max}.`,
      price: 'I could not read the price: write for example 120 or 120.50.',
      belowPledged: (n) => `${n} are already pledged: the quantity cannot be lower.`,
    },
  },
  digestTitle: 'Still needed:',
  help: {
    everyone: (p) => [
      `\`${p}give 3 parkas 8-10 Imzer\` — give items (\`${p}give list\`, \`${p}give cancel N\`)`,
      `\`${p}caravan needs\` — what is still needed, site by site`,
    ],
    hr: (p) => [
      `\`${p}caravan need\` — the form for a site’s needs`,
      `\`${p}caravan received N [QUANTITY]\` — items of gift N were handed in`,
      `\`${p}caravan loading SITE\` — a site’s loading list`,
    ],
  },
};
