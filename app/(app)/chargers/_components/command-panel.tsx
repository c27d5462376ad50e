'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useConnectorName } from '@/components/chargers/use-connector-name';
import { Card } from '@/components/ui/card';
import type { EvseLabel } from '@/domain/data/connectors';
import { idle, type ActionResult } from '@/lib/action-result';
import { chargerCommandAction, type CommandReply } from '../[chargerId]/command-actions';
import { CommandForm } from './command-form';
import { CommandResult } from './command-result';
import { DataTransferForm } from './data-transfer-form';
import { TriggerForms } from './trigger-forms';

type Target = { accountId: string; chargerId: string };

// evses: the EVSE of each connector that shares one with another, by connector.
type CommandPanelProps = { target: Target; isOnline: boolean; connectorIds: number[]; evses: Record<number, EvseLabel>; lacksSecurityExtension: boolean };

export function CommandPanel({ target, isOnline, connectorIds, evses, lacksSecurityExtension }: CommandPanelProps) {
  const t = useTranslations('ChargerCommands');
  const connectorName = useConnectorName();
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
              <span className="w-full text-sm text-slate-600 sm:w-28">{id === 0 ? t('wholeCharger') : connectorName(id, evses[id])}</span>
              <CommandForm {...common} fields={{ command: 'ChangeAvailability', connectorId: id, type: 'Operative' }} label={t('makeAvailable')} />
              <CommandForm {...common} fields={{ command: 'ChangeAvailability', connectorId: id, type: 'Inoperative' }} label={t('makeUnavailable')} />
              {id > 0 && <CommandForm {...common} fields={{ command: 'UnlockConnector', connectorId: id }} label={t('unlock', { id })} confirm={t('unlockConfirm', { id })} />}
            </div>
          ))}
        </div>
        <TriggerForms target={target} action={action} disabled={!isOnline} connectorIds={connectorIds} lacksSecurityExtension={lacksSecurityExtension} />
        <DataTransferForm target={target} disabled={!isOnline} />
      </div>
    </Card>
  );
}
