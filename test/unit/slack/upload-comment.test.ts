import { describe, expect, it } from 'vitest';
import { COMMENT_MAX, uploadComment } from '../../../adapters/slack/photos/album-upload.js';
import { personText, typedLink } from '../../../src/chat/text.js';
import type { OutgoingMessage } from '../../../src/messaging/ports.js';

const GALLERY = 'https://caravane.example.com/album/c1?exp=1767225600&sig=0123456789abcdef';

/** An album post as the photos feature writes it: a line per batch, a blank line, the gallery's link and its note. */
function album(captions: string[]): OutgoingMessage {
  return {
    kind: 'message',
    tone: 'info',
    headline: '📸 Caravane 2026 — 10 photos',
    lines: [
      ...captions.map((caption, i) => `• ${personText(caption)} (photo ${i + 1})`),
      '',
      typedLink(GALLERY, 'Toutes les photos'),
      'Le lien est valable 30 jours.',
    ],
  };
}

describe('the comment of a Slack album upload', () => {
  it('is the whole message when it fits', () => {
    const text = uploadComment(album(['Imlil <3', 'Anergui']));
    expect(text).toContain('Imlil &lt;3');
    expect(text).toContain(`<${GALLERY}|Toutes les photos>`);
    expect(text).not.toContain('…');
  });

  it('leaves captions out, never the headline nor the gallery link, when escaped captions make it too long', () => {
    // Ten captions of 280 characters, each `<` four characters once escaped: some 11,000 in all.
    const text = uploadComment(album(Array.from({ length: 10 }, (_, i) => `${i}${'<'.repeat(279)}`)));
    expect(text.length).toBeLessThanOrEqual(COMMENT_MAX);
    expect(text).toContain('Caravane 2026 — 10 photos');
    expect(text).toContain(`<${GALLERY}|Toutes les photos>`);
    expect(text).toContain('Le lien est valable 30 jours.');
    expect(text).toContain('…');
    expect(text).toContain('(photo 1)');
    expect(text).not.toContain('(photo 10)');
  });
});
