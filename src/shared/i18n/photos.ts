/**
 * Every word about photos: upload answers, the consent prompt, HR's review, withdrawals, the album
 * post and the gallery page. French is the reference; English (photos-en.ts) has the same shape.
 */
import { command, typedLink } from '../../chat/text.js';
/** `count` and the word that goes with it: French counts 0 and 1 as one, English only 1. */
export const n = (count: number, one: string, many: string, fr: boolean) => `${count} ${(fr ? count <= 1 : count === 1) ? one : many}`;
/** One photo or several: the words that agree with how many (`count` is never 0 where these are said). */
export const one = (count: number) => count === 1;

export const photosFr = {
  help: (p: string) => [
    'Envoyez-moi vos photos de la caravane en message direct (plusieurs à la fois si vous voulez), avec une légende.',
    `${command(`${p}caravan photos mine`)} — vos photos et où elles en sont`,
    `${command(`${p}caravan photos withdraw N`)} — retirer la photo n° N, à tout moment`,
  ],
  hrHelp: (p: string) => [
    `${command(`${p}caravan photos`)} — publier les photos validées dans les canaux de la campagne`,
    `${command(`${p}caravan photos pending`)} — revoir les photos en attente de validation`,
  ],
  received: (count: number, numbers: string) => `${n(count, 'photo reçue', 'photos reçues', true)} (${numbers})`,
  refusedTitle: 'Non enregistrés :',
  refused: (name: string, why: string) => `• « ${name} » : ${why}`,
  why: {
    notImage: (what: string) => `ce n’est pas une photo (${what}). J’accepte le JPEG, le PNG et le WebP.`,
    format: {
      gif: 'une image GIF',
      tiff: 'une image TIFF',
      pdf: 'un document PDF',
      executable: 'un programme',
      archive: 'une archive',
      html: 'une page web',
      text: 'un fichier texte',
      video: 'une vidéo',
      unknown: 'un format inconnu',
    },
    heic: 'les photos HEIC (iPhone) ne peuvent pas être lues ici. Envoyez-la en JPEG (sur iPhone : Réglages › Appareil photo › Formats › « Le plus compatible »).',
    avif: 'les images AVIF ne peuvent pas être lues ici. Envoyez-la en JPEG.',
    tooLarge: (mb: number) => `elle dépasse ${mb} Mo.`,
    unreadable: 'le fichier est abîmé ou illisible.',
    tooManyPixels: 'l’image est trop grande (trop de pixels).',
    downloadFailed: 'je n’ai pas pu la télécharger. Réessayez dans un instant.',
    refusedByPlatform: 'la plateforme ne m’a pas donné le fichier (page de connexion au lieu de la photo). Réessayez ou prévenez l’équipe RH.',
    tooMany: (max: number) => `au-delà de ${max} photos par envoi. Envoyez les suivantes dans un autre message.`,
    empty: 'le fichier est vide.',
  },
  nothingStored: 'Aucune photo n’a été enregistrée.',
  noCampaign: 'Aucune campagne n’existe pour y ranger des photos. Prévenez l’équipe RH.',
  consentTitle: (count: number) => `Avant que quiconque ${one(count) ? 'la' : 'les'} voie`,
  consentStatement: (count: number) =>
    `Je confirme que les personnes visibles sur ${one(count) ? 'cette photo' : 'ces photos'} ont accepté d’être photographiées et que les enfants n’y apparaissent que là où leurs familles l’ont accepté.`,
  privateUntil: (count: number) =>
    `Tant que vous n’avez pas confirmé, ${one(count) ? 'cette photo reste visible' : 'ces photos restent visibles'} uniquement par vous et l’équipe RH.`,
  captionLabel: 'Légende',
  captionPlaceholder: 'Ex. : remise des parkas à l’école',
  placeLabel: 'Village ou lieu',
  placePlaceholder: 'Ex. : Anergui',
  consentButton: 'Je confirme le consentement',
  discardButton: (count: number): string => (one(count) ? 'Supprimer cette photo' : 'Supprimer ces photos'),
  consented: (numbers: string, count: number) =>
    one(count)
      ? `Merci ! Votre photo ${numbers} est transmise à l’équipe RH pour validation.`
      : `Merci ! Vos photos ${numbers} sont transmises à l’équipe RH pour validation.`,
  consentedNoHr: (count: number) =>
    `Personne de l’équipe RH n’a pu être prévenu pour l’instant ; elles verront ${one(count) ? 'votre photo' : 'vos photos'} avec « caravan photos pending ».`,
  discarded: (numbers: string, count: number) =>
    one(count) ? `C’est fait : la photo ${numbers} est supprimée.` : `C’est fait : les photos ${numbers} sont supprimées.`,
  reviewTitle: (count: number) => `${n(count, 'photo à valider', 'photos à valider', true)}`,
  reviewFrom: (who: string, count: number) => `${one(count) ? 'Envoyée' : 'Envoyées'} par ${who}, qui confirme le consentement des personnes photographiées.`,
  someone: 'une personne de l’entreprise',
  captionLine: (caption: string) => `Légende : ${caption}`,
  placeLine: (place: string) => `Lieu : ${place}`,
  approveButton: 'Valider',
  rejectButton: 'Refuser',
  reasonLabel: 'Motif du refus (envoyé à la personne)',
  reasonPlaceholder: 'Ex. : un enfant est reconnaissable sans accord de sa famille',
  // Said of one photo or several alike: the modal and the button do not know how many.
  rejectTitle: 'Refuser cet envoi',
  rejectSubmit: 'Refuser',
  cancel: 'Annuler',
  approved: (numbers: string, by: string) => `Photos ${numbers} validées par ${by}.`,
  rejected: (numbers: string, by: string) => `Photos ${numbers} refusées par ${by}.`,
  youApproved: (numbers: string, count: number) =>
    one(count)
      ? `Vous avez validé la photo ${numbers}. Elle partira avec le prochain album.`
      : `Vous avez validé les photos ${numbers}. Elles partiront avec le prochain album.`,
  youRejected: (numbers: string, count: number) =>
    one(count) ? `Vous avez refusé la photo ${numbers} ; elle est supprimée.` : `Vous avez refusé les photos ${numbers} ; elles sont supprimées.`,
  toUploaderApproved: (numbers: string, count: number) =>
    one(count)
      ? `Bonne nouvelle : l’équipe RH a validé votre photo ${numbers}. Elle paraîtra dans le prochain album. Vous pouvez la retirer à tout moment.`
      : `Bonne nouvelle : l’équipe RH a validé vos photos ${numbers}. Elles paraîtront dans le prochain album. Vous pouvez les retirer à tout moment.`,
  toUploaderRejected: (numbers: string, count: number) =>
    one(count)
      ? `L’équipe RH n’a pas retenu votre photo ${numbers} ; elle est supprimée.`
      : `L’équipe RH n’a pas retenu vos photos ${numbers} ; elles sont supprimées.`,
  reasonGiven: (reason: string) => `Motif : ${reason}`,
  withdrawButton: 'Retirer de l’album',
  withdrawn: (numbers: string, count: number) =>
    one(count)
      ? `Photo ${numbers} retirée : elle ne paraîtra plus dans l’album ni dans les prochaines publications.`
      : `Photos ${numbers} retirées : elles ne paraîtront plus dans l’album ni dans les prochaines publications.`,
  retracted: (count: number) => `${n(count, 'publication précédente supprimée', 'publications précédentes supprimées', true)} sur Slack ou Teams.`,
  retractKept: (count: number) =>
    count <= 1
      ? `${count} ancienne publication n’a pas pu être supprimée : l’image n’y est plus servie.`
      : `${count} anciennes publications n’ont pas pu être supprimées : l’image n’y est plus servie.`,
  withdrawnByHr: (numbers: string, count: number) => `L’équipe RH a retiré ${one(count) ? 'votre photo' : 'vos photos'} ${numbers}.`,
  removedCard: (count: number): string => (one(count) ? 'Cette photo a été retirée.' : 'Ces photos ont été retirées.'),
  withdrawUsage: (p: string) => `Indiquez le numéro de la photo, par exemple ${command(`${p}caravan photos withdraw 12`)}.`,
  albumHeadline: (campaign: string, count: number) => `📸 ${campaign} — ${n(count, 'nouvelle photo', 'nouvelles photos', true)}`,
  albumLine: (text: string, numbers: string) => `• ${text} (${numbers})`,
  /** The gallery's long signed address behind short words, never printed as text. */
  albumGallery: (url: string) => typedLink(url, 'Toutes les photos'),
  albumGalleryNote: (days: number) => `Lien réservé à l’entreprise, valable ${days} jours — merci de ne pas le partager à l’extérieur.`,
  albumPosted: (count: number, channels: number) =>
    `${n(count, 'photo part', 'photos partent', true)} vers ${n(channels, 'canal', 'canaux', true)} de la campagne.`,
  albumRemaining: (count: number) => `Encore ${n(count, 'photo validée', 'photos validées', true)} : relancez la commande pour les publier.`,
  nothingNew: 'Aucune nouvelle photo validée à publier.',
  noChannels: `Aucun canal de campagne : tapez ${command('/caravan channel')} dans un canal pour en ajouter un.`,
  mineTitle: 'Vos photos',
  mineEmpty: 'Vous n’avez envoyé aucune photo pour cette campagne.',
  mineLine: (numbers: string, status: string) => `• ${numbers} — ${status}`,
  status: {
    awaiting_consent: 'en attente de votre confirmation',
    in_review: 'en attente de validation RH',
    approved: 'validées',
    rejected: 'refusées',
    discarded: 'supprimées',
    withdrawn: 'retirées',
  },
  /** The same states said of a single photo. */
  statusOne: {
    awaiting_consent: 'en attente de votre confirmation',
    in_review: 'en attente de validation RH',
    approved: 'validée',
    rejected: 'refusée',
    discarded: 'supprimée',
    withdrawn: 'retirée',
  },
  pendingTitle: (count: number) => `${n(count, 'envoi en attente', 'envois en attente', true)} de validation`,
  pendingNone: 'Aucune photo n’attend de validation.',
  pendingSent: 'Je vous les renvoie en message privé, avec les boutons Valider et Refuser.',
  errors: {
    /** `null`: an upload that is gone, how many photos it held unknown. */
    notFound: (count: number | null): string =>
      count === null ? 'Je ne trouve pas cet envoi.' : one(count) ? 'Je ne trouve pas cette photo.' : 'Je ne trouve pas ces photos.',
    notYours: (count: number): string => (one(count) ? 'Cette photo n’est pas la vôtre.' : 'Ces photos ne sont pas les vôtres.'),
    alreadyConsented: (count: number): string => `Vous avez déjà confirmé ${one(count) ? 'cette photo' : 'ces photos'}.`,
    notInReview: (count: number): string =>
      one(count) ? 'Cette photo attend encore la confirmation de son auteur.' : 'Ces photos attendent encore la confirmation de leur auteur.',
    alreadyReviewed: (count: number): string =>
      one(count) ? 'Cette photo a déjà été traitée par l’équipe RH.' : 'Ces photos ont déjà été traitées par l’équipe RH.',
    withdrawn: (count: number): string => (one(count) ? 'Cette photo a déjà été retirée.' : 'Ces photos ont déjà été retirées.'),
    discarded: (count: number): string => (one(count) ? 'Cette photo a été supprimée.' : 'Ces photos ont été supprimées.'),
    textTooLong: (max: number) => `Ce texte est trop long (${max} caractères au plus).`,
  },
  gallery: {
    title: (campaign: string) => `Photos — ${campaign}`,
    intro: 'Photos partagées par les bénévoles avec l’accord des personnes photographiées. Merci de ne pas les diffuser hors de l’entreprise.',
    empty: 'Aucune photo pour le moment.',
    expired: 'Ce lien a expiré. Ouvrez le dernier album dans Slack ou Teams pour un lien à jour.',
    invalid: 'Ce lien n’est pas valable.',
    photoAlt: (id: number) => `Photo n° ${id}`,
  },
};

export type PhotosTexts = typeof photosFr;
