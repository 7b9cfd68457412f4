/**
 * Photos as the outbox senders see them: `photo:<id>` resolves to the web version's bytes (Slack
 * uploads) or to a signed URL that works while the photo may be shown (Teams cards), only while the photo may be shown.
 */
import type { StoredFiles } from '../../src/messaging/files.js';
import { parsePhotoFileId, publishedPhoto, readPublished } from '../../src/photos/album.service.js';
import type { PhotoDeps } from '../../src/photos/ports.js';

export function photoFiles(deps: { photos: Pick<PhotoDeps, 'store' | 'storage' | 'links'> }): StoredFiles {
  return {
    async read(fileId) {
      const id = parsePhotoFileId(fileId);
      const bytes = id === null ? null : await readPublished(deps, id, 'web');
      return bytes && id !== null ? { bytes, name: `caravane-${id}.jpg`, mimeType: 'image/jpeg' } : null;
    },

    async url(fileId, size) {
      const id = parsePhotoFileId(fileId);
      if (id === null || !(await publishedPhoto(deps, id))) return null;
      return deps.photos.links.lastingImage(id, size === 'full' ? 'web' : 'thumb');
    },

    async posted(fileId, post) {
      const id = parsePhotoFileId(fileId);
      if (id === null) return;
      await deps.photos.store.recordPost({ photoId: id, ...post });
    },
  };
}
