'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Card } from '@/components/ui/card';
import type { ShownDeviceVariable } from '@/domain/data/device-model';
import { DeviceModelRefresh } from './device-model-refresh';
import { groupVariables, type ComponentGroup } from './device-model-groups';
import { DeviceVariableRow } from './device-variable-row';

type Target = { accountId: string; chargerId: string };

function GroupHeading({ group }: { group: ComponentGroup }) {
  const t = useTranslations('ChargerDeviceModel');
  return (
    <h3 className="text-sm font-semibold">
      {group.name}
      {group.instance && <span className="font-normal text-slate-600"> [{group.instance}]</span>}
      {group.evseId > 0 && <span className="ml-2 text-xs font-normal text-slate-600">{t('evse', { id: group.evseId, connector: String(group.connectorId) })}</span>}
    </h3>
  );
}

// A 2.0.1 charger's device model (its configuration, as configuration keys are a 1.6 charger's): grouped by component,
// searchable, the changeable variables editable one at a time.
export function DeviceModelPanel({ target, isOnline, variables }: { target: Target; isOnline: boolean; variables: ShownDeviceVariable[] }) {
  const t = useTranslations('ChargerDeviceModel');
  const format = useFormatter();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [isWritableOnly, setIsWritableOnly] = useState(false);
  const groups = groupVariables(variables, { query, isWritableOnly });
  const reportedAt = variables.reduce<Date | null>((latest, variable) => (latest && latest > variable.reportedAt ? latest : variable.reportedAt), null);
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('body')}</p>
      <DeviceModelRefresh target={target} isOnline={isOnline} />
      {variables.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <div className="mt-4 flex flex-col gap-3" data-testid="device-model">
          <p className="text-xs text-slate-500">{t('reported', { count: variables.length, date: format.dateTime(reportedAt!, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
          <div className="flex flex-wrap items-end gap-3">
            <label htmlFor={searchId} className="flex min-w-0 flex-1 flex-col text-xs font-medium text-slate-600">
              {t('search')}
              <input
                id={searchId}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                placeholder={t('searchPlaceholder')}
                className="mt-1 w-full rounded-lg border border-slate-300 px-2 py-1.5 text-sm"
              />
            </label>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={isWritableOnly} onChange={(event) => setIsWritableOnly(event.target.checked)} />
              {t('writableOnly')}
            </label>
          </div>
          {groups.length === 0 && <p className="text-sm text-slate-500">{t('noMatch')}</p>}
          {groups.map((group) => (
            <section key={group.key} className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200" data-testid="device-component" data-component={group.name}>
              <GroupHeading group={group} />
              <ul className="divide-y divide-slate-200">
                {group.variables.map((variable) => (
                  <DeviceVariableRow key={variable.id} target={target} variable={variable} isOnline={isOnline} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
