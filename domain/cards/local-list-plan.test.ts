import { describe, expect, it } from 'vitest';
import { applyBatch, differentialUpdates, planLocalList, type LocalListEntries } from './local-list-plan';

const accepted = { status: 'Accepted' as const };
const blocked = { status: 'Blocked' as const };
const noLimits = { maxLength: null, sendMaxLength: null };

describe('local list plan', () => {
  it('removes what left, then adds or changes what differs', () => {
    const held: LocalListEntries = { A: accepted, B: accepted, gone: accepted };
    const wanted: LocalListEntries = { A: accepted, B: blocked, C: accepted };
    expect(differentialUpdates(held, wanted)).toEqual([{ idTag: 'gone' }, { idTag: 'B', idTagInfo: blocked }, { idTag: 'C', idTagInfo: accepted }]);
  });

  it('sends nothing when the charger already holds the list', () => {
    expect(planLocalList({ held: { A: accepted }, wanted: { A: { status: 'Accepted' } }, limits: noLimits })).toEqual({ kind: 'unchanged' });
  });

  it('sends a Full of the first part and differentials for the rest past SendLocalListMaxLength', () => {
    const wanted: LocalListEntries = { A: accepted, B: accepted, C: accepted, D: accepted, E: accepted };
    const plan = planLocalList({ held: null, wanted, limits: { maxLength: 10, sendMaxLength: 2 } });
    expect(plan.kind === 'send' && plan.batches.map((batch) => [batch.updateType, batch.localAuthorizationList.length])).toEqual([
      ['Full', 2],
      ['Differential', 2],
      ['Differential', 1],
    ]);
    const held = plan.kind === 'send' ? plan.batches.reduce<LocalListEntries | null>(applyBatch, { old: blocked }) : null;
    expect(held).toEqual(wanted);
  });

  it('sends an empty Full to clear an unknown list', () => {
    expect(planLocalList({ held: null, wanted: {}, limits: noLimits })).toEqual({ kind: 'send', batches: [{ updateType: 'Full', localAuthorizationList: [] }] });
  });

  it('refuses a list longer than LocalAuthListMaxLength', () => {
    expect(planLocalList({ held: {}, wanted: { A: accepted, B: accepted }, limits: { maxLength: 1, sendMaxLength: null } })).toEqual({ kind: 'tooLarge', needed: 2, maxLength: 1 });
  });
});
