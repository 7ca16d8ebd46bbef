import type { ContactEvent } from './contact/contact.events.js';
import type { AgentEvent } from './hd-agent/agent.events.js';
import type { AgentStatusEvent } from './hd-agent-status/agent-status.events.js';
import type { FieldLayoutEvent } from './hd-field-layout/field-layout.events.js';
import type { CustomerEvent } from './hd-customer/customer.events.js';
import type { TeamEvent } from './hd-team/team.events.js';
import type { InvitationEvent } from './user-invitation/invitation.events.js';
import type { UserEvent } from './user/user.events.js';

/** Every event agent-service records about people. */
export type PeopleEvent =
  | UserEvent
  | AgentEvent
  | TeamEvent
  | ContactEvent
  | CustomerEvent
  | InvitationEvent
  | AgentStatusEvent
  | FieldLayoutEvent;
