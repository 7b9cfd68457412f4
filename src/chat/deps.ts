/**
 * What the chat commands reach. A command names any feature, so the dispatchers (`chatCommands`,
 * `/caravan`) take every feature's deps; each verb and use case takes only its own.
 */
import type { DashboardFeatureDeps } from '../dashboard/ports.js';
import type { BroadcastDeps, MessagingDeps } from '../messaging/deps.js';
import type { NeedsFeatureDeps } from '../needs/ports.js';
import type { PhotoFeatureDeps } from '../photos/ports.js';
import type { PledgeDeps } from '../pledges/ports.js';
import type { VolunteerFeatureDeps } from '../volunteers/ports.js';
import type { ActorDeps } from './actor.js';

export interface ChatDeps extends ActorDeps, PledgeDeps, BroadcastDeps, VolunteerFeatureDeps, NeedsFeatureDeps, PhotoFeatureDeps, DashboardFeatureDeps {
  messaging: MessagingDeps;
}
