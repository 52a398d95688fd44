import type { Migration } from '../migrate';

// Placeholder: the tables of this step are being written.
export const notes: Migration = {
  version: 5,
  name: '0005-notes',
  up() {},
};
