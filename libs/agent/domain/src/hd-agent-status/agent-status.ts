/** What an HD Agent Status means to assignment: Active agents first, then Away ones. */
export const AGENT_STATUS_CATEGORIES = ['Active', 'Away', 'Unavailable'] as const;
export type AgentStatusCategory = (typeof AGENT_STATUS_CATEGORIES)[number];

/** HD Agent Status' `color` Select options, as Frappe Helpdesk spells them. */
export const AGENT_STATUS_COLORS = [
  'Black',
  'Gray',
  'Blue',
  'Green',
  'Red',
  'Pink',
  'Orange',
  'Amber',
  'Yellow',
  'Cyan',
  'Teal',
  'Violet',
  'purple',
] as const;

/** An HD Agent Status (frappe-api §1.6): named by `agent_status`. */
export interface AgentStatus {
  agent_status: string;
  category: AgentStatusCategory;
  color: string | null;
  status_order: number;
  enable: boolean;
}

/** The statuses every site starts with. */
export const SEEDED_AGENT_STATUSES: readonly AgentStatus[] = [
  { agent_status: 'Active', category: 'Active', color: 'Green', status_order: 10, enable: true },
  { agent_status: 'Away', category: 'Away', color: 'Amber', status_order: 20, enable: true },
  {
    agent_status: 'Unavailable',
    category: 'Unavailable',
    color: 'Red',
    status_order: 30,
    enable: true,
  },
];

/** New agents start in the first enabled Active-category status. */
export function defaultAvailability(statuses: readonly AgentStatus[]): string | null {
  const active = statuses
    .filter((status) => status.enable && status.category === 'Active')
    .sort((a, b) => a.status_order - b.status_order);
  return active[0]?.agent_status ?? null;
}

export function enabledStatus(
  statuses: readonly AgentStatus[],
  name: string,
): AgentStatus | undefined {
  return statuses.find((status) => status.agent_status === name && status.enable);
}
