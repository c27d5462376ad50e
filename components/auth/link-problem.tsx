import Link from 'next/link';
import { AuthPanel } from './auth-panel';
import { buttonClasses } from '@/components/ui/button';

type LinkProblemProps = { title: string; body: string; action: { href: string; label: string } };

// The page shown for a used, expired or forged link: what happened and the one thing to do next.
export function LinkProblem({ title, body, action }: LinkProblemProps) {
  return (
    <AuthPanel title={title}>
      <div className="flex flex-col gap-5" data-testid="link-problem">
        <p className="text-sm text-slate-600">{body}</p>
        <Link href={action.href} className={buttonClasses('primary')}>
          {action.label}
        </Link>
      </div>
    </AuthPanel>
  );
}
