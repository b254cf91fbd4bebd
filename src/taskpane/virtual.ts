// What the virtualised lists share. A list whose box has no size yet (a tab being laid out, a page
// without layout) still draws its first screenful instead of nothing; a real box's size is used as
// soon as the browser reports one.
import { observeElementRect, type Rect, type Virtualizer } from "@tanstack/react-virtual";

export function observeRectOrScreenful(screen: Rect) {
  return <T extends Element>(instance: Virtualizer<T, Element>, cb: (rect: Rect) => void) =>
    observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || screen.width, height: screen.height }));
}
