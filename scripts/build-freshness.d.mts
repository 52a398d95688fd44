/** What electron-vite builds the app from, relative to the project root. */
export declare const BUILD_SOURCES: readonly string[];
/** The build folder: POLKU_OUT_DIR, else out/. */
export declare function buildDir(root: string, env?: NodeJS.ProcessEnv): string;
/** Why the build in `outDir` cannot be used, as a sentence; null when it is current. */
export declare function staleBuildReason(root: string, outDir?: string): string | null;
