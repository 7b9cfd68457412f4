import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { registerPhotoActions } from './actions.js';
import { registerPhotoUploads } from './upload.js';

/** Photos on Slack: files sent in the bot's DM, and the consent, review and withdraw buttons. Off when photos are not wired. */
export function registerSlackPhotos(app: App, sc: SlackContext, options: { token: string; apiUrl: string }): void {
  const photos = sc.deps.photos;
  if (!photos) return;
  registerPhotoUploads(app, sc, { ...options, maxBytes: photos.maxBytes });
  registerPhotoActions(app, sc);
}
