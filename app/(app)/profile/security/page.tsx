import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { getSecondFactors, hasSecondFactor, listPasskeys } from '@/domain/data/two-factor';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { removePasskeyAction, turnOffAuthenticatorAction } from './actions';
import { AddPasskey } from './_components/add-passkey';
import { AuthenticatorSetup } from './_components/authenticator-setup';
import { PasswordConfirmForm } from './_components/password-confirm-form';
import { NewRecoveryCodes } from './_components/new-recovery-codes';

export async function generateMetadata() {
  return { title: (await getTranslations('SecurityPage'))('title') };
}

export default async function SecurityPage({ searchParams }: PageProps<'/profile/security'>) {
  const user = await requireUser();
  const [t, format, factors, passkeys, params] = await Promise.all([
    getTranslations('SecurityPage'),
    getFormatter(),
    getSecondFactors(db(), { userId: user.id }),
    listPasskeys(db(), { userId: user.id }),
    searchParams,
  ]);
  const isRequired = params.required === '1' && !hasSecondFactor(factors);
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' });
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <Link href="/profile" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('backToProfile')}
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      {isRequired && <Alert tone="info">{t('requiredByAccount')}</Alert>}

      <Card>
        <div className="flex items-baseline justify-between gap-3">
          <h2 className="font-semibold">{t('authenticatorTitle')}</h2>
          <span className={`text-sm font-medium ${factors.hasAuthenticator ? 'text-brand-700' : 'text-slate-500'}`} data-testid="authenticator-status">
            {factors.hasAuthenticator ? t('on') : t('off')}
          </span>
        </div>
        <p className="mt-1 text-sm text-slate-600">{t('authenticatorBody')}</p>
        <div className="mt-4">
          {factors.hasAuthenticator ? (
            <details className="group">
              <summary className="cursor-pointer text-sm font-semibold text-red-700">{t('turnOffAuthenticator')}</summary>
              <div className="mt-3">
                <PasswordConfirmForm action={turnOffAuthenticatorAction} passwordLabel={t('confirmPassword')} submitLabel={t('turnOffAuthenticator')} variant="danger" />
              </div>
            </details>
          ) : (
            <AuthenticatorSetup />
          )}
        </div>
      </Card>

      <Card>
        <h2 className="font-semibold">{t('passkeysTitle')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('passkeysBody')}</p>
        {passkeys.length > 0 && (
          <ul className="mt-4 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid="passkeys">
            {passkeys.map((passkey) => (
              <li key={passkey.id} className="flex flex-col gap-2 px-4 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium text-slate-900">{passkey.name}</span>
                  <span className="text-xs text-slate-500">
                    {t('passkeyAddedOn', { date: date(passkey.createdAt) })}
                    {passkey.lastUsedAt && ` · ${t('passkeyUsedOn', { date: date(passkey.lastUsedAt) })}`}
                  </span>
                </div>
                <details>
                  <summary className="cursor-pointer text-sm font-semibold text-red-700">{t('removePasskey')}</summary>
                  <div className="mt-3">
                    <PasswordConfirmForm action={removePasskeyAction} fields={{ passkeyId: passkey.id }} passwordLabel={t('confirmPassword')} submitLabel={t('removePasskey')} variant="danger" />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-4">
          <AddPasskey suggestedName={t('defaultPasskeyName', { number: passkeys.length + 1 })} />
        </div>
      </Card>

      {hasSecondFactor(factors) && (
        <Card>
          <h2 className="font-semibold">{t('recoveryTitle')}</h2>
          <p className="mt-1 text-sm text-slate-600">{t('recoveryBody', { count: factors.recoveryCodesLeft })}</p>
          <div className="mt-4">
            <NewRecoveryCodes />
          </div>
        </Card>
      )}
    </div>
  );
}
