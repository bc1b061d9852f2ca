/** What the gate is configured with, and where it logs: shared by the action and the server. */
import type { PublishSettings } from '../write/publish.js';
import type { ReadSettings } from '../read/read-pull-request.js';

export interface GateSettings extends PublishSettings, ReadSettings {
  /** At most this many pull requests are evaluated by one sweep. */
  maxPulls: number;
}

export interface GateLog {
  info(message: string): void;
  warning(message: string): void;
}
