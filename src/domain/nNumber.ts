/**
 * N-Number sanity check. The N-Number is the carrier's network ID (`N` + digits); the NPN is all
 * digits. Agents typing their NPN where the N-Number belongs cause Day-1 payment problems, so a
 * suspicious value earns a warning — never a block, since the TL may know better.
 */
export function nNumberWarning(value: string, npn?: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) {
    return `"${text}" is all digits, which looks like an NPN. The N-Number is an N followed by digits, e.g. N1234567.`;
  }
  if (npn && text.replace(/^n/i, '') === npn.trim()) {
    return `"${text}" matches the agent's NPN. The N-Number is the carrier's network ID, not the NPN.`;
  }
  if (!/^N\d+$/i.test(text)) {
    return `"${text}" does not look like an N-Number (an N followed by digits, e.g. N1234567).`;
  }
  return null;
}
