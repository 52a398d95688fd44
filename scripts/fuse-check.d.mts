import type { FuseConfig } from '@electron/fuses';
import type { FuseState } from '@electron/fuses/dist/constants';

/** electron-builder's names for the fuses and their place in the fuse wire. */
export declare const FUSE_OPTIONS: Readonly<Record<string, number>>;
/** The `electronFuses:` block of electron-builder.yml. */
export declare function expectedFuses(yamlText: string): Record<string, boolean>;
/** Every fuse whose state in `wire` is not the one expected, as sentences; empty when all match. */
export declare function fuseMismatches(expected: Record<string, boolean>, wire: FuseConfig<FuseState>): string[];
/** The Electron binaries electron-builder left in `distDir`. */
export declare function packagedBinaries(distDir: string, productName: string, executableName: string): string[];
/** Reads every packaged binary's fuses; throws, naming each mismatch, unless all are as electron-builder.yml says. */
export declare function checkPackagedFuses(
  root: string,
  distDir: string,
  productName: string,
  executableName: string,
): Promise<string[]>;
