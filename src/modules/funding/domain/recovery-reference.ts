/**
 * The reference a business quotes when it repays a recovery, shown to the business and to finance alike
 * so a cheque or a transfer finds its recovery: the id's last, random, hex digits (a UUIDv7 begins with
 * its time, which two recoveries made the same minute would share).
 */
export function recoveryReference(recoveryId: string): string {
  return `REC-${recoveryId.replaceAll('-', '').slice(-8).toUpperCase()}`;
}
