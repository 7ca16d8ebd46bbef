/** NATS request/reply subjects served by agent-service (queue group `agent-service`). */
export const AgentSubjects = {
  authenticateApiKey: 'agent.query.authenticate-api-key',
} as const;

export const AGENT_SERVICE_QUEUE = 'agent-service';
