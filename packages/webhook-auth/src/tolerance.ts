/** How far a signed timestamp may be from our clock (plenigo, Standard Webhooks). */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export function withinTolerance(timestamp: number, nowSeconds: number, tolerance: number): boolean {
  return Number.isSafeInteger(timestamp) && Math.abs(nowSeconds - timestamp) <= tolerance;
}
