/**
 * The smallest count a report shows as a number (k): every count from 1 to k − 1 is shown as "<k". A coordinator
 * setting; never below 3.
 */
export const REPORT_THRESHOLD = { min: 3, max: 20, default: 5 } as const;
