// Malformed OCPP-J frames with what OCPP-J 1.6 says the server must do with each, drawn from a seeded generator
// so that a failing run can be replayed with its seed.

export type Reply = { type: 3 | 4; id: string; code?: string };
export type Frame = string | { binary: Buffer } | { text: Buffer };
// bad: a frame the server cannot read as a message (it counts them and closes after 20 in a row);
// null: neither read nor counted.
export type Step = { kind: string; frames: Frame[]; bad: boolean | null; expect: { replies: Reply[][] } | { close: number } };

export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const text = (length: number, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:ß漢字🙂"\\{}[],') =>
    Array.from({ length }, () => pick([...alphabet])).join('');
  return { next, int, pick, text };
}

type Random = ReturnType<typeof createRandom>;

const call = (id: string, action: unknown, params: unknown) => JSON.stringify([2, id, action, params]);
const one = (reply: Reply) => ({ replies: [[reply]] });
const error = (id: string, code: string) => one({ type: 4, id, code });
const unreadable = (frame: string): Step => ({ kind: 'unreadable', frames: [frame], bad: true, expect: error('-1', 'FormationViolation') });

function validParams(random: Random): [string, unknown] {
  return random.pick<() => [string, unknown]>([
    () => ['Heartbeat', {}],
    () => ['StatusNotification', { connectorId: random.int(0, 2), errorCode: 'NoError', status: random.pick(['Available', 'Preparing', 'Unavailable']) }],
    () => ['Authorize', { idTag: random.text(random.int(1, 20), 'ABCDEF0123456789') }],
    () => ['DataTransfer', { vendorId: random.text(random.int(1, 30)), data: random.text(random.int(0, 200)) }],
    () => ['BootNotification', { chargePointVendor: 'Fuzz', chargePointModel: random.text(random.int(1, 20)) }],
  ])();
}

const deeplyNested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

// [action, params, the 1.6 error code] for payloads that parse but break the action's schema.
function schemaViolation(random: Random): [string, string, string] {
  const timestamp = new Date().toISOString();
  return random.pick<() => [string, string, string]>([
    () => ['Heartbeat', JSON.stringify({ [random.text(5)]: random.int(0, 9) }), 'PropertyConstraintViolation'],
    () => ['StartTransaction', JSON.stringify({ connectorId: random.text(3), idTag: 'A', meterStart: 0, timestamp }), 'TypeConstraintViolation'],
    () => ['BootNotification', JSON.stringify({ chargePointVendor: random.text(8) }), 'OccurrenceConstraintViolation'],
    () => ['StatusNotification', JSON.stringify({ connectorId: 1, errorCode: 'NoError', status: random.text(8) }), 'PropertyConstraintViolation'],
    () => ['Authorize', JSON.stringify({ idTag: random.text(random.int(21, 400)) }), 'FormationViolation'],
    () => ['MeterValues', JSON.stringify({ connectorId: 1, meterValue: random.text(5) }), 'TypeConstraintViolation'],
    () => [random.pick(['Heartbeat', 'Authorize', 'BootNotification']), JSON.stringify(random.pick([random.text(9), random.int(-9, 9), [], null, true])), 'TypeConstraintViolation'],
    () => ['DataTransfer', JSON.stringify({ vendorId: `${random.text(4)}\u0000`, data: 'x' }), 'PropertyConstraintViolation'],
    () => ['Heartbeat', deeplyNested(random.int(100, 12_000)), 'TypeConstraintViolation'],
  ])();
}

function brokenJson(random: Random): string {
  for (;;) {
    const [action, params] = validParams(random);
    const whole = call(random.text(8), action, params);
    const candidate = random.next() < 0.7 ? whole.slice(0, random.int(1, whole.length - 1)) : random.text(random.int(1, 300));
    try {
      JSON.parse(candidate);
    } catch {
      if (candidate.length > 0) return candidate;
    }
  }
}

// Each returns one step; `id` is unique within the run.
const STEPS: [number, (random: Random, id: string) => Step][] = [
  [12, (random, id) => {
    const [action, params] = validParams(random);
    return { kind: 'valid', frames: [call(id, action, params)], bad: false, expect: one({ type: 3, id }) };
  }],
  [12, (random) => unreadable(brokenJson(random))],
  [4, (random) => unreadable(JSON.stringify(random.pick([{}, { '0': 2 }, 42, 'text', null, true]))) ],
  [6, (random, id) => unreadable(JSON.stringify([random.pick([0, 1, 5, 6, 99, -1, 2.5, 1e9, '2', null, [], {}]), id, 'Heartbeat', {}]))],
  [4, () => unreadable(JSON.stringify([2, 7, 'Heartbeat', {}]))],
  [3, (random, id) => ({ kind: 'action-type', frames: [call(id, random.pick([5, null, {}, []]), {})], bad: true, expect: error(id, 'FormationViolation') })],
  [6, (random, id) => ({
    kind: 'unknown-action',
    frames: [call(id, random.pick([random.text(random.int(1, 40)), '__proto__', 'constructor', 'toString', 'heartbeat', 'Heartbeat ']), {})],
    bad: false,
    expect: error(id, 'NotImplemented'),
  })],
  [12, (random, id) => {
    const [action, params, code] = schemaViolation(random);
    return { kind: 'schema', frames: [`[2,${JSON.stringify(id)},${JSON.stringify(action)},${params}]`], bad: false, expect: error(id, code) };
  }],
  [5, (random, id) => ({
    kind: 'answer-to-nothing',
    frames: [random.next() < 0.5 ? JSON.stringify([3, id, {}]) : JSON.stringify([4, id, 'GenericError', random.text(10), {}])],
    bad: true,
    expect: { replies: [[]] },
  })],
  // The second copy arrives while the first is still being handled: a reused message id (ProtocolError).
  // Should the first already be answered, the copy is simply a new call.
  [3, (random, id) => {
    const frame = call(id, 'Heartbeat', {});
    const twice = { type: 3, id } as const;
    return { kind: 'duplicate', frames: [frame, frame], bad: false, expect: { replies: [[twice, { type: 4, id, code: 'ProtocolError' }], [twice, twice]] } };
  }],
  [1, () => ({ kind: 'empty', frames: [''], bad: null, expect: { replies: [[]] } })],
  [0.3, (random) => ({ kind: 'binary', frames: [{ binary: Buffer.from(call(random.text(6), 'Heartbeat', {})) }], bad: null, expect: { close: 1003 } })],
  [0.3, (random, id) => ({ kind: 'oversized', frames: [call(id, 'DataTransfer', { vendorId: 'x', data: random.text(70_000, 'xyz') })], bad: null, expect: { close: 1009 } })],
  [0.3, () => ({ kind: 'invalid-utf8', frames: [{ text: Buffer.from([0x5b, 0x32, 0xff, 0xfe, 0x5d]) }], bad: null, expect: { close: 1007 } })],
];

const TOTAL_WEIGHT = STEPS.reduce((sum, [weight]) => sum + weight, 0);

export function* fuzzSteps(random: Random, count: number, idPrefix: string): Generator<Step> {
  for (let index = 0; index < count; index++) {
    const id = `${idPrefix}-${index}`;
    // Now and then a run of unreadable frames long enough to be cut off (1002).
    if (random.next() < 0.002) {
      for (let burst = 0; burst < 21; burst++) yield unreadable(brokenJson(random));
      continue;
    }
    let roll = random.next() * TOTAL_WEIGHT;
    const [, make] = STEPS.find(([weight]) => (roll -= weight) < 0) ?? STEPS[0]!;
    yield make(random, id);
  }
}
