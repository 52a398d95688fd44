// Placeholder: the channels of this domain are being written.
export const noteChannels = {} as const;
