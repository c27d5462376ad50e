'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { AuthPanel } from '@/components/auth/auth-panel';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('ErrorPage');
  useEffect(() => console.error(error), [error]);
  return (
    <AuthPanel title={t('title')} subtitle={t('body')}>
      <Button onClick={reset} className="w-full">
        {t('retry')}
      </Button>
    </AuthPanel>
  );
}
