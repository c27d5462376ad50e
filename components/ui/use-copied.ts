'use client';

import { useState } from 'react';

// Copies text to the clipboard and says so for a moment: [isCopied, copy].
export function useCopied(text: string): [boolean, () => Promise<void>] {
  const [isCopied, setIsCopied] = useState(false);
  return [
    isCopied,
    async () => {
      await navigator.clipboard?.writeText(text);
      setIsCopied(true);
      setTimeout(() => setIsCopied(false), 2000);
    },
  ];
}
