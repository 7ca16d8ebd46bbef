import type { SessionUser } from '@helpdesk/agent-contracts';
import { stringifySetCookie } from 'cookie';

const NAMES = ['sid', 'system_user', 'full_name', 'user_id', 'user_image'] as const;

/**
 * The cookies Frappe's login sets: `sid` (HttpOnly, SameSite=Lax so other sites' forms and
 * scripts don't carry it) and the readable ones the web app uses to greet the user.
 */
export function sessionCookies(
  sid: string,
  user: SessionUser,
  maxAge: number,
  secure: boolean,
): string[] {
  const common = { path: '/', sameSite: 'lax' as const, secure, maxAge };
  const values: Record<(typeof NAMES)[number], string> = {
    sid,
    system_user: user.userType === 'System User' ? 'yes' : 'no',
    full_name: user.fullName,
    user_id: user.user,
    user_image: '',
  };
  return NAMES.map((name) =>
    stringifySetCookie({ name, value: values[name], ...common, httpOnly: name === 'sid' }),
  );
}

export function clearedSessionCookies(): string[] {
  return NAMES.map((name) =>
    stringifySetCookie({ name, value: '', path: '/', maxAge: 0, expires: new Date(0) }),
  );
}
