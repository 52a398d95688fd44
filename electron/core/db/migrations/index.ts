import type { Migration } from '../migrate';
import { foundation } from './0001-foundation';
import { staffAccounts } from './0002-staff-accounts';
import { participants } from './0003-participants';

/** Every migration, in version order. Add new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [foundation, staffAccounts, participants];
