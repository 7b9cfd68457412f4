/**
 * Links inside card text become buttons: a long signed URL printed in a card is unreadable, wraps
 * over several lines and cannot be tapped reliably on a phone. The words around the URL
 * ("All the photos: …") become the button's title, so the button speaks the message's language; a
 * line that is only a labelled link (`typedLink(url, label)`, src/chat/text.ts) becomes a button with
 * that label.
 */
import { spans } from '../../src/chat/text.js';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/g;
/** Teams shows a button title on one line; longer words stay as text above it. */
const TITLE_MAX = 40;

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** The button for a line that holds nothing but a labelled link; null for any other line. */
function labelledLink(line: string): OpenUrlAction | null {
  const [only, ...more] = spans(line.trim());
  return only?.kind === 'link' && only.label !== '' && more.length === 0 ? { type: 'Action.OpenUrl', title: only.label, url: only.url } : null;
}

/** The lines without their URLs, and one Action.OpenUrl per URL found. */
export function linksToActions(
  lines: string[],
  fallbackTitle: (url: string) => string = (url) => new URL(url).host,
): { lines: string[]; actions: OpenUrlAction[] } {
  const kept: string[] = [];
  const actions: OpenUrlAction[] = [];
  for (const line of lines) {
    const link = labelledLink(line);
    if (link) {
      actions.push(link);
      continue;
    }
    const urls = line.match(URL_IN_TEXT) ?? [];
    if (urls.length === 0) {
      kept.push(line);
      continue;
    }
    const words = line
      .replace(URL_IN_TEXT, '')
      .replace(/[\s:：—–-]+$/u, '')
      .trim();
    const asTitle = urls.length === 1 && words !== '' && words.length <= TITLE_MAX;
    if (!asTitle && words !== '') kept.push(words);
    for (const url of urls) actions.push({ type: 'Action.OpenUrl', title: asTitle ? words : fallbackTitle(url), url });
  }
  return { lines: kept, actions };
}
