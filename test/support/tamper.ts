/** Changes the character right after `marker` in `url` to a different one: a forged link, every time. */
export function tamperAfter(url: string, marker: string): string {
  const at = url.indexOf(marker);
  if (at < 0 || at + marker.length >= url.length) throw new Error(`nothing after ${marker} in ${url}`);
  const i = at + marker.length;
  const other = url[i] === 'A' ? 'B' : 'A';
  return url.slice(0, i) + other + url.slice(i + 1);
}
