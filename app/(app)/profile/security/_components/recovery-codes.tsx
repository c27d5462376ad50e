'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useCopied } from '@/components/ui/use-copied';

// Shown once, right after they were made: only their hashes are kept.
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('SecurityPage');
  const text = codes.join('\n');
  const [isCopied, copy] = useCopied(text);
  return (
    <div className="flex flex-col gap-3" data-testid="recovery-codes">
      <Alert tone="info">{t('recoveryCodesOnce')}</Alert>
      <ol className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-sm text-slate-900 ring-1 ring-slate-200">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={copy}>
          <span aria-live="polite">{isCopied ? t('copied') : t('copyCodes')}</span>
        </Button>
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text + '\n')}`}
          download="chargewatch-recovery-codes.txt"
          className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          {t('downloadCodes')}
        </a>
      </div>
    </div>
  );
}
