import type { Migration } from '../migrate';
import { foundation } from './0001-foundation';

/** Every migration, in version order. Add new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [foundation];
