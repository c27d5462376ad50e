'use client';

import { useEffect, useRef } from 'react';

// React resets a form to its fields' defaults once its action is done, after it has rendered the action's answer, so
// a controlled <select> shows (and sends next) its first option while React still holds the value chosen. Making the
// chosen option the default keeps it across the reset.
export function useKeptSelection(value: string) {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    for (const option of ref.current?.options ?? []) option.defaultSelected = option.value === value;
  }, [value]);
  return ref;
}
