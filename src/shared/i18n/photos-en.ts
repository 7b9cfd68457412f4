/** Every word about photos in English: the same shape as the French reference (photos.ts). */
import { command, typedLink } from '../../chat/text.js';
import { type PhotosTexts, n, one } from './photos.js';

const STATUS_EN = {
  awaiting_consent: 'waiting for your confirmation',
  in_review: 'waiting for HR approval',
  approved: 'approved',
  rejected: 'rejected',
  discarded: 'deleted',
  withdrawn: 'withdrawn',
};

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
  removedCard: (count) => (one(count) ? 'This photo was removed.' : 'These photos were removed.'),
  withdrawUsage: (p: string) => `Give the photo number, for example ${command(`${p}caravan photos withdraw 12`)}.`,
  albumHeadline: (campaign: string, count: number) => `📸 ${campaign} — ${n(count, 'new photo', 'new photos', false)}`,
  albumLine: (text: string, numbers: string) => `• ${text} (${numbers})`,
  albumGallery: (url: string) => typedLink(url, 'All the photos'),
  albumGalleryNote: (days: number) => `This link is for the company only and works for ${days} days — please do not share it outside.`,
  albumPosted: (count: number, channels: number) =>
    `${n(count, 'photo is', 'photos are', false)} on the way to ${n(channels, 'campaign channel', 'campaign channels', false)}.`,
  albumRemaining: (count: number) => `${n(count, 'more approved photo', 'more approved photos', false)}: run the command again to post them.`,
  nothingNew: 'No new approved photos to post.',
  noChannels: `There is no campaign channel: type ${command('/caravan channel')} in a channel to add one.`,
  mineTitle: 'Your photos',
  mineEmpty: 'You have not sent any photos for this campaign.',
  mineLine: (numbers: string, status: string) => `• ${numbers} — ${status}`,
  // English says the same of one photo and of several.
  status: STATUS_EN,
  statusOne: STATUS_EN,
  pendingTitle: (count: number) => `${n(count, 'upload waiting', 'uploads waiting', false)} for approval`,
  pendingNone: 'No photos are waiting for approval.',
  pendingSent: 'I am sending them to you privately, with the Approve and Reject buttons.',
  errors: {
    notFound: (count) => (count === null ? 'I cannot find this upload.' : one(count) ? 'I cannot find this photo.' : 'I cannot find these photos.'),
    notYours: (count) => (one(count) ? 'This photo is not yours.' : 'These photos are not yours.'),
    alreadyConsented: (count) => `You already confirmed ${one(count) ? 'this photo' : 'these photos'}.`,
    notInReview: (count) => (one(count) ? 'This photo still waits for its author’s confirmation.' : 'These photos still wait for their author’s confirmation.'),
    alreadyReviewed: (count) => `The HR team has already dealt with ${one(count) ? 'this photo' : 'these photos'}.`,
    withdrawn: (count) => (one(count) ? 'This photo was already withdrawn.' : 'These photos were already withdrawn.'),
    discarded: (count) => (one(count) ? 'This photo was deleted.' : 'These photos were deleted.'),
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
