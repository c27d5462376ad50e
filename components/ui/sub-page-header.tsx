import Link from 'next/link';

type SubPageHeaderProps = { back: { href: string; label: string }; title: string; intro?: string };

// A page under another one: the way back, its title, and what it is for.
export function SubPageHeader({ back, title, intro }: SubPageHeaderProps) {
  return (
    <div>
      <Link href={back.href} className="text-sm font-medium text-brand-700 hover:underline">
        ← {back.label}
      </Link>
      <h1 className="mt-3 text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      {intro && <p className="mt-2 max-w-2xl text-sm text-slate-600">{intro}</p>}
    </div>
  );
}
