// Types for chromium.js (CommonJS, Node built-ins only).

/** Flags for a headless, quiet, throw-away Chromium. */
export declare const CHROMIUM_ARGS: readonly string[];
export declare const DEFAULT_CHROMIUM: string;
/** Returns Chromium's executable, installing Debian's package when missing; throws with the reason when it cannot. */
export declare function ensureChromium(options?: { log?: (message: string) => void }): string;
