'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { NotificationKind } from '@/db/schema';

const LABELS = {
  'session-started': 'sessionStarted',
  'session-finished': 'sessionFinished',
  'charger-faulted': 'chargerFaulted',
  'charger-offline': 'chargerOffline',
  'charger-back': 'chargerBack',
  'member-joined': 'memberJoined',
  'member-left': 'memberLeft',
  'statement-ready': 'statementReady',
} as const satisfies Record<NotificationKind, string>;

type Props = { kind: NotificationKind; isEmail: boolean; isPush: boolean };

// One kind of notification with a checkbox per channel; the kind names the group, so each box reads "E-mail" or
// "Push" within it. On a phone the boxes go under the label.
export function NotificationChoice({ kind, isEmail, isPush }: Props) {
  const t = useTranslations('NotificationSettings');
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="flex flex-col gap-1 border-t border-slate-100 pt-2 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
      <span id={labelId} className="text-sm text-slate-700">
        {t(LABELS[kind])}
      </span>
      <div className="flex shrink-0 gap-5">
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" name={`email:${kind}`} defaultChecked={isEmail} /> {t('byEmail')}
        </label>
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" name={`push:${kind}`} defaultChecked={isPush} /> {t('byPush')}
        </label>
      </div>
    </div>
  );
}
