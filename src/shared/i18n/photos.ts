/**
 * Every word about photos: upload answers, the consent prompt, HR's review, withdrawals, the album
 * post and the gallery page. French is the reference; English has the same shape.
 */
import { command } from '../../chat/text.js';
const n = (count: number, one: string, many: string, fr: boolean) => `${count} ${(fr ? count <= 1 : count === 1) ? one : many}`;
/** One photo or several: the words that agree with how many (`count` is never 0 where these are said). */
const one = (count: number) => count === 1;

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
  removedCard: 'Ces photos ont été retirées.',
  withdrawUsage: (p: string) => `Indiquez le numéro de la photo, par exemple ${command(`${p}caravan photos withdraw 12`)}.`,
  albumHeadline: (campaign: string, count: number) => `📸 ${campaign} — ${n(count, 'nouvelle photo', 'nouvelles photos', true)}`,
  albumLine: (text: string, numbers: string) => `• ${text} (${numbers})`,
  albumGallery: (url: string) => `Toutes les photos : ${url}`,
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
    notFound: 'Je ne trouve pas ces photos.',
    notYours: 'Ces photos ne sont pas les vôtres.',
    alreadyConsented: 'Vous avez déjà confirmé ces photos.',
    notInReview: 'Ces photos attendent encore la confirmation de leur auteur.',
    alreadyReviewed: 'Ces photos ont déjà été traitées par l’équipe RH.',
    withdrawn: 'Cette photo a déjà été retirée.',
    discarded: 'Ces photos ont été supprimées.',
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

