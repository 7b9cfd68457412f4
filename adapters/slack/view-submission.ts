/**
 * What every modal submission listener reads the same way: the view's private metadata (ours, but
 * read as untrusted JSON) and who submitted it — workspace, user and, on Enterprise Grid, the
 * organisation, which the HR check needs as much as the workspace.
 */
import type { SlackViewAction } from '@slack/bolt';

/** `private_metadata` as JSON, or null when it is missing or not JSON; the caller parses it with zod. */
export function viewMetadata(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return null;
  }
}

/** The submitter as `people.identity` takes it: team id, user id, Grid organisation id. */
export function submitter(body: SlackViewAction): [teamId: string, userId: string, orgId: string | undefined] {
  return [body.user.team_id ?? body.team?.id ?? body.view.team_id, body.user.id, body.enterprise?.id];
}
