'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';

// The same GET as without JavaScript, minus the empty fields, so shared links stay short.
export function FilterFormShell({ label, children }: { label: string; children: ReactNode }) {
  const router = useRouter();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === 'string' && value !== '') params.set(name, value);
    const query = params.toString();
    router.push(query ? `/sessions?${query}` : '/sessions');
  };
  return (
    <form method="get" action="/sessions" onSubmit={onSubmit} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5" aria-label={label}>
      {children}
    </form>
  );
}
