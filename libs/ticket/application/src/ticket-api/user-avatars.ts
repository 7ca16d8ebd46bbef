import type { PeopleDirectory } from '../people/people-directory.port.js';

/** Frappe's `get_user_info_for_avatar`: `{email, image, name}`. */
export interface UserAvatar {
  email: string;
  image: string | null;
  name: string;
}

/**
 * The avatar of every user named, looked up at once. A user the directory does not know gets
 * Frappe's fallback: the user id as email and name, and an empty image.
 */
export async function userAvatars(
  people: PeopleDirectory,
  users: readonly string[],
): Promise<(user: string) => UserAvatar> {
  const known = await people.users([...new Set(users)]);
  return (user) => {
    const card = known.get(user);
    if (!card) return { email: user, image: '', name: user };
    return { email: card.name, image: card.user_image, name: card.full_name ?? card.name };
  };
}
