/**
 * `/caravan photos …`: HR posts the album or reviews what waits; everyone lists and withdraws their
 * own photos. Photos themselves arrive as files in a direct message, not through a command.
 */
import { today } from '../campaigns/campaigns.service.js';
import { requireHr, type Actor, type HrActor } from '../chat/actor.js';
import { message, type Reply } from '../chat/reply.js';
import { postAlbum } from './album.service.js';
import { photoNumbers } from './photo.js';
import { resendPendingReviews } from './review.service.js';
import { photoErrorText } from './texts.js';
import { withdrawPhotos, type Withdrawn } from './withdraw.service.js';
import type { PhotoFeatureDeps } from './ports.js';

export async function photosCommand(deps: PhotoFeatureDeps, actor: Actor, words: string[], prefix: string): Promise<Reply> {
  const { c } = actor;
  const verb = (words[0] ?? '').toLowerCase();
  switch (verb) {
    case '':
    case 'post':
    case 'publier': {
      const hr = await requireHr(actor);
      return hr ? albumReply(deps, hr) : mineReply(deps, actor, prefix);
    }
    case 'mine':
    case 'mes':
    case 'list':
    case 'liste':
      return mineReply(deps, actor, prefix);
    case 'pending':
    case 'attente':
    case 'review': {
      const hr = await requireHr(actor);
      if (!hr) return message('error', [photoErrorText(c, { code: 'photo.not_hr' })]);
      const result = await resendPendingReviews(deps, hr);
      if (!result.ok) return message('error', [photoErrorText(c, result.error)]);
      if (result.value.waiting === 0) return message('info', [c.photos.pendingNone]);
      return message('info', [c.photos.pendingSent], c.photos.pendingTitle(result.value.waiting));
    }
    case 'withdraw':
    case 'retirer':
    case 'retrait': {
      const n = (words[1] ?? '').replace(/^(#|n°)/i, '');
      if (!/^\d{1,15}$/.test(n) || words.length !== 2) return message('error', [c.photos.withdrawUsage(prefix)]);
      const result = await withdrawPhotos(deps, actor, { photoId: Number(n) });
      if (!result.ok) return message('error', [photoErrorText(c, result.error)]);
      return withdrawnReply(actor, result.value);
    }
    default:
      return message('error', [c.common.badCommand(['photos', ...words].join(' ').slice(0, 60))]);
  }
}

/** What a withdrawal did, honestly: how many platform copies went and how many stayed. */
export function withdrawnReply(actor: Actor, w: Withdrawn): Reply {
  const { c } = actor;
  const lines = [...(w.retracted > 0 ? [c.photos.retracted(w.retracted)] : []), ...(w.kept > 0 ? [c.photos.retractKept(w.kept)] : [])];
  return message('ok', lines, c.photos.withdrawn(photoNumbers(w.photoIds), w.photoIds.length));
}

async function albumReply(deps: PhotoFeatureDeps, hr: HrActor): Promise<Reply> {
  const { c } = hr;
  const result = await postAlbum(deps, hr);
  if (!result.ok) return message(result.error.code === 'photo.nothing_new' ? 'info' : 'error', [photoErrorText(c, result.error)]);
  const { posted, channels, remaining } = result.value;
  return message('ok', [c.photos.albumPosted(posted, channels), ...(remaining > 0 ? [c.photos.albumRemaining(remaining)] : [])]);
}

async function mineReply(deps: PhotoFeatureDeps, actor: Actor, prefix: string): Promise<Reply> {
  const { c } = actor;
  const campaign = await deps.campaigns.current(today(deps));
  if (!campaign) return message('error', [photoErrorText(c, { code: 'campaign.none' })]);
  const batches = await deps.photos.store.byUploader(campaign.id, actor.person.id);
  const how = c.photos.help(prefix)[0] ?? '';
  if (batches.length === 0) return message('info', [c.photos.mineEmpty, '', how], c.photos.mineTitle);
  const statusOf = (count: number) => (count === 1 ? c.photos.statusOne : c.photos.status);
  const lines = batches.flatMap((b) => {
    const live = b.photos.filter((ph) => ph.withdrawnAt === null).map((ph) => ph.id);
    const gone = b.photos.filter((ph) => ph.withdrawnAt !== null).map((ph) => ph.id);
    return [
      ...(live.length > 0 ? [c.photos.mineLine(photoNumbers(live), statusOf(live.length)[b.status])] : []),
      ...(gone.length > 0 ? [c.photos.mineLine(photoNumbers(gone), statusOf(gone.length).withdrawn)] : []),
    ];
  });
  return message('info', [...lines, '', how], c.photos.mineTitle);
}
