import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

type PageNavProps = {
  label: string;
  status: string;
  previous: { label: string; href: string } | null;
  next: { label: string; href: string } | null;
};

// Previous / "page n of m" / next, for lists paginated on the server (the page is in the URL).
export function PageNav({ label, status, previous, next }: PageNavProps) {
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3">
      {previous ? (
        <Link href={previous.href} className={buttonClasses('secondary')} rel="prev">
          ← {previous.label}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600 tabular-nums">{status}</span>
      {next ? (
        <Link href={next.href} className={buttonClasses('secondary')} rel="next">
          {next.label} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