export const photosEn: PhotosTexts = {
  help: (p: string) => [
    'Send me your caravan photos in a direct message (several at once if you like), with a caption.',
    `${command(`${p}caravan photos mine`)} — your photos and where they stand`,
    `${command(`${p}caravan photos withdraw N`)} — withdraw photo #N, at any time`,
  ],
  hrHelp: (p: string) => [
    `${command(`${p}caravan photos`)} — post the approved photos to the campaign channels`,
    `${command(`${p}caravan photos pending`)} — review the photos waiting for approval`,
  ],
  received: (count: number, numbers: string) => `${n(count, 'photo received', 'photos received', false)} (${numbers})`,
  refusedTitle: 'Not stored:',
  refused: (name: string, why: string) => `• “${name}”: ${why}`,
  why: {
    notImage: (what: string) => `this is not a photo (${what}). I accept JPEG, PNG and WebP.`,
    format: {
      gif: 'a GIF image',
      tiff: 'a TIFF image',
      pdf: 'a PDF document',
      executable: 'a program',
      archive: 'an archive',
      html: 'a web page',
      text: 'a text file',
      video: 'a video',
      unknown: 'an unknown format',
    },
    heic: 'HEIC photos (iPhone) cannot be read here. Please send it as JPEG (on iPhone: Settings › Camera › Formats › “Most Compatible”).',
    avif: 'AVIF images cannot be read here. Please send it as JPEG.',
    tooLarge: (mb: number) => `it is larger than ${mb} MB.`,
    unreadable: 'the file is damaged or unreadable.',
    tooManyPixels: 'the image is too large (too many pixels).',
    downloadFailed: 'I could not download it. Please try again in a moment.',
    refusedByPlatform: 'the platform did not give me the file (a sign-in page instead of the photo). Please try again or tell the HR team.',
    tooMany: (max: number) => `more than ${max} photos in one go. Please send the next ones in another message.`,
    empty: 'the file is empty.',
  },
  nothingStored: 'No photo was stored.',
  noCampaign: 'There is no campaign to keep photos in. Please tell the HR team.',
  consentTitle: (count) => `Before anyone sees ${one(count) ? 'it' : 'them'}`,
  consentStatement: (count) =>
    `I confirm that the people shown in ${one(count) ? 'this photo' : 'these photos'} agreed to be photographed, and that children appear only where their families agreed.`,
  privateUntil: (count) => `Until you confirm, only you and the HR team can see ${one(count) ? 'this photo' : 'these photos'}.`,
  captionLabel: 'Caption',
  captionPlaceholder: 'E.g. handing out parkas at the school',
  placeLabel: 'Village or place',
  placePlaceholder: 'E.g. Anergui',
  consentButton: 'I confirm consent',
  discardButton: (count) => (one(count) ? 'Delete this photo' : 'Delete these photos'),
  consented: (numbers, count) =>
    one(count)
      ? `Thank you! Your photo ${numbers} has gone to the HR team for approval.`
      : `Thank you! Your photos ${numbers} have gone to the HR team for approval.`,
  consentedNoHr: (count) => `Nobody in the HR team could be told yet; they will see your ${one(count) ? 'photo' : 'photos'} with “caravan photos pending”.`,
  discarded: (numbers, count) => (one(count) ? `Done: photo ${numbers} is deleted.` : `Done: photos ${numbers} are deleted.`),
  reviewTitle: (count: number) => `${n(count, 'photo to review', 'photos to review', false)}`,
  reviewFrom: (who) => `Sent by ${who}, who confirms the people photographed gave their consent.`,
  someone: 'someone in the company',
  captionLine: (caption: string) => `Caption: ${caption}`,
  placeLine: (place: string) => `Place: ${place}`,
  approveButton: 'Approve',
  rejectButton: 'Reject',
  reasonLabel: 'Reason for rejecting (sent to the person)',
  reasonPlaceholder: 'E.g. a child can be recognised without the family’s consent',
  rejectTitle: 'Reject this upload',
  rejectSubmit: 'Reject',
  cancel: 'Cancel',
  approved: (numbers: string, by: string) => `Photos ${numbers} approved by ${by}.`,
  rejected: (numbers: string, by: string) => `Photos ${numbers} rejected by ${by}.`,
  youApproved: (numbers, count) =>
    one(count) ? `You approved photo ${numbers}. It will go out with the next album.` : `You approved photos ${numbers}. They will go out with the next album.`,
  youRejected: (numbers, count) => (one(count) ? `You rejected photo ${numbers}; it is deleted.` : `You rejected photos ${numbers}; they are deleted.`),
  toUploaderApproved: (numbers, count) =>
    one(count)
      ? `Good news: the HR team approved your photo ${numbers}. It will appear in the next album. You can withdraw it at any time.`
      : `Good news: the HR team approved your photos ${numbers}. They will appear in the next album. You can withdraw them at any time.`,
  toUploaderRejected: (numbers, count) =>
    one(count) ? `The HR team did not keep your photo ${numbers}; it is deleted.` : `The HR team did not keep your photos ${numbers}; they are deleted.`,
  reasonGiven: (reason: string) => `Reason: ${reason}`,
  withdrawButton: 'Withdraw from the album',
  withdrawn: (numbers, count) =>
    one(count)
      ? `Photo ${numbers} withdrawn: it will no longer appear in the album or in future posts.`
      : `Photos ${numbers} withdrawn: they will no longer appear in the album or in future posts.`,
  retracted: (count: number) => `${n(count, 'earlier post', 'earlier posts', false)} deleted on Slack or Teams.`,
  retractKept: (count: number) => `${n(count, 'earlier post', 'earlier posts', false)} could not be deleted: the image is no longer served there.`,
  withdrawnByHr: (numbers, count) => `The HR team withdrew your ${one(count) ? 'photo' : 'photos'} ${numbers}.`,
  removedCard: 'These photos were removed.',
  withdrawUsage: (p: string) => `Give the photo number, for example ${command(`${p}caravan photos withdraw 12`)}.`,
  albumHeadline: (campaign: string, count: number) => `📸 ${campaign} — ${n(count, 'new photo', 'new photos', false)}`,
  albumLine: (text: string, numbers: string) => `• ${text} (${numbers})`,
  albumGallery: (url: string) => `All the photos: ${url}`,
  albumGalleryNote: (days: number) => `This link is for the company only and works for ${days} days — please do not share it outside.`,
  albumPosted: (count: number, channels: number) =>
    `${n(count, 'photo is', 'photos are', false)} on the way to ${n(channels, 'campaign channel', 'campaign channels', false)}.`,
  albumRemaining: (count: number) => `${n(count, 'more approved photo', 'more approved photos', false)}: run the command again to post them.`,
  nothingNew: 'No new approved photos to post.',
  noChannels: `There is no campaign channel: type ${command('/caravan channel')} in a channel to add one.`,
  mineTitle: 'Your photos',
  mineEmpty: 'You have not sent any photos for this campaign.',
  mineLine: (numbers: string, status: string) => `• ${numbers} — ${status}`,
  status: {
    awaiting_consent: 'waiting for your confirmation',
    in_review: 'waiting for HR approval',
    approved: 'approved',
    rejected: 'rejected',
    discarded: 'deleted',
    withdrawn: 'withdrawn',
  },
  statusOne: {
    awaiting_consent: 'waiting for your confirmation',
    in_review: 'waiting for HR approval',
    approved: 'approved',
    rejected: 'rejected',
    discarded: 'deleted',
    withdrawn: 'withdrawn',
  },
  pendingTitle: (count: number) => `${n(count, 'upload waiting', 'uploads waiting', false)} for approval`,
  pendingNone: 'No photos are waiting for approval.',
  pendingSent: 'I am sending them to you privately, with the Approve and Reject buttons.',
  errors: {
    notFound: 'I cannot find these photos.',
    notYours: 'These photos are not yours.',
    alreadyConsented: 'You already confirmed these photos.',
    notInReview: 'These photos still wait for their author’s confirmation.',
    alreadyReviewed: 'The HR team has already dealt with these photos.',
    withdrawn: 'This photo was already withdrawn.',
    discarded: 'These photos were deleted.',
    textTooLong: (max: number) => `This text is too long (at most ${max} characters).`,
  },
  gallery: {
    title: (campaign: string) => `Photos — ${campaign}`,
    intro: 'Photos shared by the volunteers with the consent of the people photographed. Please do not share them outside the company.',
    empty: 'No photos yet.',
    expired: 'This link has expired. Open the latest album in Slack or Teams for a fresh link.',
    invalid: 'This link is not valid.',
    photoAlt: (id: number) => `Photo #${id}`,
  },
};
