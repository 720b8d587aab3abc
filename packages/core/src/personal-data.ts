/**
 * Masked forms of personal data (convention 19): what lists, exports and most screens show.
 * The full value is shown only through an audited reveal to a role holding
 * `personal_data.reveal`.
 */

/** `13812345678` → `138****5678`; shorter numbers keep at most their last 4 digits, `+86` prefixes stay. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  const prefix = digits.startsWith('+86') ? '+86' : '';
  const rest = digits.slice(prefix.length);
  if (rest.length >= 11) return `${prefix}${rest.slice(0, 3)}****${rest.slice(-4)}`;
  if (rest.length > 4) return `${prefix}${'*'.repeat(rest.length - 4)}${rest.slice(-4)}`;
  return '*'.repeat(rest.length);
}

/** A resident ID number (18 characters): `230102199001011234` → `230***********1234`. */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
