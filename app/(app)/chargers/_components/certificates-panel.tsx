'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { useKeptSelection } from '@/components/ui/use-kept-selection';
import { idle, type ActionResult } from '@/lib/action-result';
import type { CertificateHashData } from '@/domain/commands/actions';
import { chargerCommandAction, type CommandReply } from '../[chargerId]/command-actions';
import { CommandClaim } from './command-claim';
import { CommandResult } from './command-result';

type Target = { accountId: string; chargerId: string };

const TYPES = ['CentralSystemRootCertificate', 'ManufacturerRootCertificate'] as const;
const SELECT = 'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm';

// Controlled, its choice kept across the form's reset after an action (useKeptSelection): the kind chosen stays with
// the answer shown and is what the next submission sends.
function TypeSelect() {
  const t = useTranslations('ChargerCertificates');
  const [type, setType] = useState<(typeof TYPES)[number]>(TYPES[0]);
  const ref = useKeptSelection(type);
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {t('type')}
      <select ref={ref} name="certificateType" className={SELECT} value={type} onChange={(event) => setType(event.target.value as (typeof TYPES)[number])}>
        {TYPES.map((option) => (
          <option key={option} value={option}>
            {t('typeOption', { type: option })}
          </option>
        ))}
      </select>
    </label>
  );
}

function InstalledCertificate({ target, hashData, disabled }: { target: Target; hashData: CertificateHashData; disabled: boolean }) {
  const t = useTranslations('ChargerCertificates');
  const [state, action] = useActionState<ActionResult<CommandReply>, FormData>(chargerCommandAction, idle);
  return (
    <li className="flex flex-col gap-2 border-t border-slate-200 py-3" data-testid="installed-certificate">
      <p className="break-all font-mono text-xs text-slate-700">{t('serial', { serial: hashData.serialNumber })}</p>
      <form action={action} className="flex flex-col gap-2">
        <CommandClaim target={target} command="DeleteCertificate" />
        {Object.entries(hashData).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <fieldset disabled={disabled} className="contents">
          <SubmitButton label={t('remove')} variant="secondary" className="self-start" />
        </fieldset>
        <CommandResult state={state} />
      </form>
    </li>
  );
}

function InstalledList({ target, disabled }: { target: Target; disabled: boolean }) {
  const t = useTranslations('ChargerCertificates');
  const [state, action] = useActionState<ActionResult<CommandReply>, FormData>(chargerCommandAction, idle);
  const answer = state.status === 'ok' ? state.data : null;
  const listed = answer?.status === 'accepted' && Array.isArray(answer.response?.certificateHashData) ? (answer.response.certificateHashData as CertificateHashData[]) : null;
  const isNone = answer?.status === 'rejected' && answer.response?.status === 'NotFound';
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-3">
        <CommandClaim target={target} command="GetInstalledCertificateIds" />
        <TypeSelect />
        <fieldset disabled={disabled} className="contents">
          <SubmitButton label={t('list')} variant="secondary" className="self-start" />
        </fieldset>
      </form>
      {listed && (
        <ul data-testid="installed-certificates">
          {listed.map((hashData) => (
            <InstalledCertificate key={`${hashData.issuerNameHash}-${hashData.serialNumber}`} target={target} hashData={hashData} disabled={disabled} />
          ))}
        </ul>
      )}
      {isNone && <p className="text-sm text-slate-600">{t('none')}</p>}
      {!listed && !isNone && <CommandResult state={state} />}
    </div>
  );
}

function InstallForm({ target, disabled }: { target: Target; disabled: boolean }) {
  const t = useTranslations('ChargerCertificates');
  const [state, action] = useActionState<ActionResult<CommandReply>, FormData>(chargerCommandAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors?.certificate : undefined;
  const typed = state.status === 'error' ? state.values?.certificate : undefined;
  return (
    <form action={action} className="flex flex-col gap-3 border-t border-slate-200 pt-4" data-testid="install-certificate">
      <h3 className="text-sm font-medium text-slate-700">{t('installTitle')}</h3>
      <CommandClaim target={target} command="InstallCertificate" />
      <TypeSelect />
      <TextAreaField label={t('certificate')} name="certificate" rows={5} defaultValue={typed} errors={errors} spellCheck={false} className="text-xs" />
      <fieldset disabled={disabled} className="contents">
        <SubmitButton label={t('install')} className="self-start" />
      </fieldset>
      <CommandResult state={state.status === 'error' && !state.formError ? idle : state} />
    </form>
  );
}

// The root certificates the charger trusts (1.6 security whitepaper): listed, removed and installed over OCPP.
export function CertificatesPanel({ target, isOnline, lacksSecurityExtension }: { target: Target; isOnline: boolean; lacksSecurityExtension: boolean }) {
  const t = useTranslations('ChargerCertificates');
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t('body')}</p>
      {lacksSecurityExtension ? <p className="text-sm text-slate-600">{t('unsupported')}</p> : <CertificateForms target={target} isOnline={isOnline} />}
    </Card>
  );
}

function CertificateForms({ target, isOnline }: { target: Target; isOnline: boolean }) {
  return (
      <div className="flex flex-col gap-4" data-testid="charger-certificates">
        <InstalledList target={target} disabled={!isOnline} />
        <InstallForm target={target} disabled={!isOnline} />
      </div>
  );
}
