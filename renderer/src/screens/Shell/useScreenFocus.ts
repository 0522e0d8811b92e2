// Focus never gets lost: a screen that opens moves focus to its own target (the table, the
// item, or else its heading), so keys keep working and a screen reader hears where it is.
import { useEffect, type RefObject } from 'react';

export function useScreenFocus(ref: RefObject<HTMLElement | null>, key: unknown = null): void {
  useEffect(() => {
    const target = ref.current ?? document.querySelector<HTMLElement>('[data-screen-title]');
    // Leave focus alone when the moderator already put it somewhere inside this screen.
    if (target !== null && !target.contains(document.activeElement)) target.focus({ preventScroll: true });
  }, [ref, key]);
}
