'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { idle, type ActionResult } from '@/lib/action-result';
import { removePushDeviceAction, savePushDeviceAction } from '../push-actions';
import { currentSubscription, pushSupport, subscribe, subscriptionForm } from './push-subscription';

type DeviceState = 'checking' | 'unsupported' | 'blocked' | 'off' | 'on' | 'failed';
type Props = { publicKey: string | null; knownEndpoints: string[] };

async function deviceState(knownEndpoints: string[]): Promise<DeviceState> {
  if (pushSupport() === 'unsupported') return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  const subscription = await currentSubscription().catch(() => undefined);
  if (subscription === undefined) return 'unsupported';
  return subscription && knownEndpoints.includes(subscription.endpoint) ? 'on' : 'off';
}

// "Turn on notifications on this device": the browser's permission, its push subscription, and the platform's copy of
// it. A subscription the platform no longer holds (the push service called it gone) counts as off.
export function PushDevice({ publicKey, knownEndpoints }: Props) {
  const t = useTranslations('NotificationSettings');
  const [state, setState] = useState<DeviceState>('checking');
  const [result, setResult] = useState<ActionResult>(idle);
  const [isPending, startTransition] = useTransition();

  useEffect(() => {
    let isCurrent = true;
    deviceState(knownEndpoints).then((found) => isCurrent && setState(found));
    return () => {
      isCurrent = false;
    };
  }, [knownEndpoints]);

  if (!publicKey) return <p className="text-sm text-slate-600">{t('serverUnavailable')}</p>;

  const turnOn = () =>
    startTransition(async () => {
      if ((await Notification.requestPermission()) !== 'granted') return setState(Notification.permission === 'denied' ? 'blocked' : 'off');
      const subscription = await subscribe(publicKey).catch(() => null);
      if (!subscription) return setState('failed');
      const saved = await savePushDeviceAction(idle, subscriptionForm(subscription));
      setResult(saved);
      setState(saved.status === 'ok' ? 'on' : 'off');
    });
  const turnOff = () =>
    startTransition(async () => {
      const subscription = await currentSubscription();
      if (subscription) {
        setResult(await removePushDeviceAction(idle, subscriptionForm(subscription)));
        await subscription.unsubscribe();
      }
      setState('off');
    });

  return (
    <div className="flex flex-col gap-3">
      {state === 'on' && <p className="text-sm text-slate-700">{t('deviceOn')}</p>}
      {(state === 'off' || state === 'failed') && <p className="text-sm text-slate-700">{t('deviceOff')}</p>}
      {state === 'unsupported' && <Alert tone="info">{t('deviceUnsupported')}</Alert>}
      {state === 'blocked' && <Alert tone="info">{t('deviceBlocked')}</Alert>}
      {state === 'failed' && <Alert tone="error">{t('deviceFailed')}</Alert>}
      <FormAlert state={result} />
      {(state === 'off' || state === 'failed') && (
        <Button type="button" variant="secondary" className="self-start" disabled={isPending} onClick={turnOn}>
          {t('turnOn')}
        </Button>
      )}
      {state === 'on' && (
        <Button type="button" variant="secondary" className="self-start" disabled={isPending} onClick={turnOff}>
          {t('turnOff')}
        </Button>
      )}
    </div>
  );
}
