/**
 * What a person sees of the text the bot sent, for tests that check it shows as typed: the escapes each
 * platform's renderer applies are undone as the platform would.
 */

/** What Slack shows for mrkdwn: entities decoded, the zero-width fences around `*` gone. */
export const slackShows = (mrkdwn: string): string =>
  mrkdwn
    .replace(/\u200B/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What Teams shows for card markdown: the backslash escapes it reads gone, word joiners invisible. */
export const teamsShows = (markdown: string): string => markdown.replace(/\\([\\`*_~[\]<>#|])/g, '$1').replace(/\u2060/g, '');

/** What a browser shows for escaped HTML text. */
export const htmlShows = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
