// What the virtualised lists share. A list whose box has no size yet (a tab being laid out, a page
// without layout) still draws its first screenful instead of nothing; a real box's size is used as
// soon as the browser reports one.
import { measureElement, observeElementRect, type Rect, type Virtualizer } from "@tanstack/react-virtual";

export function observeRectOrScreenful(screen: Rect) {
  return <T extends Element>(instance: Virtualizer<T, Element>, cb: (rect: Rect) => void) =>
    observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || screen.width, height: screen.height }));
}

/** An item's measured height, or the estimate while it has none (no layout yet). */
export function measureOrEstimate(estimate: (index: number) => number) {
  return <T extends Element>(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<T, Element>): number => {
    const measured = measureElement(element, entry, instance);
    return measured > 0 ? measured : estimate(instance.indexFromElement(element));
  };
}
