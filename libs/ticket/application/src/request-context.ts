/** Who is asking, as the service was told by the gateway. */
export interface RequestContext {
  user: string;
  roles: string[];
  correlationId: string;
}

export function isGuest(context: RequestContext): boolean {
  return context.user === 'Guest';
}
