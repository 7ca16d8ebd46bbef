/** Frappe's `User.get_fullname`: first and last name joined by a space. */
export function fullName(first: string, last: string | null): string {
  return [first, last].filter((part) => part !== null && part !== '').join(' ');
}

/** The part of an address before `@`, which Frappe uses as a first name when none is given. */
export function localPart(email: string): string {
  return email.split('@')[0] ?? email;
}

/** Users are named by their lower-cased address (Frappe compares them without case). */
export function userNameOf(reference: string): string {
  const trimmed = reference.trim();
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed;
}
