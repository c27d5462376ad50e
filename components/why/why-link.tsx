import Link from 'next/link';
import { useTranslations } from 'next-intl';

export function WhyLink({ chargerId }: { chargerId: string }) {
  const t = useTranslations('WhyNotCharging');
  return (
    <Link href={`/chargers/${chargerId}/why`} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline" data-testid="why-link">
      {t('link')}
    </Link>
  );
}
