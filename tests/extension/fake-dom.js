'use strict';
// Just enough of the DOM for the content scripts' readers (detect.js, fallback.js, page.js, visit.js): elements with
// attributes, text and parents, found by the few selectors they use; a checkbox's click() flips it and fires click and
// change at the document, as a browser does. For what untrain draws (unreadable.js), document.createElement and
// elements' own listeners: fire(type, {isTrusted}) plays a person's click (true) or a page script's (false), at the
// element's centre. Layout is as simple as it gets, for guard.js: every element is a 10×10 box at (0, 0), shown and
// opaque unless its `style` says otherwise (visibility inherits), and the document's hit test finds the element last
// clicked, unless a test lays `doc.covering` over everything.

class FakeElement {
  constructor(doc, localName, attributes = {}, { text = '', checked, children = [] } = {}) {
    this.ownerDocument = doc;
    this.localName = localName;
    this.attributes = new Map(Object.entries(attributes));
    this.ownText = text;
    this.children = children;
    this.parentElement = null;
    for (const child of children) child.parentElement = this;
    if (localName === 'input') this.checked = checked ?? 'checked' in attributes;
    this.dataset = {};
    this.style = {};
    this.listeners = new Map();
  }
  get isConnected() {
    let node = this;
    while (node.parentElement) node = node.parentElement;
    return node === this.ownerDocument.body;
  }
  getRootNode() { return this.isConnected ? this.ownerDocument : this; }
  getBoundingClientRect() { return { left: 0, top: 0, width: 10, height: 10, right: 10, bottom: 10 }; }
  get id() { return this.attributes.get('id') ?? ''; }
  get type() { return this.attributes.get('type') ?? ''; }
  set type(value) { this.attributes.set('type', String(value)); }
  get className() { return this.attributes.get('class') ?? ''; }
  set className(value) { this.attributes.set('class', String(value)); }
  get textContent() { return [this.ownText, ...this.children.map((c) => c.textContent)].join(' '); }
  set textContent(value) {
    this.replaceChildren();
    this.ownText = String(value);
  }
  append(...children) { this.replaceChildren(...this.children, ...children); }
  addEventListener(type, fn) { this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]); }
  fire(type, { isTrusted, detail = 1 }) {
    this.ownerDocument.pointedAt = this;
    const event = { type, isTrusted, detail, clientX: 5, clientY: 5, currentTarget: this, defaultPrevented: false,
      preventDefault() { this.defaultPrevented = true; } };
    (this.listeners.get(type) ?? []).forEach((fn) => fn(event));
    return event;
  }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  *descendants() {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }
  // Compound selectors of a tag, #id, .class and [attr], [attr="v"], [attr*="v"] parts, joined by commas; anything else throws.
  matches(selectors) {
    return selectors.split(',').some((selector) => {
      const parts = selector.trim().match(/^[a-z][a-z0-9]*|#[\w-]+|\.[\w-]+|\[[a-z-]+(?:\*?="[^"]*")?\]/g) ?? [];
      if (parts.join('') !== selector.trim()) throw new Error(`fake DOM cannot match ${selector}`);
      return parts.every((part) => {
        if (part[0] === '#') return this.id === part.slice(1);
        if (part[0] === '.') return (this.getAttribute('class') ?? '').split(/\s+/).includes(part.slice(1));
        if (part[0] !== '[') return this.localName === part;
        const [, name, contains, value] = /^\[([a-z-]+)(?:(\*?)="([^"]*)")?\]$/.exec(part);
        const actual = this.attributes.get(name);
        if (actual === undefined || value === undefined) return actual !== undefined;
        return contains ? actual.includes(value) : actual === value;
      });
    });
  }
  querySelectorAll(selectors) { return [...this.descendants()].filter((e) => e.matches(selectors)); }
  closest(selectors) {
    for (let node = this; node; node = node.parentElement) if (node.matches(selectors)) return node;
    return null;
  }
  contains(other) {
    for (let node = other; node; node = node.parentElement) if (node === this) return true;
    return false;
  }
  // As LinkedIn's rendering does: a test's in-app navigation replaces a page's content.
  replaceChildren(...children) {
    for (const child of this.children) child.parentElement = null;
    this.children = children;
    for (const child of children) child.parentElement = this;
  }
  querySelector(selectors) { return this.querySelectorAll(selectors)[0] ?? null; }
  // afterClick(element), when a test sets it, plays the page's own handler (e.g. LinkedIn reverting a refused change).
  click() {
    this.clicks = (this.clicks ?? 0) + 1;
    if (this.localName === 'input' && this.type === 'checkbox') this.checked = !this.checked;
    this.ownerDocument.dispatch?.('click');
    this.ownerDocument.dispatch?.('change');
    this.afterClick?.(this);
  }
}

/** build(h) returns the body's children, made with h(tag, attributes, text | options, ...children). */
function fakeDocument(build) {
  const doc = {};
  const h = (tag, attributes = {}, textOrOptions = '', ...children) => {
    const options = typeof textOrOptions === 'string' ? { text: textOrOptions } : textOrOptions;
    return new FakeElement(doc, tag, attributes, { ...options, children: [...(options.children ?? []), ...children] });
  };
  doc.h = h;
  doc.createElement = (tag) => new FakeElement(doc, tag);
  doc.elementFromPoint = () => doc.covering ?? doc.pointedAt ?? null;
  doc.defaultView = {
    getComputedStyle(element) {
      let visibility = 'visible';
      for (let node = element; node; node = node.parentElement) {
        if (node.style.visibility) {
          visibility = node.style.visibility;
          break;
        }
      }
      return { display: 'block', opacity: '1', filter: 'none', ...element.style, visibility };
    },
  };
  const body = h('body', {}, '', ...build(h));
  const listeners = new Map();
  Object.assign(doc, {
    body,
    documentElement: body,
    addEventListener: (type, fn) => listeners.set(type, [...(listeners.get(type) ?? []), fn]),
    removeEventListener: (type, fn) => listeners.set(type, (listeners.get(type) ?? []).filter((f) => f !== fn)),
    // A person's event unless told otherwise: dispatch(type, {isTrusted: false}) plays a page script's.
    dispatch: (type, { isTrusted = true } = {}) => (listeners.get(type) ?? []).forEach((fn) => fn({ type, isTrusted })),
    listenerCount: (type) => (listeners.get(type) ?? []).length,
    querySelectorAll: (s) => body.querySelectorAll(s),
    querySelector: (s) => body.querySelector(s),
    getElementById: (id) => [...body.descendants()].find((e) => e.id === id) ?? null,
  });
  return doc;
}

module.exports = { fakeDocument };
