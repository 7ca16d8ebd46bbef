import {
  AGENT_SERVICE_DOCTYPES,
  AGENT_SERVICE_GUEST_METHODS,
  AGENT_SERVICE_METHODS,
} from '@helpdesk/agent-contracts';
import {
  ASSIGNMENT_SERVICE_DOCTYPES,
  ASSIGNMENT_SERVICE_METHODS,
} from '@helpdesk/assignment-contracts';
import {
  KNOWLEDGE_SERVICE_DOCTYPES,
  KNOWLEDGE_SERVICE_GUEST_METHODS,
  KNOWLEDGE_SERVICE_METHODS,
} from '@helpdesk/knowledge-contracts';
import { METRICS_SERVICE_METHODS } from '@helpdesk/metrics-contracts';
import { GATEWAY_METHODS } from '@helpdesk/shared-frappe-api';
import { SLA_SERVICE_DOCTYPES, SLA_SERVICE_METHODS } from '@helpdesk/sla-contracts';
import {
  TICKET_ASSIGNMENT_METHODS,
  TICKET_SERVICE_DOCTYPES,
  TICKET_SERVICE_METHODS,
} from '@helpdesk/ticket-contracts';

/**
 * Every DocType and method the API answers, from the contracts and the gateway's own list, so a
 * new route reaches every test that walks the whole API (the fuzz, the permission matrix).
 */
export const API_DOCTYPES: readonly string[] = [
  ...new Set<string>([
    ...TICKET_SERVICE_DOCTYPES,
    ...AGENT_SERVICE_DOCTYPES,
    ...ASSIGNMENT_SERVICE_DOCTYPES,
    ...SLA_SERVICE_DOCTYPES,
    ...KNOWLEDGE_SERVICE_DOCTYPES,
  ]),
];

export const API_METHODS: readonly string[] = [
  ...new Set<string>([
    ...TICKET_SERVICE_METHODS,
    ...TICKET_ASSIGNMENT_METHODS,
    ...AGENT_SERVICE_METHODS,
    ...AGENT_SERVICE_GUEST_METHODS,
    ...ASSIGNMENT_SERVICE_METHODS,
    ...SLA_SERVICE_METHODS,
    ...KNOWLEDGE_SERVICE_METHODS,
    ...KNOWLEDGE_SERVICE_GUEST_METHODS,
    ...METRICS_SERVICE_METHODS,
    ...GATEWAY_METHODS.guest,
    ...GATEWAY_METHODS.loggedIn,
    ...GATEWAY_METHODS.byDoctype,
  ]),
];
