import { currencyMark } from '../shared/currency-marks.js';
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
/** A number with a currency mark stuck to it, before (`€500`, `CHF500`) or after (`500€`, `1500dh`, `500CA$`). */
const MARKED_AMOUNT = /^([+\-−]?)([\p{L}\p{Sc}]+)?([0-9\u0660-\u0669\u06f0-\u06f9][0-9\u0660-\u0669\u06f0-\u06f9.,\u066b\u066c]*)([\p{L}\p{Sc}]+)?$/u;
/** What may end a word in a sentence without being part of it: `500 €, pour Imlil`. */
const PUNCTUATION = /[.,;:!?]+$/u;

/** `before` when a currency mark leads the number (more digit groups may follow), `after` when it ends the amount. */
function markedAmount(token: string): 'before' | 'after' | null {
  const parts = MARKED_AMOUNT.exec(token);
  if (!parts) return null;
  const [, , before, , after] = parts;
  if (before !== undefined && after !== undefined) return null;
  // Glued to the number, any currency code is the amount's currency (`500chf`).
  if (before !== undefined) return currencyMark(before) !== null ? 'before' : null;
  return after !== undefined && currencyMark(after) !== null ? 'after' : null;
}

/**
 * The currency mark at `tokens[i]`, next to the number, without the punctuation after it, and how many
 * tokens it takes (`US $` takes two); null when that token is no mark there. A code that is also a
 * word (`SOS`, `ALL`) is a mark only as the last token: `/pledge 500 CHF`, not `/pledge 500 SOS Villages`.
 */
function markAt(tokens: readonly string[], i: number): { mark: string; taken: number } | null {
  const token = tokens[i];
  if (token === undefined) return null;
  const sign = tokens[i + 1]?.replace(PUNCTUATION, '');
  if (/^\p{L}{2}$/u.test(token) && sign !== undefined && /^\p{Sc}+$/u.test(sign)) return { mark: `${token} ${sign}`, taken: 2 };
  const mark = token.replace(PUNCTUATION, '');
  const kind = currencyMark(mark);
  return kind === 'sure' || (kind === 'code' && i === tokens.length - 1) ? { mark, taken: 1 } : null;
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
  const leading = markAt(tokens, 0);
  if (leading) {
    amount.push(leading.mark);
    i += leading.taken;
  }
  if (/^[+\-−]$/u.test(tokens[i] ?? '')) amount.push(tokens[i++] ?? '');
  let glued = false;
  while (i < tokens.length) {
    const t = tokens[i] ?? '';
    const bare = t.replace(PUNCTUATION, '');
    const marked = markedAmount(bare);
    if (marked === null && !AMOUNT_TOKEN.test(t)) break;
    amount.push(marked === null ? t : bare);
    i++;
    if (marked === 'after') {
      glued = true;
      break;
    }
  }
  // A sentence's comma or full stop after the number (`500, merci`) is not part of it.
  const last = amount.length - 1;
  if (!glued && last >= 0 && /\d[.,]+$/u.test(amount[last] ?? '')) amount[last] = (amount[last] ?? '').replace(/[.,]+$/u, '');
  const trailing = glued || amount.length === 0 ? null : markAt(tokens, i);
  if (trailing) {
    amount.push(trailing.mark);
    i += trailing.taken;
  }
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
