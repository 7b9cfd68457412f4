/**
 * Fetches a file a person sent, into memory only, with a hard size limit enforced while it streams.
 * A token is attached only for hosts the caller trusts with it, hop by hop across redirects; an HTML
 * answer (a platform's sign-in page instead of the file) is refused.
 */
import type { FetchError } from '../../src/photos/upload.service.js';
import { err, ok, type Coded, type Result } from '../../src/shared/result.js';

export interface DownloadOptions {
  maxBytes: number;
  /** The Authorization header for this URL, or null to send none (an untrusted host). */
  authorization(url: URL): Promise<string | null> | string | null;
  /** Plain http is for loopback tests and local use only. */
  allowHttp: boolean;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const MAX_REDIRECTS = 3;

function parse(url: string, base?: URL): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

/** Reads the body, giving up as soon as it passes `max` bytes. */
async function readLimited(body: ReadableStream<Uint8Array>, max: number): Promise<Result<Buffer, Coded<'photo.too_large'>>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return err({ code: 'photo.too_large' });
    }
    chunks.push(value);
  }
  return ok(Buffer.concat(chunks, total));
}

/** One file; never throws for what the network or the far end does. */
export async function downloadFile(rawUrl: string, options: DownloadOptions): Promise<Result<Buffer, FetchError>> {
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  let url = parse(rawUrl);
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!url || !(url.protocol === 'https:' || (options.allowHttp && url.protocol === 'http:'))) return err({ code: 'photo.download_failed' });
      if (url.username !== '' || url.password !== '') return err({ code: 'photo.download_failed' });
      const authorization = await options.authorization(url);
      const res = await doFetch(url, { redirect: 'manual', signal, headers: authorization ? { authorization } : {} });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        url = parse(res.headers.get('location') ?? '', url);
        continue;
      }
      if (res.status !== 200 || !res.body) {
        await res.body?.cancel().catch(() => undefined);
        return err({ code: 'photo.download_failed' });
      }
      if (/text\/html/i.test(res.headers.get('content-type') ?? '')) {
        await res.body.cancel().catch(() => undefined);
        return err({ code: 'photo.html_answer' });
      }
      const length = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(length) && length > options.maxBytes) {
        await res.body.cancel().catch(() => undefined);
        return err({ code: 'photo.too_large' });
      }
      const body = await readLimited(res.body, options.maxBytes);
      if (body.ok && body.value.length === 0) return err({ code: 'photo.empty' });
      return body;
    }
    return err({ code: 'photo.download_failed' });
  } catch {
    return err({ code: 'photo.download_failed' });
  }
}
