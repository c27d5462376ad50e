'use client';

import { useTranslations } from 'next-intl';
import { EXTENDED_TRIGGERABLE_MESSAGES } from '@/domain/commands/actions';
import { CommandForm } from './command-form';

type Target = { accountId: string; chargerId: string };
type TriggerFormsProps = { target: Target; action: (form: FormData) => void; disabled: boolean; connectorIds: number[]; lacksSecurityExtension: boolean };

const SELECT = 'rounded-lg border border-slate-300 bg-white py-2 pl-3 pr-8 text-sm';
const TRIGGERS = ['StatusNotification', 'Heartbeat', 'BootNotification', 'MeterValues', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification'] as const;

function TriggerFields({ messages, connectorIds }: { messages: readonly string[]; connectorIds: number[] }) {
  const t = useTranslations('ChargerCommands');
  const tStatus = useTranslations('ConnectorStatus');
  return (
    <>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t('triggerTitle')}
        <select name="requestedMessage" className={SELECT}>
          {messages.map((message) => (
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
    </>
  );
}

// TriggerMessage (1.6 Remote Trigger), and the security whitepaper's ExtendedTriggerMessage (its own messages:
// LogStatusNotification, the signed firmware status, a certificate request) unless the charger is known to lack it.
export function TriggerForms({ target, action, disabled, connectorIds, lacksSecurityExtension }: TriggerFormsProps) {
  const t = useTranslations('ChargerCommands');
  const common = { target, action, disabled };
  return (
    <div className="flex flex-col gap-3">
      <CommandForm {...common} fields={{ command: 'TriggerMessage' }} label={t('trigger')}>
        <TriggerFields messages={TRIGGERS} connectorIds={connectorIds} />
      </CommandForm>
      <h3 className="text-sm font-medium text-slate-700">{t('extendedTriggerTitle')}</h3>
      {lacksSecurityExtension ? (
        <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="extended-trigger-unsupported">
          {t('extendedTriggerUnsupported')}
        </p>
      ) : (
        <div data-testid="extended-trigger">
          <CommandForm {...common} fields={{ command: 'ExtendedTriggerMessage' }} label={t('trigger')}>
            <TriggerFields messages={EXTENDED_TRIGGERABLE_MESSAGES} connectorIds={connectorIds} />
          </CommandForm>
        </div>
      )}
    </div>
  );
}
