import { useEffect } from 'react';

/** The tab's title for the page shown: "Orders · acme · MemMouse". */
export function useTitle(...parts: (string | null | undefined)[]): void {
  const title = [...parts.filter(Boolean), 'MemMouse'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
