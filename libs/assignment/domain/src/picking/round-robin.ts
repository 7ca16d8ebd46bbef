/**
 * Frappe's round robin: the first user when there is no last user or the last user is the
 * list's last; otherwise the one after the last user; the first again when the last user is
 * no longer in the list. `null` for an empty list.
 */
export function roundRobinUser(users: readonly string[], lastUser: string | null): string | null {
  const first = users[0];
  if (first === undefined) return null;
  if (!lastUser || lastUser === users.at(-1)) return first;
  const index = users.indexOf(lastUser);
  return index === -1 ? first : (users[index + 1] as string);
}
