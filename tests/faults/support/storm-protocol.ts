export type StormCommand = { type: 'start'; url: string; identities: string[]; spreadMs: number } | { type: 'status'; since: number } | { type: 'stop' };

export type StormStatus = {
  type: 'status';
  connected: number;
  answered: number;
  reconnected: number;
  failedAttempts: number;
  firstOpenedAt: number;
  lastOpenedAt: number;
};
export type StormReport = { type: 'started'; failed: number } | StormStatus;
