'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { FieldErrors } from '@/components/ui/field-errors';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type ActionResult } from '@/lib/action-result';
import { chargerCommandAction, type CommandReply } from '../[chargerId]/command-actions';
import { CommandClaim } from './command-claim';
import { CommandResult } from './command-result';

type Target = { accountId: string; chargerId: string };
type ConfigurationKey = { key: string; readonly: boolean; value?: string };

function keysFrom(state: ActionResult<CommandReply>): ConfigurationKey[] | null {
  if (state.status !== 'ok' || state.data.status !== 'accepted') return null;
  const keys = state.data.response?.configurationKey;
  return Array.isArray(keys) ? (keys as ConfigurationKey[]) : [];
}

function ChangeKeyForm({ target, entry, onDone }: { target: Target; entry: ConfigurationKey; onDone: () => void }) {
  const t = useTranslations('ChargerConfiguration');
  const [state, action] = useActionState<ActionResult<CommandReply>, FormData>(chargerCommandAction, idle);
  const answer = state.status === 'ok' && typeof state.data.response?.status === 'string' ? state.data.response.status : null;
  const valueErrors = state.status === 'error' ? state.fieldErrors?.value : undefined;
  const errorsId = useId();
  return (
    <form action={action} className="mt-2 flex flex-col gap-2">
      <CommandClaim target={target} command="ChangeConfiguration" />
      <input type="hidden" name="key" value={entry.key} />
      <label className="text-xs font-medium text-slate-600">
        {t('newValue', { key: entry.key })}
        <input
          name="value"
          defaultValue={entry.value ?? ''}
          maxLength={500}
          aria-invalid={valueErrors?.length ? true : undefined}
          aria-describedby={errorsId}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1.5 font-mono text-sm"
        />
      </label>
      <FieldErrors id={errorsId} errors={valueErrors} />
      <div className="flex gap-2">
        <SubmitButton label={t('save')} />
        <button type="button" onClick={onDone} aria-label={t('cancel')} title={t('cancel')} className="text-sm text-slate-600 hover:underline">
          ✕
        </button>
      </div>
      {answer ? <Alert tone={answer === 'Accepted' || answer === 'RebootRequired' ? 'success' : 'error'}>{t('changeResult', { status: answer })}</Alert> : <CommandResult state={state} />}
    </form>
  );
}

export function ConfigurationPanel({ target, isOnline }: { target: Target; isOnline: boolean }) {
  const t = useTranslations('ChargerConfiguration');
  const [state, action] = useActionState<ActionResult<CommandReply>, FormData>(chargerCommandAction, idle);
  const [editing, setEditing] = useState<string | null>(null);
  const keys = keysFrom(state);
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('body')}</p>
      <form action={action} className="mt-4">
        <CommandClaim target={target} command="GetConfiguration" />
        <fieldset disabled={!isOnline} className="contents">
          <SubmitButton label={t('read')} pendingLabel={t('reading')} variant="secondary" />
        </fieldset>
      </form>
      <div className="mt-4">{keys === null ? <CommandResult state={state} /> : keys.length === 0 && <p className="text-sm text-slate-500">{t('empty')}</p>}</div>
      {keys && keys.length > 0 && (
        <div className="-mx-6 mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t('title')}>
          <table className="w-full text-left text-sm" data-testid="configuration-table">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-6 py-2 font-medium">{t('key')}</th>
                <th className="px-2 py-2 font-medium">{t('value')}</th>
                <th className="px-6 py-2 font-medium" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((entry) => (
                <tr key={entry.key} className="align-top">
                  <td className="px-6 py-2 font-mono text-xs">{entry.key}</td>
                  <td className="px-2 py-2 font-mono text-xs break-all">
                    {entry.value ?? '—'}
                    {editing === entry.key && <ChangeKeyForm target={target} entry={entry} onDone={() => setEditing(null)} />}
                  </td>
                  <td className="px-6 py-2 text-right whitespace-nowrap">
                    {entry.readonly ? (
                      <span className="text-xs text-slate-500">{t('readonly')}</span>
                    ) : (
                      <button type="button" disabled={!isOnline} onClick={() => setEditing(entry.key)} className="text-xs font-semibold text-brand-700 hover:underline disabled:text-slate-400">
                        {t('change')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
