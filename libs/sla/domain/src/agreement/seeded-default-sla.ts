import { WEEKDAYS } from '@helpdesk/shared-working-time';
import type { ServiceLevelAgreementDocument } from './service-level-agreement.document.js';

const HOUR = 3600;

/** Helpdesk's install seeds these priorities, most urgent first. */
export const SEEDED_TICKET_PRIORITIES = ['Urgent', 'High', 'Medium', 'Low'] as const;

/**
 * The SLA Helpdesk installs (`add_default_sla`): "Default", the default SLA, on holiday list
 * "Default", Monday to Friday 10:00–18:00 in `timeZone`, with response/resolution times Low
 * 24h/72h, Medium 8h/24h (the default priority), High 1h/4h and Urgent 30min/2h.
 */
export function seededDefaultSla(timeZone: string): ServiceLevelAgreementDocument {
  const workdays = WEEKDAYS.slice(0, 5);
  return {
    name: 'Default',
    service_level: 'Default',
    description: null,
    enabled: 1,
    default_sla: 1,
    priority: 0,
    start_date: null,
    end_date: null,
    condition: null,
    condition_json: null,
    holiday_list: 'Default',
    support_and_resolution: workdays.map((workday) => ({
      workday,
      start_time: '10:00:00',
      end_time: '18:00:00',
    })),
    priorities: [
      seededPriority('Low', 24 * HOUR, 72 * HOUR),
      seededPriority('Medium', 8 * HOUR, 24 * HOUR, 1),
      seededPriority('High', 1 * HOUR, 4 * HOUR),
      seededPriority('Urgent', HOUR / 2, 2 * HOUR),
    ],
    default_priority: 'Medium',
    apply_sla_for_resolution: 1,
    default_ticket_status: null,
    ticket_reopen_status: null,
    timezone: timeZone,
  };
}

function seededPriority(
  priority: string,
  response_time: number,
  resolution_time: number,
  default_priority: 0 | 1 = 0,
) {
  return { priority, response_time, resolution_time, default_priority };
}
