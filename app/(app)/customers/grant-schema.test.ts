import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOffsetAt } from './grant-form-fields';
import { changeRoleSchema } from './schemas';

const accountId = '7d0c3b8e-59a1-4a43-9a39-0a3cf2b6f1a1';
const userId = 'e2b1a0d4-1c7e-4b1e-8a51-7f7a0f8b4c22';
const chargerId = '3f2f6a1e-9b0c-4d5e-8f7a-6b5c4d3e2f1a';

describe('the role a form grants', () => {
  it('turns the browser wall-clock end into an instant with its offset, kWh into Wh, and ticked chargers into a list', () => {
    const parsed = changeRoleSchema.parse({
      accountId,
      userId,
      role: 'guest',
      accessEndsAt: '2099-03-01T08:00',
      timeZoneOffset: '60',
      energyCapKwh: '7.25',
      [`charger:${chargerId}`]: 'on',
    });
    expect(parsed).toEqual({
      accountId,
      userId,
      grant: { role: 'guest', limits: { accessEndsAt: new Date('2099-03-01T09:00:00Z'), energyCapWh: 7250, chargerIds: [chargerId] } },
    });
  });

  it('keeps no limits for a driver, whatever the form sent', () => {
    const parsed = changeRoleSchema.parse({ accountId, userId, role: 'driver', accessEndsAt: '2099-03-01T08:00', energyCapKwh: '3' });
    expect(parsed.grant).toEqual({ role: 'driver', limits: { accessEndsAt: null, energyCapWh: null, chargerIds: null } });
  });

  it('refuses an owner role, a cap of nothing and a ticked charger that is no id', () => {
    const result = changeRoleSchema.safeParse({ accountId, userId, role: 'owner', energyCapKwh: '0', 'charger:nope': 'on' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
    expect(paths).toEqual(expect.arrayContaining(['role:choiceInvalid', 'energyCapKwh:energyCapInvalid', 'chargerIds.0:choiceInvalid']));
  });
});

describe('the browser offset a guest end is sent with', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Vilnius';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('is the offset at the chosen end, so that an end past a change to summer time is the hour the owner typed', () => {
    const accessEndsAt = '2099-07-01T18:00';
    const parsed = changeRoleSchema.parse({ accountId, userId, role: 'guest', accessEndsAt, timeZoneOffset: String(browserOffsetAt(accessEndsAt)) });
    expect(parsed.grant.limits.accessEndsAt).toEqual(new Date('2099-07-01T15:00:00Z'));
    expect(browserOffsetAt('2099-01-15T18:00')).toBe(-120);
  });
});
