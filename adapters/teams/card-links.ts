/**
 * Links inside card text become buttons: a long signed URL printed in a card is unreadable, wraps
 * over several lines and cannot be tapped reliably on a phone. The words around the URL
 * ("All the photos: …") become the button's title, so the button speaks the message's language; a
 * line that is only a labelled link (`typedLink(url, label)`, src/chat/text.ts) becomes a button with
 * that label. Only the catalogue's own words are searched: what a person typed (a caption, a name)
 * stays text exactly as typed, so nobody can put a button on the bot's card.
 */
import { MARKED, spans } from '../../src/chat/text.js';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"\u2061-\u2064]+/g;
/** Teams shows a button title on one line; longer words stay as text above it. */
const TITLE_MAX = 40;

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** The URL, or null when it does not parse: such a text stays as written and gets no button. */
function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The button for a line that holds nothing but a labelled link; null for any other line. */
function labelledLink(line: string): OpenUrlAction | null {
  const [only, ...more] = spans(line.trim());
  return only?.kind === 'link' && only.label !== '' && more.length === 0 && parsed(only.url)
    ? { type: 'Action.OpenUrl', title: only.label, url: only.url }
    : null;
}

/** The URLs in the catalogue's own words of `line`, and the line without them; marked spans are kept whole. */
function ownUrls(line: string): { urls: string[]; rest: string } {
  const urls: string[] = [];
  const words = (s: string) =>
    s.replace(URL_IN_TEXT, (url) => {
      if (!parsed(url)) return url;
      urls.push(url);
      return '';
    });
  let rest = '';
  let at = 0;
  for (const m of line.matchAll(new RegExp(MARKED))) {
    rest += words(line.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return { urls, rest: rest + words(line.slice(at)) };
}

const hostOf = (url: string) => parsed(url)?.host ?? url;

/** The lines without their URLs, and one Action.OpenUrl per URL found in the catalogue's own words. */
export function linksToActions(lines: string[], fallbackTitle: (url: string) => string = hostOf): { lines: string[]; actions: OpenUrlAction[] } {
  const kept: string[] = [];
  const actions: OpenUrlAction[] = [];
  for (const line of lines) {
    const link = labelledLink(line);
    if (link) {
      actions.push(link);
      continue;
    }
    const { urls, rest } = ownUrls(line);
    if (urls.length === 0) {
      kept.push(line);
      continue;
    }
    const words = rest.replace(/[\s:：—–-]+$/u, '').trim();
    // Only the catalogue's own words may title a button, never a person's.
    const own = spans(words).every((s) => s.kind === 'plain');
    const asTitle = own && urls.length === 1 && words !== '' && words.length <= TITLE_MAX;
    if (!asTitle && words !== '') kept.push(words);
    for (const url of urls) actions.push({ type: 'Action.OpenUrl', title: asTitle ? words : fallbackTitle(url), url });
  }
  return { lines: kept, actions };
}
