/**
 * The process's intent to stop, as something outside calls can hear: every Web API client the bot
 * makes fetches through `fetch` here, so once `abort()` runs, a call under way ends at once and its
 * client's retries fail straight away instead of keeping a stopping process alive.
 */
export interface Stopping {
  signal: AbortSignal;
  fetch: typeof globalThis.fetch;
  abort(): void;
}

export function stopping(): Stopping {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    fetch: (input, init) => globalThis.fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal }),
    abort: () => controller.abort(new Error('caravane is stopping')),
  };
}
