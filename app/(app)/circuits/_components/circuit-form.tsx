'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { DEFAULT_MIN_CURRENT_A } from '@/domain/circuits/circuit-form';
import type { SolarMode } from '@/domain/circuits/solar-hysteresis';
import { idle } from '@/lib/action-result';
import { createCircuitAction, updateCircuitAction } from '../actions';
import { CircuitFeedFields } from './circuit-feed-fields';

type CircuitFormProps = {
  accountId: string;
  // Absent: a new circuit.
  circuit?: { id: string; name: string; capacityA: number; minCurrentA: number; followsMeterFeed: boolean; solarMode: SolarMode };
};

// Its name, the fuse's capacity on each phase, the least current a session is given, and its use of the meter feed.
export function CircuitForm({ accountId, circuit }: CircuitFormProps) {
  const t = useTranslations('CircuitForm');
  const [state, action] = useActionState(circuit ? updateCircuitAction : createCircuitAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const typed = state.status === 'error' ? state.values : undefined;
  const value = (name: 'name' | 'capacityA' | 'minCurrentA', fallback: string) => typed?.[name] ?? fallback;
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="circuit-form">
      <input type="hidden" name="accountId" value={accountId} />
      {circuit && <input type="hidden" name="circuitId" value={circuit.id} />}
      <TextField label={t('name')} name="name" defaultValue={value('name', circuit?.name ?? '')} errors={errors?.name} autoComplete="off" />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label={t('capacity')}
          name="capacityA"
          inputMode="numeric"
          defaultValue={value('capacityA', circuit ? String(circuit.capacityA) : '')}
          errors={errors?.capacityA}
          hint={t('capacityHint')}
        />
        <TextField
          label={t('minimum')}
          name="minCurrentA"
          inputMode="numeric"
          defaultValue={value('minCurrentA', String(circuit?.minCurrentA ?? DEFAULT_MIN_CURRENT_A))}
          errors={errors?.minCurrentA}
          hint={t('minimumHint')}
        />
      </div>
      <CircuitFeedFields followsMeterFeed={circuit?.followsMeterFeed ?? false} solarMode={circuit?.solarMode ?? 'off'} errors={errors} typed={typed} />
      <FormAlert state={state} />
      {state.status === 'ok' && <p className="text-sm text-green-700" role="status">{t('saved')}</p>}
      <SubmitButton label={circuit ? t('save') : t('create')} />
    </form>
  );
}
