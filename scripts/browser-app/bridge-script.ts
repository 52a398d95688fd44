/**
 * The harness's stand-in for the Electron preload, run in the page before any of its scripts. Playwright
 * sends the function's source text to the page, so it must not refer to anything outside itself.
 */

/** One Content-Security-Policy violation as the page reported it. */
export interface CspViolation {
  blockedURI: string;
  directive: string;
}

/** The page's global object as this script sees it (the Node-side tsconfig has no DOM types). */
interface PageScope {
  __polkuInvoke?: (channel: unknown, input: unknown) => Promise<unknown>;
  __polkuCspViolation?: (report: CspViolation) => Promise<void>;
  addEventListener(
    type: string,
    listener: (event: { blockedURI?: string; effectiveDirective?: string }) => void,
    capture: boolean,
  ): void;
}

/**
 * Defines `window.polku = { invoke, on }` (the shape of PolkuBridge in shared/bridge.ts) over the harness's
 * bindings, removes the raw bindings from the page, and adds a hidden `__polkuEmit(event, payload)` through
 * which the harness delivers the core's events. Also reports CSP violations to the harness.
 */
export function installBridge(): void {
  const scope = globalThis as unknown as PageScope;
  const rawInvoke = scope.__polkuInvoke;
  const rawReport = scope.__polkuCspViolation;
  if (!rawInvoke || !rawReport) throw new Error('The harness bindings are missing.');
  delete scope.__polkuInvoke;
  delete scope.__polkuCspViolation;

  // Exactly the names of EVENTS in shared/api.ts, as the preload checks them.
  const eventNames = ['locked', 'progress'];
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();

  const bridge = Object.freeze({
    invoke(channel: unknown, input: unknown): Promise<unknown> {
      return rawInvoke(channel, input);
    },
    on(event: unknown, listener: unknown): () => void {
      if (typeof event !== 'string' || !eventNames.includes(event)) throw new TypeError('Unknown event');
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
      const wrapped: Listener = (payload) => (listener as Listener)(payload);
      const forEvent = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, forEvent);
      forEvent.add(wrapped);
      return () => {
        forEvent.delete(wrapped);
      };
    },
  });
  Object.defineProperty(scope, 'polku', { value: bridge, enumerable: true, configurable: false, writable: false });
  Object.defineProperty(scope, '__polkuEmit', {
    value(event: string, payload: unknown): void {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    },
    enumerable: false,
    configurable: false,
    writable: false,
  });

  scope.addEventListener(
    'securitypolicyviolation',
    (event) => void rawReport({ blockedURI: event.blockedURI ?? '', directive: event.effectiveDirective ?? '' }),
    true,
  );
}
