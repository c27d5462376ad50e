'use client';

import { useTranslations } from 'next-intl';
import { useActionState, type FormEvent, type ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type ActionResult } from '@/lib/action-result';
import { chargerCommandAction, type CommandReply } from '../[chargerId]/command-actions';
import { CommandResult } from './command-result';
import { DataTransferForm } from './data-transfer-form';

type Target = { accountId: string; chargerId: string };
const SELECT = 'rounded-lg border border-slate-300 bg-white py-2 pl-3 pr-8 text-sm';
const TRIGGERS = ['StatusNotification', 'Heartbeat', 'BootNotification', 'MeterValues', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification'] as const;

function confirmFirst(message?: string) {
  return (event: FormEvent) => {
    if (message && !window.confirm(message)) event.preventDefault();
  };
}

type CommandFormProps = { target: Target; action: (form: FormData) => void; fields: Record<string, string | number>; label: string; confirm?: string; disabled: boolean; variant?: 'secondary' | 'danger'; children?: ReactNode };

function CommandForm({ target, action, fields, label, confirm, disabled, variant = 'secondary', children }: CommandFormProps) {
  return (
    <form action={action} onSubmit={confirmFirst(confirm)} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <fieldset disabled={disabled} className="contents">
        <SubmitButton label={label} variant={variant} />
      </fieldset>
    </form>
  );
}

export function CommandPanel({ target, isOnline, connectorIds }: { target: Target; isOnline: boolean; connectorIds: number[] }) {
  const t = useTranslations('ChargerCommands');
  const tStatus = useTranslations('ConnectorStatus');
  const [state, action] = useActionState<ActionResult<CommandReply>, FormData>(chargerCommandAction, idle);
  const common = { target, action, disabled: !isOnline };
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      {!isOnline && <p className="mt-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('offline')}</p>}
      <div className="mt-4 flex flex-col gap-4">
        <CommandResult state={state} />
        <div className="flex flex-wrap gap-2">
          <CommandForm {...common} fields={{ command: 'Reset', type: 'Soft' }} label={t('softReset')} confirm={t('softResetConfirm')} />
          <CommandForm {...common} fields={{ command: 'Reset', type: 'Hard' }} label={t('hardReset')} confirm={t('hardResetConfirm')} variant="danger" />
          <CommandForm {...common} fields={{ command: 'ClearCache' }} label={t('clearCache')} />
        </div>
        <div className="flex flex-col gap-3">
          <h3 className="text-sm font-medium text-slate-700">{t('availabilityTitle')}</h3>
          {[0, ...connectorIds].map((id) => (
            <div key={id} className="flex flex-wrap items-center gap-2" data-testid={`connector-commands-${id}`}>
              <span className="w-full text-sm text-slate-600 sm:w-28">{id === 0 ? t('wholeCharger') : tStatus('connector', { id })}</span>
              <CommandForm {...common} fields={{ command: 'ChangeAvailability', connectorId: id, type: 'Operative' }} label={t('makeAvailable')} />
              <CommandForm {...common} fields={{ command: 'ChangeAvailability', connectorId: id, type: 'Inoperative' }} label={t('makeUnavailable')} />
              {id > 0 && <CommandForm {...common} fields={{ command: 'UnlockConnector', connectorId: id }} label={t('unlock', { id })} confirm={t('unlockConfirm', { id })} />}
            </div>
          ))}
        </div>
        <CommandForm {...common} fields={{ command: 'TriggerMessage' }} label={t('trigger')}>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t('triggerTitle')}
            <select name="requestedMessage" className={SELECT}>
              {TRIGGERS.map((message) => (
                <option key={message}>{message}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t('triggerConnector')}
            <select name="connectorId" className={SELECT} defaultValue="">
              <option value="">{t('wholeCharger')}</option>
              {connectorIds.map((id) => (
                <option key={id} value={id}>
                  {tStatus('connector', { id })}
                </option>
              ))}
            </select>
          </label>
        </CommandForm>
        <DataTransferForm target={target} disabled={!isOnline} />
      </div>
    </Card>
  );
}
