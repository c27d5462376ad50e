import type { ReactNode } from 'react';

const TONES = {
  error: 'bg-red-50 text-red-800 ring-red-200',
  success: 'bg-brand-50 text-brand-900 ring-brand-100',
  info: 'bg-sky-50 text-sky-900 ring-sky-200',
} as const;

export function Alert({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-lg px-4 py-3 text-sm ring-1 ${TONES[tone]}`}>
      {children}
    </div>
  );
}
