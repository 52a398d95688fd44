import type { Migration } from '../migrate';

// Placeholder: the tables of this step are being written.
export const savedViews: Migration = {
  version: 7,
  name: '0007-saved-views',
  up() {},
};
