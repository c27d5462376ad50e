'use client';

import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { idle, type ActionResult } from '@/lib/action-result';

const noSubscription = () => () => {};

type PasskeyButtonProps<T> = {
  label: string;
  // authenticate: log in or prove the second factor; register: add a passkey.
  kind: 'authenticate' | 'register';
  // The server's challenge (a server action); null when there is nothing to ask for any more.
  getOptions: () => Promise<unknown>;
  // Answers the browser's signed credential (the form field `credential`, JSON) with the other fields given.
  action: (previous: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;
  fields?: Record<string, string | undefined>;
  variant?: ButtonVariant;
  // What to show once the action answered ok (the recovery codes of a first passkey, say).
  done?: (data: T) => ReactNode;
};

// One WebAuthn ceremony: ask the server for a challenge, let the browser (and the user's device) sign it, hand the
// answer to the action. Browsers without WebAuthn, and http sites other than localhost, get a note instead.
export function PasskeyButton<T>({ label, kind, getOptions, action, fields = {}, variant = 'secondary', done }: PasskeyButtonProps<T>) {
  const t = useTranslations('Passkeys');
  const [state, dispatch, isPending] = useActionState(action, idle);
  // Known in the browser only: null while the server renders.
  const isSupported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => null);
  const [isAsking, setAsking] = useState(false);
  const [problem, setProblem] = useState<'cancelled' | null>(null);

  if (isSupported === false) return <p className="text-sm text-slate-500">{t('unsupported')}</p>;
  if (state.status === 'ok' && done) return <>{done(state.data)}</>;

  async function run() {
    setProblem(null);
    setAsking(true);
    try {
      const options = await getOptions();
      if (!options) return;
      const credential =
        kind === 'register'
          ? await startRegistration(options as Parameters<typeof startRegistration>[0])
          : await startAuthentication(options as Parameters<typeof startAuthentication>[0]);
      const form = new FormData();
      form.set('credential', JSON.stringify(credential));
      for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value);
      startTransition(() => dispatch(form));
    } catch {
      // The user closed the browser's dialog, or the device refused: nothing was sent.
      setProblem('cancelled');
    } finally {
      setAsking(false);
    }
  }

  const isBusy = isAsking || isPending;
  return (
    <div className="flex flex-col gap-3">
      <FormAlert state={state} />
      {problem && <Alert tone="error">{t('cancelled')}</Alert>}
      <Button variant={variant} onClick={run} disabled={isBusy || isSupported === null} aria-disabled={isBusy} className="w-full sm:w-auto">
        {isBusy && <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
        {label}
      </Button>
    </div>
  );
}
