/** The version of Polku, as in package.json (a test holds the two equal); written into every backup's manifest. */
export const APP_VERSION = '0.1.0';
