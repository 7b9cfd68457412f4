/**
 * In front of Bolt at POST /slack/events: checks the signature (and refuses timestamps from the
 * future, which Bolt lets through), then parses the body with the shapes in payloads.ts and refuses
 * anything else with a 400 straight away, before Bolt or the database sees it. Bolt would otherwise
 * wait 3 s for an acknowledgement nobody sends, or fail with a 500 on a field it expects.
 */
import { parse } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';
import type { Request, Response } from 'express';
import getRawBody from 'raw-body';
import { eventEnvelope, interactive, slashCommand } from './payloads.js';

const BODY_LIMIT = 4 * 1024 * 1024;
const MAX_SKEW_S = 5 * 60;
export type SlackGate = (req: Request, res: Response, next: (req: Request, res: Response) => void) => Promise<void>;

export function slackGate(signingSecret: string): SlackGate {
  return async (req, res, next) => {
    let raw: Buffer;
    try {
      raw = await getRawBody(req, { limit: BODY_LIMIT });
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      res.status(status === 413 ? 413 : 400).end();
      return;
    }
    const body = raw.toString('utf8');
    const contentType = req.headers['content-type'];
    const isSslCheck = contentType === 'application/x-www-form-urlencoded' && parse(body).ssl_check === '1';
    if (!isSslCheck && !signedBySlack(signingSecret, req, body)) {
      res.status(401).end();
      return;
    }
    if (!isSslCheck && !looksLikeSlack(body, contentType)) {
      res.status(400).end();
      return;
    }
    // Bolt reads a pre-buffered body from `rawBody` instead of the (already consumed) stream.
    Object.assign(req, { rawBody: raw });
    next(req, res);
  };
}

function signedBySlack(secret: string, req: Request, body: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const ts = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isInteger(ts)) return false;
  if (ts > Date.now() / 1000 + MAX_SKEW_S) return false;
  return isValidSlackRequest({ signingSecret: secret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts } });
}

function looksLikeSlack(body: string, contentType: string | undefined): boolean {
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parse(body);
    // A repeated field arrives as an array: Slack never repeats one.
    if (form.command !== undefined) return slashCommand.safeParse(form).success;
    if (typeof form.payload !== 'string') return false;
    return interactive.safeParse(safeJson(form.payload)).success;
  }
  return eventEnvelope.safeParse(safeJson(body)).success;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
