'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/action-result';
import { Alert } from './alert';

export function FormAlert({ state }: { state: ActionResult<unknown> }) {
  const t = useTranslations('Errors');
  if (state.status !== 'error' || !state.formError) return null;
  return <Alert tone="error">{t(state.formError, state.formErrorValues ?? {})}</Alert>;
}
