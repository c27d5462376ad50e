'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent, type ReactNode } from 'react';

// The same GET as without JavaScript, minus the empty fields, so shared links stay short.
// On a phone the fields fold away behind one button (open when some filter is set), so the list comes first.
export function FilterFormShell({ label, toggleLabel, isFiltered, children }: { label: string; toggleLabel: string; isFiltered: boolean; children: ReactNode }) {
  const router = useRouter();
  const bodyId = useId();
  const [isOpen, setIsOpen] = useState(isFiltered);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === 'string' && value !== '') params.set(name, value);
    const query = params.toString();
    router.push(query ? `/sessions?${query}` : '/sessions');
  };
  return (
    <form method="get" action="/sessions" onSubmit={onSubmit} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5" aria-label={label}>
      <button
        type="button"
        className="flex w-full items-center justify-between text-sm font-semibold text-slate-800 sm:hidden"
        aria-expanded={isOpen}
        aria-controls={bodyId}
        onClick={() => setIsOpen((open) => !open)}
        data-testid="filters-toggle"
      >
        {toggleLabel}
        <span aria-hidden>{isOpen ? '▴' : '▾'}</span>
      </button>
      <div id={bodyId} className={`${isOpen ? 'mt-4 block' : 'hidden'} sm:mt-0 sm:block`}>
        {children}
      </div>
    </form>
  );
}
