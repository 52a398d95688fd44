import type { Migration } from '../migrate';

// Placeholder: the tables of this step are being written.
export const psychosocial: Migration = {
  version: 6,
  name: '0006-psychosocial',
  up() {},
};
