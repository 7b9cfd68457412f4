/**
 * HR in the browser, over plain HTTP: ask `/caravan dashboard` in Slack, follow the link, press the
 * button, keep the cookie. Used by the dashboard's HTTP tests (the browser tests do the same clicks).
 */
import { expect } from 'vitest';
import { postToSlackEndpoint, slashCommandBody } from './slack-sign.js';

export async function slackCommand(url: string, command: string, text: string, user: string): Promise<string> {
  const res = await postToSlackEndpoint(url, { body: slashCommandBody(command, text, { user }) });
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw ? JSON.stringify(JSON.parse(raw)) : '';
}

/** The `/hr/signin/<token>` path in a chat answer, or null. */
export function signInPath(answer: string): string | null {
  return /\/hr\/signin\/[A-Za-z0-9_-]{43}/.exec(answer)?.[0] ?? null;
}

/** The `/wall/<id>?exp=…&sig=…` path and query in a chat answer, or null. */
export function wallPath(answer: string): string | null {
  return /\/wall\/[0-9a-f-]{36}\?exp=\d+&sig=[A-Za-z0-9_-]+/.exec(answer)?.[0] ?? null;
}

/** Spends the token like the confirmation page's button does; the response (303 + cookie, or 403). */
export function redeem(url: string, path: string): Promise<Response> {
  const token = path.split('/').at(-1) ?? '';
  return fetch(`${url}/hr/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
}

export function cookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0] ?? '';
}

/** Signs HR in from chat and returns the session cookie (`caravane_hr=…`). */
export async function signIn(url: string, user: string): Promise<string> {
  const path = signInPath(await slackCommand(url, '/caravan', 'dashboard', user));
  expect(path).not.toBeNull();
  const res = await redeem(url, path ?? '');
  expect(res.status).toBe(303);
  return cookieOf(res);
}

export const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export function postForm(url: string, path: string, cookie: string, fields: Array<[string, string]>): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(fields).toString(),
  });
}
