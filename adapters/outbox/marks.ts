/**
 * Held targets whose slot is near are marked 'sending' together, a few milliseconds apart at most:
 * one statement for many sends keeps a busy database from making them late.
 */
import type { Clock } from '../../src/shared/clock.js';
import type { Logger } from '../logger.js';
import type { OutboxQueue } from './ports.js';

export class SendingMarks {
  private readonly waiting = new Map<number, (held: boolean) => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly queue: Pick<OutboxQueue, 'markSending'>,
    private readonly workerId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Resolves true once the target is marked, false when this worker no longer holds it. */
  mark(id: number): Promise<boolean> {
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.timer ??= setTimeout(() => void this.flush(), 5);
    });
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = new Map(this.waiting);
    this.waiting.clear();
    const held = await this.queue.markSending([...batch.keys()], this.workerId, this.clock.now()).catch((error: unknown) => {
      this.logger.error({ component: 'outbox', err: String(error) }, 'outbox mark failed');
      return new Set<number>();
    });
    for (const [id, resolve] of batch) resolve(held.has(id));
  }
}
