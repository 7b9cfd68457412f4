/**
 * What the HTTP edges (signed links to files, charts, photos, loading lists) need from storage.
 * Implemented in db/repositories/secrets.ts; the composition root passes it in.
 */

/** The kinds of link Caravane signs, one key each. */
export type SigningKeyName = 'links' | 'chart-links' | 'photo-links';

/**
 * The key that signs one kind of link, made at random on first use. Every instance on the same
 * database gets the same key (the first one stored wins), so a link signed by one opens on another.
 */
export type SigningKeys = (name: SigningKeyName) => Promise<string>;
