/**
 * The agent home's layout for an agent who saved none, or who asks for it again: Frappe
 * Helpdesk's grid positions for its charts, with recent activity beside the pending tickets
 * (both at half width, which each chart's `minW` allows). Sent to the client as this exact text
 * (`default_layout`), which the client compares with the layout on screen to offer a reset.
 */
export const DEFAULT_AGENT_DASHBOARD = JSON.stringify([
  chart('avg_resolution_time', { x: 33, y: 0, w: 17, h: 10, minW: 16, minH: 10, maxH: 11 }),
  chart('avg_first_response_time', { x: 16, y: 0, w: 17, h: 10, minW: 16, minH: 10, maxH: 11 }),
  chart('agent_tickets', { x: 0, y: 0, w: 16, h: 10, minW: 16, minH: 10, maxH: 11 }),
  chart('pending_tickets', { x: 0, y: 10, w: 25, h: 32, minW: 25, minH: 32, maxH: 32 }),
  chart('recent_activity', { x: 25, y: 10, w: 25, h: 32, minW: 25, minH: 32, maxH: 32 }),
  chart('recent_feedback', { x: 0, y: 66, w: 50, h: 21, minW: 50, minH: 21, maxH: 21 }),
  chart('avg_time_metrics', { x: 0, y: 42, w: 50, h: 24, minW: 18, minH: 24, maxH: 44 }),
]);

function chart(name: string, layout: Record<string, number>) {
  return { chart: name, layout };
}
