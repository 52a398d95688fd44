// Placeholder: the banner is being written.
export function SafetyBanner(_props: { participantId: string; refreshKey: number }) {
  return null;
}
