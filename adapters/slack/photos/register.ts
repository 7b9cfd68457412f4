import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { registerPhotoActions } from './actions.js';
import { registerPhotoUploads } from './upload.js';

/** Photos on Slack: files sent in the bot's DM, and the consent, review and withdraw buttons. */
export function registerSlackPhotos(app: App, sc: SlackContext, options: { token: string; apiUrl: string }): void {
  registerPhotoUploads(app, sc, { ...options, maxBytes: sc.deps.photos.maxBytes });
  registerPhotoActions(app, sc);
}
