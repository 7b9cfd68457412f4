/** The milestone check's pace on the real clock (the core has no timers: src/milestones/milestones.service.ts). */
import type { CheckPacing } from '../src/milestones/milestones.service.js';

export const MILESTONE_PACING: CheckPacing = {
  spacingMs: 250,
  now: () => performance.now(),
  wait: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms).unref();
    }),
};
