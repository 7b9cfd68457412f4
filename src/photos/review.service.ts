/**
 * HR's review: every consented batch is queued privately for each HR person with Approve / Reject
 * (delivered through the outbox); the first decision wins and the uploader is told. A rejected
 * batch's files are deleted at once.
 */
import { parseAdminRef } from '../admins/admins.service.js';
import type { NoCampaign } from '../campaigns/campaign.js';
import { today } from '../campaigns/campaigns.service.js';
import { operatorLabel, type HrActor } from '../chat/actor.js';
import { message } from '../chat/reply.js';
import { personText } from '../chat/text.js';
import { t } from '../shared/i18n/index.js';
import { err, ok, type Result } from '../shared/result.js';
import { checkReview, photoCount, photoNumbers, REASON_MAX, typedText, type PhotoBatch, type PhotoNotFound, type PhotoRuleError } from './photo.js';
import type { PhotoDeps, PhotoFeatureDeps, Recipient } from './ports.js';
import { requestReview, tellUploader } from './notices.js';
import { deleteFiles, retractCopies } from './withdraw.service.js';

/** Every HR person: the ADMINS setting and the `admins` table, each once, in the language they use. */
export async function hrRecipients(deps: PhotoFeatureDeps, p: PhotoDeps): Promise<Recipient[]> {
  const refs = new Map<string, { platform: Recipient['platform']; userId: string }>();
  for (const entry of deps.staticAdmins) {
    const parsed = parseAdminRef(entry);
    if (parsed.ok) refs.set(`${parsed.value.platform}:${parsed.value.userId}`, parsed.value);
  }
  for (const admin of await deps.admins.list()) refs.set(`${admin.platform}:${admin.userId}`, admin);
  const recipients: Recipient[] = [];
  for (const ref of refs.values()) {
    recipients.push({ ...ref, locale: (await p.store.localeOf(ref.platform, ref.userId)) ?? deps.defaultLocale });
  }
  return recipients;
}

/**
 * Queues the batch for every HR person's review, once per batch and person; resolves to how many
 * can be reached privately.
 */
export async function notifyReviewers(deps: PhotoFeatureDeps, p: PhotoDeps, batch: PhotoBatch): Promise<number> {
  let reached = 0;
  for (const to of await hrRecipients(deps, p)) {
    if (await requestReview(deps, p, batch, to, `photo-review:${batch.id}:${to.platform}:${to.userId}`)) reached += 1;
  }
  return reached;
}

export type ReviewError = PhotoRuleError | PhotoNotFound;

export type Decision = { approve: true } | { approve: false; reason: string | null | undefined };

/**
 * HR approves or rejects a consented batch, once. The uploader is told (with the reason, if any).
 * Only HR (`requireHr`). Errors: `photo.not_found`, `photo.not_in_review`, `photo.already_reviewed`,
 * `photo.discarded`, `photo.text_too_long` (details.max).
 */
export async function reviewBatch(
  deps: PhotoFeatureDeps,
  hr: HrActor,
  batchId: number,
  decision: Decision,
): Promise<Result<{ batch: PhotoBatch; told: boolean }, ReviewError>> {
  const p = deps.photos;
  const batch = await p.store.getBatch(batchId);
  if (!batch) return err({ code: 'photo.not_found', count: null });
  const allowed = checkReview(batch);
  if (!allowed.ok) return allowed;
  const reason = decision.approve ? ok(null) : typedText(decision.reason, REASON_MAX);
  if (!reason.ok) return reason;
  const at = deps.clock.now();
  const by = operatorLabel(hr);
  const change = decision.approve ? { status: 'approved' as const, at, by } : { status: 'rejected' as const, at, by, reason: reason.value };
  if (!(await p.store.setStatus(batch.id, 'in_review', change))) return err({ code: 'photo.already_reviewed', count: photoCount(batch) });
  const live = batch.photos.filter((ph) => ph.withdrawnAt === null);
  if (!decision.approve) {
    // Nothing rejected is ever shown: its files and HR's private copies go now.
    await deleteFiles(p, live);
    await retractCopies(
      deps,
      p,
      live.map((ph) => ph.id),
    );
  }
  const updated: PhotoBatch = { ...batch, status: change.status, reviewedAt: at, reviewedBy: by, rejectReason: reason.value };
  const told = await tellDecision(deps, p, updated);
  return ok({ batch: updated, told });
}

function tellDecision(deps: PhotoFeatureDeps, p: PhotoDeps, batch: PhotoBatch): Promise<boolean> {
  const c = t(batch.locale);
  const ids = batch.photos.filter((ph) => ph.withdrawnAt === null).map((ph) => ph.id);
  const numbers = photoNumbers(ids);
  const key = `photo-notice:${batch.id}:${batch.status}`;
  if (batch.status === 'approved') return tellUploader(deps, p, batch, message('ok', [c.photos.toUploaderApproved(numbers, ids.length)]), key, batch.id);
  const lines = [c.photos.toUploaderRejected(numbers, ids.length), ...(batch.rejectReason ? [c.photos.reasonGiven(personText(batch.rejectReason))] : [])];
  return tellUploader(deps, p, batch, message('info', lines), key);
}

/**
 * HR asks to see what waits for review: each waiting batch is queued again for the caller, privately
 * (reviews reach HR through the outbox without it; this is for a card lost or deleted on the way).
 * Only HR (`requireHr`). Errors: `campaign.none`.
 */
export async function resendPendingReviews(deps: PhotoFeatureDeps, hr: HrActor): Promise<Result<{ waiting: number; sent: number }, NoCampaign>> {
  const p = deps.photos;
  const campaign = await deps.campaigns.current(today(deps));
  if (!campaign) return err({ code: 'campaign.none' });
  const waiting = await p.store.inReview(campaign.id);
  const me: Recipient = { platform: hr.identity.platform, userId: hr.identity.userId, tenantId: hr.identity.tenantId, locale: hr.locale };
  const asked = deps.clock.now().getTime();
  let sent = 0;
  for (const batch of waiting) {
    if (await requestReview(deps, p, batch, me, `photo-review:${batch.id}:${me.platform}:${me.userId}:${asked}`)) sent += 1;
  }
  return ok({ waiting: waiting.length, sent });
}
