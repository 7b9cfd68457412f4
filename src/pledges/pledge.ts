import { isCurrencyMark } from '../shared/amount.js';
import type { Minor } from '../shared/money.js';
import { err, ok, type Coded, type Result } from '../shared/result.js';
import type { Platform } from '../shared/vocabulary.js';

export type { Platform };
export type PledgeStatus = 'pledged' | 'collected' | 'cancelled';

export interface Pledge {
  /** Global pledge number, shown to people as `#N`. */
  id: number;
  campaignId: string;
  personId: string;
  amountMinor: Minor;
  anonymous: boolean;
  note: string | null;
  status: PledgeStatus;
  source: Platform | 'cli';
  createdAt: Date;
}

export const NOTE_MAX = 280;

/** What a person typed after `/pledge`, understood. Amount text is parsed later, with the campaign's limits. */
export type PledgeCommand =
  | { kind: 'form' }
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'cancel'; number: number | null }
  | { kind: 'pledge'; amountText: string; anonymous: boolean; note: string | null };

const LIST = new Set(['list', 'liste', 'mes', 'mine', 'my', 'status', 'statut']);
const CANCEL = new Set(['cancel', 'annuler', 'annule', 'supprimer']);
const HELP = new Set(['help', 'aide', '?']);
const ANONYMOUS = new Set(['anonymous', 'anonyme', 'anon']);
const AMOUNT_TOKEN = /^[+\-−]?[0-9\u0660-\u0669\u06f0-\u06f9][0-9\u0660-\u0669\u06f0-\u06f9.,\u066b\u066c]*$/u;
/** A number with a currency mark stuck to it, before (`€500`) or after (`500€`, `1500dh`). */
const MARKED_AMOUNT = /^([+\-−]?)(US\$|[$€£]|\p{L}+)?([0-9\u0660-\u0669\u06f0-\u06f9][0-9\u0660-\u0669\u06f0-\u06f9.,\u066b\u066c]*)(US\$|[$€£]|\p{L}+)?$/iu;

/** `before` when a currency mark leads the number (more digit groups may follow), `after` when it ends the amount. */
function markedAmount(token: string): 'before' | 'after' | null {
  const parts = MARKED_AMOUNT.exec(token);
  if (!parts) return null;
  const [, , before, , after] = parts;
  if (before !== undefined && after !== undefined) return null;
  if (before !== undefined) return isCurrencyMark(before) ? 'before' : null;
  return after !== undefined && isCurrencyMark(after) ? 'after' : null;
}

export function parsePledgeCommand(text: string): PledgeCommand {
  const tokens = text
    .trim()
    .split(/[\s\u00a0\u202f]+/u)
    .filter((t) => t !== '');
  const first = tokens[0]?.toLowerCase();
  if (first === undefined) return { kind: 'form' };
  if (LIST.has(first) && tokens.length === 1) return { kind: 'list' };
  if (HELP.has(first) && tokens.length === 1) return { kind: 'help' };
  if (CANCEL.has(first)) {
    const n = tokens[1]?.replace(/^#/, '');
    return { kind: 'cancel', number: n && /^\d{1,15}$/.test(n) && tokens.length === 2 ? Number(n) : null };
  }
  let i = 0;
  const amount: string[] = [];
  // The currency mark, whichever it is, belongs to the amount: the amount reader accepts the campaign's and
  // refuses any other, rather than the mark slipping into the note and the number counted as the campaign's.
  if (isCurrencyMark(tokens[0] ?? '')) amount.push(tokens[i++] ?? '');
  if (/^[+\-−]$/u.test(tokens[i] ?? '')) amount.push(tokens[i++] ?? '');
  while (i < tokens.length) {
    const t = tokens[i] ?? '';
    const marked = markedAmount(t);
    if (marked === 'after') {
      amount.push(tokens[i++] ?? '');
      break;
    }
    if (marked === null && !AMOUNT_TOKEN.test(t)) break;
    amount.push(t);
    i++;
  }
  if (i < tokens.length && isCurrencyMark(tokens[i] ?? '')) amount.push(tokens[i++] ?? '');
  let anonymous = false;
  if (i < tokens.length && ANONYMOUS.has((tokens[i] ?? '').toLowerCase())) {
    anonymous = true;
    i++;
  }
  const rest = tokens.slice(i).join(' ');
  // Nothing numeric at the start: hand the whole text to the amount parser so the refusal explains itself.
  const amountText = amount.length > 0 ? amount.join(' ') : tokens.join(' ');
  return { kind: 'pledge', amountText, anonymous, note: amount.length > 0 && rest !== '' ? rest : null };
}

/** A note is short, single-paragraph free text. */
export interface NoteTooLong {
  readonly code: 'pledge.note_too_long';
  readonly max: number;
}

export function checkNote(note: string | null | undefined): Result<string | null, NoteTooLong> {
  const trimmed = (note ?? '').trim();
  if (trimmed === '') return ok(null);
  if ([...trimmed].length > NOTE_MAX) return err({ code: 'pledge.note_too_long', max: NOTE_MAX });
  return ok(trimmed);
}

export type TransitionError = Coded<'pledge.already_cancelled' | 'pledge.already_collected' | 'pledge.not_yours'>;

/** The author cancels their own pledge; a collected one is settled and stays. */
export function decideCancel(pledge: Pledge, personId: string): Result<PledgeStatus, TransitionError> {
  if (pledge.personId !== personId) return err({ code: 'pledge.not_yours' });
  if (pledge.status === 'cancelled') return err({ code: 'pledge.already_cancelled' });
  if (pledge.status === 'collected') return err({ code: 'pledge.already_collected' });
  return ok('cancelled');
}

/** HR marks money as received. */
export function decideCollect(pledge: Pledge): Result<PledgeStatus, TransitionError> {
  if (pledge.status === 'cancelled') return err({ code: 'pledge.already_cancelled' });
  if (pledge.status === 'collected') return err({ code: 'pledge.already_collected' });
  return ok('collected');
}
