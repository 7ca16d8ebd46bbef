/** A user as ticket documents show them (avatars of commenters, senders, viewers). */
export interface UserCard {
  name: string;
  full_name: string | null;
  user_image: string | null;
}

/** An HD Agent as `get_ticket_assignees` shows them. */
export interface AgentCard {
  name: string;
  agent_name: string;
  user_image: string | null;
  is_active: boolean;
  availability: string | null;
  availability_changed_on: Date | null;
}

/** A Contact as `get_one` and `get_ticket_contact` show it. */
export interface ContactCard {
  name: string;
  full_name: string | null;
  email_id: string | null;
  phone: string | null;
  mobile_no: string | null;
  image: string | null;
  company_name: string | null;
  user: string | null;
}

/**
 * ticket-service's own copy of the people agent-service owns, kept from agent-service's published
 * events. Unknown names are simply absent: Frappe shows such users by their id alone.
 */
export interface PeopleDirectory {
  users(names: readonly string[]): Promise<ReadonlyMap<string, UserCard>>;
  agents(names: readonly string[]): Promise<ReadonlyMap<string, AgentCard>>;
  contact(name: string): Promise<ContactCard | undefined>;
}
