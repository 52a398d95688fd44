// Placeholder: the channels of this domain are being written.
export const flagChannels = {} as const;
