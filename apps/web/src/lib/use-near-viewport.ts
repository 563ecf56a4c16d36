import { createContext, useContext, useLayoutEffect, useRef, useState, type RefObject } from "react";

/** How far below (or above) the screen an element already counts as near: a scroll's worth. */
const MARGIN_PX = 200;

/**
 * True where every element counts as near at once: a page meant to be printed
 * (a review) draws all its charts, since the browser prints what is drawn.
 */
export const DrawAtOnceContext = createContext(false);

/**
 * True once the element has come near the screen, and from then on. What is
 * on screen when the element appears counts before the first paint, so that
 * it never pops in; the rest when scrolling brings it near. Without
 * IntersectionObserver (jsdom in unit tests), at once.
 */
export function useNearViewport<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const atOnce = useContext(DrawAtOnceContext);
  const [near, setNear] = useState(() => atOnce || typeof IntersectionObserver === "undefined");
  useLayoutEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const { top, bottom } = element.getBoundingClientRect();
    if (top < window.innerHeight + MARGIN_PX && bottom > -MARGIN_PX) {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: `${MARGIN_PX}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}
