'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { FieldErrors } from '@/components/ui/field-errors';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { useKeptSelection } from '@/components/ui/use-kept-selection';
import { idle, type ActionResult } from '@/lib/action-result';
import { SECURITY_PROFILES } from '@/domain/chargers/security-profile';
import type { ChargerCertificateState } from '@/domain/data/charger-certificates';
import { chargerCommandAction, type CommandReply } from '../[chargerId]/command-actions';
import { setSecurityProfileAction, type SecurityProfileReply } from '../[chargerId]/security-actions';
import { CommandClaim } from './command-claim';
import { CommandResult } from './command-result';

type Target = { accountId: string; chargerId: string };
type SecurityProfileCardProps = { target: Target; state: ChargerCertificateState; isOnline: boolean; lacksSecurityExtension: boolean };

function ProfileReply({ reply, profile }: { reply: SecurityProfileReply; profile: string }) {
  const t = useTranslations('ChargerSecurity');
  if (reply.outcome === 'unchanged') return <Alert tone="info">{t('unchanged')}</Alert>;
  if (reply.outcome === 'saved') return <Alert tone="success">{t('saved')}</Alert>;
  const tone = reply.status === 'accepted' ? 'success' : reply.status === 'rejected' || reply.status === 'failed' || reply.status === 'offline' ? 'error' : 'info';
  const status = reply.status === 'failed' ? 'rejected' : reply.status;
  return <Alert tone={tone}>{t('sent', { status, profile })}</Alert>;
}

function ProfileForm({ target, profile, pending }: { target: Target; profile: number; pending: number | null }) {
  const t = useTranslations('ChargerSecurity');
  const [state, action] = useActionState<ActionResult<SecurityProfileReply>, FormData>(setSecurityProfileAction, idle);
  // Controlled, its choice kept across the form's reset after the action (useKeptSelection).
  const [chosen, setChosen] = useState(String(profile));
  const ref = useKeptSelection(chosen);
  const errorsId = useId();
  const errors = state.status === 'error' ? state.fieldErrors?.securityProfile : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="security-profile-form">
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t('profile')}
        <select
          name="securityProfile"
          ref={ref}
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errorsId}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          {SECURITY_PROFILES.map((option) => (
            <option key={option} value={option}>
              {t('profileOption', { profile: option })}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id={errorsId} errors={errors} />
      {pending !== null && <Alert tone="info">{t('pending', { profile: pending, current: profile })}</Alert>}
      {state.status === 'ok' && <ProfileReply reply={state.data} profile={chosen} />}
      <FormAlert state={state} />
      <SubmitButton label={t('save')} variant="secondary" className="self-start" />
    </form>
  );
}

function CertificateState({ state }: { state: ChargerCertificateState }) {
  const t = useTranslations('ChargerSecurity');
  const format = useFormatter();
  const { certificate, refusal } = state;
  return (
    <div className="flex flex-col gap-2 text-sm text-slate-700" data-testid="charger-certificate-state">
      {certificate ? (
        <p>
          {t('certificate', { serial: certificate.serialNumber, until: format.dateTime(certificate.notAfter, { dateStyle: 'medium' }), signed: format.dateTime(certificate.signedAt, { dateStyle: 'medium' }) })}
        </p>
      ) : (
        <p>{t('noCertificate')}</p>
      )}
      {refusal && <Alert tone="error">{t('refusal', { reason: refusal.reason, at: format.dateTime(refusal.at, { dateStyle: 'medium', timeStyle: 'short' }) })}</Alert>}
      {state.securityProfile === 3 && !certificate && <Alert tone="info">{t('profile3WithoutCertificate')}</Alert>}
    </div>
  );
}

function RenewForm({ target, disabled }: { target: Target; disabled: boolean }) {
  const t = useTranslations('ChargerSecurity');
  const [state, action] = useActionState<ActionResult<CommandReply>, FormData>(chargerCommandAction, idle);
  return (
    <form action={action} className="flex flex-col gap-2" data-testid="renew-certificate">
      <CommandClaim target={target} command="ExtendedTriggerMessage" />
      <input type="hidden" name="requestedMessage" value="SignChargePointCertificate" />
      <fieldset disabled={disabled} className="contents">
        <SubmitButton label={t('renew')} variant="secondary" className="self-start" />
      </fieldset>
      <CommandResult state={state} />
    </form>
  );
}

// OCPP 1.6 security whitepaper §2: how the charger must connect (profile 1, 2 or 3), and the client certificate the
// platform CA signs for it (profile 3), renewed on request through ExtendedTriggerMessage(SignChargePointCertificate).
export function SecurityProfileCard({ target, state, isOnline, lacksSecurityExtension }: SecurityProfileCardProps) {
  const t = useTranslations('ChargerSecurity');
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t('body')}</p>
      <div className="flex flex-col gap-4" data-testid="charger-security">
        <ProfileForm target={target} profile={state.securityProfile} pending={state.nextSecurityProfile} />
        <div className="flex flex-col gap-3 border-t border-slate-200 pt-4">
          <h3 className="text-sm font-medium text-slate-700">{t('certificateTitle')}</h3>
          <CertificateState state={state} />
          {lacksSecurityExtension ? <p className="text-sm text-slate-600">{t('unsupported')}</p> : <RenewForm target={target} disabled={!isOnline} />}
        </div>
      </div>
    </Card>
  );
}
