// jsdom's getComputedStyle costs milliseconds an element: it matches every rule of its own default
// stylesheet and the page's against the element and, for `visibility` (inherited), against each of its
// ancestors again. Testing Library asks it for every candidate of a role query and every element an
// accessible name is taken from, so one getByRole over the pane takes a second or two, and a findByRole
// pays that again on each retry. An element's computed style changes only with the document (its
// elements, attributes, text), the style rules, the focus (a :focus rule) or a control's state (a
// :checked rule): it is kept until one of those changes. Imported for its effect, before the pane renders.
const computed = window.getComputedStyle.bind(window);
let known = new WeakMap<Element, CSSStyleDeclaration>();
const forget = () => void (known = new WeakMap());

const changes = new MutationObserver(forget);
changes.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
for (const event of ["focusin", "focusout", "click", "input", "change"]) document.addEventListener(event, forget, true);
for (const name of ["insertRule", "deleteRule"] as const) {
  const change = CSSStyleSheet.prototype[name] as (this: CSSStyleSheet, ...args: unknown[]) => number;
  (CSSStyleSheet.prototype as unknown as Record<string, unknown>)[name] = function (this: CSSStyleSheet, ...args: unknown[]) {
    // A rule another helper declines to keep (tests/helpers/jsdom.ts) changes nothing.
    const before = this.cssRules.length;
    const out = change.apply(this, args);
    if (this.cssRules.length !== before) forget();
    return out;
  };
}

window.getComputedStyle = function (element: Element, pseudo?: string | null): CSSStyleDeclaration {
  if (pseudo) return computed(element, pseudo);
  // A change not yet delivered to the observer (a click's update, made in the same turn) counts too.
  if (changes.takeRecords().length) forget();
  let style = known.get(element);
  if (!style) known.set(element, (style = computed(element)));
  return style;
};
