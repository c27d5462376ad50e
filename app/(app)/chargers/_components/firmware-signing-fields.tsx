'use client';

import { useTranslations } from 'next-intl';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import type { ValidationKey } from '@/lib/action-result';

type SigningFieldsProps = {
  lacksSecurityExtension: boolean;
  values?: Record<string, string>;
  errors?: Record<string, ValidationKey[]>;
};

// SignedUpdateFirmware's certificate and signature (security whitepaper §4.4); a charger known to lack the extension
// gets the plain UpdateFirmware only, and the form says so.
export function FirmwareSigningFields({ lacksSecurityExtension, values, errors }: SigningFieldsProps) {
  const t = useTranslations('ChargerFirmware');
  if (lacksSecurityExtension) {
    return (
      <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="firmware-plain-only">
        {t('plainOnly')}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3">
      <h3 className="text-sm font-medium text-slate-700">{t('signedTitle')}</h3>
      <p className="text-sm text-slate-600">{t('signedBody')}</p>
      <TextAreaField
        name="signingCertificate"
        label={t('certificateLabel')}
        rows={4}
        className="text-xs"
        placeholder="-----BEGIN CERTIFICATE-----"
        defaultValue={values?.signingCertificate}
        key={`certificate-${values?.signingCertificate}`}
        errors={errors?.signingCertificate}
      />
      <TextField name="signature" label={t('signatureLabel')} autoComplete="off" className="font-mono" errors={errors?.signature} defaultValue={values?.signature} key={`signature-${values?.signature}`} />
    </div>
  );
}
