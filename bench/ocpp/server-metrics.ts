// Reads the platform server's GET /metrics at the end of a run and splits each action's time into its parts
// (histograms over the whole run: connect, session starts, steady load and stops).
type Buckets = { le: number; count: number }[];
type Series = Map<string, Buckets>;

const PARTS = { total: 'ocpp_message_seconds', queued: 'ocpp_message_queued_seconds', database: 'ocpp_message_database_seconds', answer: 'ocpp_message_answer_seconds' } as const;
const BATCH_PARTS = { queued: 'ocpp_group_commit_queued_seconds', statement: 'ocpp_group_commit_statement_seconds' } as const;

export type PartSummary = { count: number; p50Ms: number; p99Ms: number };
export type ServerMetrics = {
  actions: Record<string, Partial<Record<keyof typeof PARTS, PartSummary>>>;
  groupCommits: Record<string, Partial<Record<keyof typeof BATCH_PARTS, PartSummary>> & { meanBatchSize: number }>;
  eventLoopLagP99Ms: number;
  gcPauseSeconds: number;
  // Scraped once, at the end: the most at once over the whole run (OCPP_MAX_CALLS_IN_FLIGHT caps it).
  mostCallsInFlight: number;
};

function bucketsOf(text: string, metric: string, label: string): Series {
  const series: Series = new Map();
  const pattern = new RegExp(`^${metric}_bucket\\{(.*)\\} (\\S+)$`);
  for (const line of text.split('\n')) {
    const match = pattern.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    const key = labels[label]!;
    if (!series.has(key)) series.set(key, []);
    series.get(key)!.push({ le: labels.le === '+Inf' ? Infinity : Number(labels.le), count: Number(match[2]) });
  }
  return series;
}

function sampleOf(text: string, series: string) {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

// As PromQL's histogram_quantile: linear inside the bucket the quantile falls in; the last finite bound past it.
function quantileMs(buckets: Buckets, share: number) {
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return 0;
  const rank = share * total;
  let lower = 0;
  let below = 0;
  for (const { le, count } of buckets) {
    if (count >= rank) {
      if (le === Infinity) return Math.round(lower * 1000);
      const within = count - below === 0 ? 0 : (rank - below) / (count - below);
      return Math.round((lower + (le - lower) * within) * 10_000) / 10;
    }
    lower = le;
    below = count;
  }
  return Math.round(lower * 1000);
}

function summarize(buckets: Buckets): PartSummary {
  return { count: buckets.at(-1)?.count ?? 0, p50Ms: quantileMs(buckets, 0.5), p99Ms: quantileMs(buckets, 0.99) };
}

export function readServerMetrics(text: string): ServerMetrics {
  const actions: ServerMetrics['actions'] = {};
  for (const [part, metric] of Object.entries(PARTS) as [keyof typeof PARTS, string][]) {
    for (const [action, buckets] of bucketsOf(text, metric, 'action')) (actions[action] ??= {})[part] = summarize(buckets);
  }
  const groupCommits: ServerMetrics['groupCommits'] = {};
  for (const [part, metric] of Object.entries(BATCH_PARTS) as [keyof typeof BATCH_PARTS, string][]) {
    for (const [kind, buckets] of bucketsOf(text, metric, 'kind')) (groupCommits[kind] ??= { meanBatchSize: 0 })[part] = summarize(buckets);
  }
  for (const [kind, entry] of Object.entries(groupCommits)) {
    const statements = sampleOf(text, `ocpp_group_commit_batch_size_count{kind="${kind}"}`);
    entry.meanBatchSize = statements ? Math.round((sampleOf(text, `ocpp_group_commit_batch_size_sum{kind="${kind}"}`) / statements) * 10) / 10 : 0;
  }
  return {
    actions,
    groupCommits,
    eventLoopLagP99Ms: Math.round(sampleOf(text, 'nodejs_eventloop_lag_p99_seconds') * 10_000) / 10,
    mostCallsInFlight: sampleOf(text, 'ocpp_messages_in_flight_max'),
    gcPauseSeconds: Math.round(text.split('\n').filter((line) => line.startsWith('nodejs_gc_duration_seconds_sum')).reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0) * 100) / 100,
  };
}

export async function scrapeServerMetrics(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return readServerMetrics(await response.text());
}
