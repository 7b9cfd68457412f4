/**
 * A Slack view_submission as Slack sends it (fixture 05, a real payload), carrying the view the bot
 * opened and what the person typed, field by field (`state.values` keyed by block id, one action each).
 */
import { readFileSync } from 'node:fs';

const fixture = JSON.parse(readFileSync('test/fixtures/slack/05-view-submission.payload.json', 'utf8')) as Record<string, unknown>;

/** The parts of an opened modal a submission sends back. */
export interface SubmittedView {
  callback_id: string;
  private_metadata: string;
  blocks: unknown;
}

export function viewSubmission(view: SubmittedView, user: string, viewId: string, values: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return {
    ...fixture,
    user: { ...(fixture.user as object), id: user },
    view: {
      ...(fixture.view as Record<string, unknown>),
      id: viewId,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values: Object.fromEntries(Object.entries(values).map(([block, action]) => [block, { value: action }])) },
    },
  };
}
