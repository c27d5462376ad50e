'use client';

import type { ComponentProps } from 'react';
import { TextField } from '@/components/ui/text-field';

// Where a code of an authenticator app (six digits) or a recovery code (letters too) is typed: field `code`.
export function SecondFactorCodeField(props: Omit<ComponentProps<typeof TextField>, 'name'>) {
  return <TextField name="code" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} required maxLength={40} {...props} />;
}
