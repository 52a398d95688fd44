/** Consents: the purposes a participant consents to, and the channels of the consent register. */

/** What a consent is for (PROGRAMME.md): each is given, and may be withdrawn, on its own. */
export const CONSENT_PURPOSES = ['processing', 'partner_sharing', 'funder_statistics', 'photos'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_METHODS = ['signed', 'oral_with_interpreter', 'oral'] as const;

// The channels are being written.
export const consentChannels = {} as const;
