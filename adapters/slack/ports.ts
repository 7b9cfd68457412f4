/**
 * What the Slack adapter needs from storage, shared by every instance. Implemented in
 * db/repositories/slack-holds.ts and db/repositories/slack-events.ts; the composition root passes
 * them in.
 */

/** Holds on Slack Web API calls, shared by every instance (see the slack_api_holds migration). */
export interface SlackHolds {
  /** True while `key` is held (a 429's Retry-After still running). */
  held(key: string, now: Date): Promise<boolean>;
  /**
   * Takes `key` until `until` unless it is still held: true for exactly one caller across instances,
   * so a person is looked up at most once per hold.
   */
  claim(key: string, now: Date, until: Date): Promise<boolean>;
  /** Sets the hold to `until`, whatever it was (a failure shortens it, a 429 lengthens it). */
  hold(key: string, until: Date): Promise<void>;
}

/** Slack event ids already handled: Slack re-sends an event it thinks was lost (X-Slack-Retry-Num). */
export interface SlackEventLog {
  /** Records `eventId`; true for exactly one caller across instances, the first to see it. */
  firstSeen(eventId: string): Promise<boolean>;
  /** Forgets event ids seen more than a day ago; Slack stops retrying within minutes. */
  prune(): Promise<void>;
}
