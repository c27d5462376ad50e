'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import type { ActionResult } from '@/lib/action-result';
import type { CommandReply } from '../[chargerId]/command-actions';

const GOOD = new Set(['accepted']);
const WAITING = new Set(['pending', 'sent']);

export function CommandResult({ state }: { state: ActionResult<CommandReply> }) {
  const t = useTranslations('ChargerCommands');
  if (state.status === 'error') return <FormAlert state={state} />;
  if (state.status !== 'ok') return null;
  const { command, status, response } = state.data;
  const answer = typeof response?.status === 'string' ? response.status : null;
  const tone = GOOD.has(status) ? 'success' : WAITING.has(status) ? 'info' : 'error';
  return (
    <div data-testid="command-result">
      <Alert tone={tone}>
        {t('result', { command, status })}
        {answer && <span className="block text-xs opacity-80">{t('answer', { status: answer })}</span>}
      </Alert>
    </div>
  );
}
