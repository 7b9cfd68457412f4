import { describe, expect, it } from 'vitest';
import { slackPlainText, slackTokenHosts } from '../../../adapters/slack/photos/upload.js';

describe('a Slack message as a caption', () => {
  it('keeps the words, not the markup', () => {
    expect(slackPlainText('<@U123> Parkas &amp; boots <!here> at <https://example.org/a|the school> <#C1|general>')).toBe(
      ' Parkas & boots  at the school general',
    );
    expect(slackPlainText('see <https://example.org/x>')).toBe('see https://example.org/x');
  });
});

describe('who may receive the Slack bot token', () => {
  it('is the Web API host and files.slack.com over HTTPS, nothing else', () => {
    const trusted = slackTokenHosts('https://slack.com/api/');
    expect(trusted(new URL('https://files.slack.com/files-pri/T1-F1/download/a.jpg'))).toBe(true);
    expect(trusted(new URL('https://slack.com/files/x'))).toBe(true);
    expect(trusted(new URL('http://files.slack.com/x'))).toBe(false);
    expect(trusted(new URL('https://files.slack.com.evil.example/x'))).toBe(false);
    expect(trusted(new URL('https://evil.example/files.slack.com'))).toBe(false);
    expect(trusted(new URL('https://user@files.slack.com.evil.example/'))).toBe(false);
  });
});
