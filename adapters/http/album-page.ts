/**
 * The gallery as HTML: one self-contained page (inline style, no script, no outside resource),
 * captions escaped, thumbnails linking to the web versions, every image URL signed by the caller.
 */
import type { Campaign } from '../../src/campaigns/campaign.js';
import { photoNumbers, type PhotoBatch } from '../../src/photos/photo.js';
import type { Catalogue } from '../../src/shared/i18n/index.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1.5rem;background:#faf7f2;color:#222}
h1{font-size:1.5rem;margin:0 0 .5rem}p.intro{color:#555;max-width:48rem}
section{margin:2rem 0}h2{font-size:1.05rem;margin:0 0 .75rem;font-weight:600}
ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}
li a{display:block;line-height:0}img{max-width:400px;max-height:400px;width:auto;height:auto;border-radius:6px;box-shadow:0 1px 3px #0003}
`;

function page(c: Catalogue, title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${c.locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow, noarchive, noimageindex">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body>${body}</body></html>`,
  ].join('\n');
}

/** A page that only says something (a bad or expired link). */
export function messagePage(c: Catalogue, text: string): string {
  return page(c, text, `<p>${escapeHtml(text)}</p>`);
}

type Source = (photoId: number, variant: 'web' | 'thumb') => string;

function batchSection(c: Catalogue, batch: PhotoBatch, src: Source): string {
  const heading = [batch.place, batch.caption].filter((x): x is string => x !== null && x !== '').join(' — ');
  const numbers = photoNumbers(batch.photos.map((ph) => ph.id));
  const items = batch.photos
    .map((ph) => {
      const alt = escapeHtml(heading === '' ? c.photos.gallery.photoAlt(ph.id) : `${heading} (${c.photos.gallery.photoAlt(ph.id)})`);
      return `<li><a href="${escapeHtml(src(ph.id, 'web'))}"><img src="${escapeHtml(src(ph.id, 'thumb'))}" alt="${alt}" loading="lazy"></a></li>`;
    })
    .join('');
  return `<section><h2>${escapeHtml(heading === '' ? numbers : `${heading} · ${numbers}`)}</h2><ul>${items}</ul></section>`;
}

export function galleryHtml(c: Catalogue, found: { campaign: Campaign; batches: PhotoBatch[] }, src: Source): string {
  const title = c.photos.gallery.title(found.campaign.name);
  const sections = found.batches.length === 0 ? `<p>${escapeHtml(c.photos.gallery.empty)}</p>` : found.batches.map((b) => batchSection(c, b, src)).join('\n');
  return page(c, title, `<h1>${escapeHtml(title)}</h1><p class="intro">${escapeHtml(c.photos.gallery.intro)}</p>${sections}`);
}
