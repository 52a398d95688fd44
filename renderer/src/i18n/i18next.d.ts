/**
 * The Finnish catalogue's shape as i18next's resources, so that `t()` with a key no catalogue has fails the type
 * check rather than showing a raw key to a caseworker.
 */
import 'i18next';
import type { Catalogue } from '@shared/i18n/bundles';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}
