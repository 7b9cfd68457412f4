/**
 * Photo messages on Slack: HR's private review (the photos uploaded into HR's direct message, then
 * the Approve / Reject message), notices to uploaders, and deleting the bot's own file copies.
 */
import type { WebClient } from '@slack/web-api';
import type { PhotoDeps, PhotoPost, Recipient, ReviewRequest } from '../../../src/photos/ports.js';
import type { PlatformPhotoNotifier } from '../../photos/wiring.js';
import type { MessageReply } from '../../../src/chat/reply.js';
import { t } from '../../../src/shared/i18n/index.js';
import type { Logger } from '../../logger.js';
import { noticeMessage, reviewMessage } from './blocks.js';
import { directChannel, uploadFiles } from './upload-files.js';

export class SlackPhotoNotifier implements PlatformPhotoNotifier {
  private readonly log: Logger;

  constructor(
    private readonly client: WebClient,
    private readonly photos: Pick<PhotoDeps, 'store' | 'storage'>,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'photos', platform: 'slack' });
  }

  async requestReview(to: Recipient, { batch, uploaderName }: ReviewRequest): Promise<boolean> {
    const p = this.photos;
    try {
      const channel = await directChannel(this.client, to.userId);
      const files: Array<{ photoId: number; bytes: Buffer }> = [];
      for (const photo of batch.photos.filter((ph) => ph.withdrawnAt === null)) {
        const bytes = await p.storage.get(photo.webKey);
        if (bytes) files.push({ photoId: photo.id, bytes });
      }
      // Into HR's own direct message only: consented but not approved photos go nowhere else.
      const ids = await uploadFiles(
        this.client,
        channel,
        files.map((f) => ({ bytes: f.bytes, name: `caravane-${f.photoId}.jpg` })),
      );
      for (const [i, fileId] of ids.entries()) {
        const photoId = files[i]?.photoId;
        if (photoId !== undefined)
          await p.store.recordPost({ photoId, platform: 'slack', kind: 'file', destination: { platform: 'slack', channelId: channel }, platformRef: fileId });
      }
      await this.client.chat.postMessage({ channel, ...reviewMessage(t(to.locale), batch, uploaderName) });
      return true;
    } catch (error) {
      this.log.warn({ batch: batch.id, err: String(error) }, 'photo review not delivered to an HR person');
      return false;
    }
  }

  async tell(to: Recipient, reply: MessageReply, withdrawBatchId?: number): Promise<boolean> {
    try {
      await this.client.chat.postMessage({ channel: to.userId, ...noticeMessage(t(to.locale), reply, withdrawBatchId) });
      return true;
    } catch (error) {
      this.log.warn({ err: String(error) }, 'photo notice not delivered');
      return false;
    }
  }

  /** Deletes the bot's own Slack files; returns the posts that are gone. */
  async retract(posts: PhotoPost[]): Promise<number[]> {
    const gone: number[] = [];
    for (const post of posts) {
      if (post.platform !== 'slack' || post.kind !== 'file') continue;
      try {
        await this.client.files.delete({ file: post.platformRef });
        gone.push(post.id);
      } catch (error) {
        // Already deleted by someone in Slack: it is gone all the same.
        if (/file_not_found|file_deleted/.test(String(error))) gone.push(post.id);
        else this.log.warn({ post: post.id, err: String(error) }, 'slack file copy not deleted');
      }
    }
    return gone;
  }
}
