'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { FieldErrors } from '@/components/ui/field-errors';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import { setCircuitChargersAction } from '../actions';

type Candidate = { id: string; name: string; circuitId: string | null; circuitName: string | null; phase: number | null; phases: number | null; isSupported: boolean | null };

// Which of the account's chargers sit behind this fuse, and the phase a single-phase one is wired to.
export function CircuitChargersForm({ accountId, circuitId, candidates }: { accountId: string; circuitId: string; candidates: Candidate[] }) {
  const t = useTranslations('CircuitChargers');
  const [state, action] = useActionState(setCircuitChargersAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors?.chargers : undefined;
  const errorsId = useId();
  if (candidates.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <form action={action} className="flex flex-col gap-3" aria-describedby={errorsId} data-testid="circuit-chargers-form">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="circuitId" value={circuitId} />
      <ul className="flex flex-col divide-y divide-slate-100">
        {candidates.map((charger) => (
          <li key={charger.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <label className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" name={`charger_${charger.id}`} defaultChecked={charger.circuitId === circuitId} />
              <span className="font-medium">{charger.name}</span>
              {charger.circuitId && charger.circuitId !== circuitId && <span className="text-xs text-slate-500">{t('inOther', { name: charger.circuitName ?? '' })}</span>}
              {charger.isSupported === false && <span className="text-xs text-amber-800">{t('notControllable')}</span>}
            </label>
            {charger.phases === 1 ? (
              <label className="flex items-center gap-2 text-sm text-slate-700">
                {t('phase')}
                <select name={`phase_${charger.id}`} defaultValue={String(charger.phase ?? 1)} className="rounded-lg border border-slate-300 px-2 py-1.5 text-sm">
                  {[1, 2, 3].map((phase) => (
                    <option key={phase} value={phase}>
                      {t('phaseName', { phase })}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <span className="text-xs text-slate-500">{t('threePhase')}</span>
            )}
          </li>
        ))}
      </ul>
      <FieldErrors id={errorsId} errors={errors} />
      <FormAlert state={state} />
      {state.status === 'ok' && <p className="text-sm text-green-700" role="status">{t('saved')}</p>}
      <SubmitButton label={t('save')} variant="secondary" />
    </form>
  );
}
