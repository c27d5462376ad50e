export type BenchProtocol = '1.6' | '2.0.1';

export type WorkerStart = {
  type: 'start';
  ocpp: BenchProtocol;
  url: string;
  identities: string[];
  charging: string[];
  idTag: string;
  meterIntervalMs: number;
  heartbeatIntervalMs: number;
  connectConcurrency: number;
};

export type ParentMessage = WorkerStart | { type: 'charge'; spreadMs: number } | { type: 'steady'; closedLoop: boolean } | { type: 'stop' };

export type CallStats = {
  latencies: Record<string, number[]>;
  // Every latency again, by the wall-clock second its call was sent in (all workers share the clock).
  bySecond: Record<string, number[]>;
  callErrors: Record<string, number>;
  errors: Record<string, number>;
  firstErrors: string[];
};

export type WorkerConnected = { type: 'connected'; connected: number; failed: number; ms: number; boot: CallStats };

export type WorkerCharging = { type: 'charging'; started: number; failed: number; ms: number; sessions: CallStats };

export type WorkerResult = {
  type: 'result';
  steady: CallStats;
  stopping: CallStats;
  answeredAtStop: number;
  connectedAtEnd: number;
  meterValuesAnswered: number;
  startsAnswered: number;
  stopsAnswered: number;
  undrained: number;
};

export type WorkerMessage = WorkerConnected | WorkerCharging | WorkerResult;
