/** The words for the outcome of HR moving a sign-up, the same from chat and from the dashboard. */
import type { Catalogue } from '../shared/i18n/index.js';
import type { Result } from '../shared/result.js';
import type { HrMove, HrMoveError, HrMoveOutcome } from './hr.service.js';
import { stateText } from './texts.js';

export function hrMoveText(
  c: Catalogue,
  n: number,
  to: HrMove,
  result: Result<HrMoveOutcome, HrMoveError>,
  name: string | null,
): { tone: 'ok' | 'info' | 'error'; lines: string[] } {
  if (!result.ok) {
    const error = result.error;
    switch (error.code) {
      case 'signup.not_found':
        return { tone: 'error', lines: [c.volunteers.hr.signupNotFound(n)] };
      case 'signup.already_there':
        return { tone: 'info', lines: [c.volunteers.hr.alreadyThere(n, to === 'confirmed' ? c.volunteers.confirmedState : c.volunteers.waitlistName)] };
      case 'signup.no_seat':
        return { tone: 'error', lines: [c.volunteers.hr.noSeat(error.role || c.volunteers.anywhere)] };
    }
  }
  const { signup, position, promoted } = result.value;
  const who = name ?? c.volunteers.hr.unnamed;
  const done = to === 'removed' ? c.volunteers.hr.removed(n, who) : c.volunteers.hr.moved(n, who, stateText(c, signup, position));
  return { tone: 'ok', lines: [done, ...(promoted.length > 0 ? [c.volunteers.hr.promoted(promoted.length)] : [])] };
}
