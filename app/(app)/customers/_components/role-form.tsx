'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { GrantedRole } from '@/domain/people/roles';
import { idle, type ActionResult } from '@/lib/action-result';
import { changeMemberRoleAction } from '../actions';
import { GrantFields, type ChargerChoice } from './grant-fields';

type RoleFormProps = { accountId: string; member: { userId: string; name: string; role: GrantedRole | 'owner' }; chargers: ChargerChoice[] };

// Folded away under the member's row: the owner opens it to change what this person may do.
export function RoleForm({ accountId, member, chargers }: RoleFormProps) {
  const t = useTranslations('CustomersPage');
  const [state, action] = useActionState<ActionResult, FormData>(changeMemberRoleAction, idle);
  if (member.role === 'owner') return null;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">{t('changeRole', { name: member.name })}</summary>
      <form action={action} className="mt-3 flex flex-col gap-3" noValidate>
        <input type="hidden" name="accountId" value={accountId} />
        <input type="hidden" name="userId" value={member.userId} />
        <GrantFields
          idPrefix={`role-${member.userId}`}
          chargers={chargers}
          initialRole={member.role}
          values={state.status === 'error' ? state.values : undefined}
          errors={state.status === 'error' ? state.fieldErrors : undefined}
        />
        <FormAlert state={state} />
        {state.status === 'ok' && <Alert tone="success">{t('roleChanged')}</Alert>}
        <SubmitButton label={t('saveRole')} pendingLabel={t('savingRole')} className="self-start" />
      </form>
    </details>
  );
}
