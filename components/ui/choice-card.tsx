'use client';

type ChoiceCardProps = { name: string; value: string; isChosen: boolean; title: string; hint: string; onChoose: () => void };

// One option of a radio group drawn as a card with its explanation. Uncontrolled on purpose: React resets a form after
// its action runs, and a reset restores defaultChecked, which follows `isChosen`.
export function ChoiceCard({ name, value, isChosen, title, hint, onChoose }: ChoiceCardProps) {
  return (
    <label className={`flex cursor-pointer gap-3 rounded-xl p-4 ring-1 transition ${isChosen ? 'bg-brand-50 ring-2 ring-brand-500' : 'bg-white ring-slate-300 hover:bg-slate-50'}`}>
      <input type="radio" name={name} value={value} defaultChecked={isChosen} onChange={onChoose} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
      <span className="flex flex-col gap-1">
        <span className="text-sm font-semibold text-slate-900">{title}</span>
        <span className="text-sm text-slate-600">{hint}</span>
      </span>
    </label>
  );
}
